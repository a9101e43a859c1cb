package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PiiScrubberTest {
  @Test
  void masksEmailsCardNumbersPhonesAndIds_butKeepsOrdinaryNumbers() {
    String scrubbed = PiiScrubber.scrub("mail a.b@example.org, card 4111-1111-1111-1111, call +1 425-555-0100, ssn 123-45-6789, order 43659 of 2014");

    assertEquals("mail [email], card [card], call [phone], ssn [id], order 43659 of 2014", scrubbed);
  }

  @Test
  void keepsADigitRunThatFailsTheLuhnCheck() {
    assertEquals("id 1234567890123456", PiiScrubber.scrub("id 1234567890123456"));
  }

  @Test
  void scrubsEveryStringOfAToolResult() {
    var result = ToolRegistryTest.json("{\"columns\":[{\"name\":\"Email\",\"min\":\"a@b.io\",\"max\":\"z@y.io\",\"n\":3}]}");

    String scrubbed = PiiScrubber.scrub(result).toString();

    assertFalse(scrubbed.contains("@"), scrubbed);
    assertTrue(scrubbed.contains("\"n\":3"), scrubbed);
  }

  @Test
  void recognisesPersonalColumnsByName() {
    assertTrue(PiiScrubber.isPersonalColumn("FirstName"));
    assertTrue(PiiScrubber.isPersonalColumn("email_address"));
    assertTrue(PiiScrubber.isPersonalColumn("Phone"));
    assertFalse(PiiScrubber.isPersonalColumn("Color"));
    assertFalse(PiiScrubber.isPersonalColumn("ListPrice"));
  }

  @Test
  void pricesAnExchange_forAnInferenceProfileAtItsModelsPrice() {
    Usage usage = PriceTable.standard().usage("us.anthropic.claude-sonnet-4-5-20250929-v1:0", 5_000, 2_000);

    assertEquals(0, new BigDecimal("0.045").compareTo(usage.costUsd()), usage.toString());
  }
}
