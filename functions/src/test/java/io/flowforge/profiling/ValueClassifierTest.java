package io.flowforge.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueClassifierTest {
  @Test
  void detectsDayFirstDates_whenAFirstPartExceedsTwelve() {
    ValueAnalysis a = ValueClassifier.analyze("booked", "VARCHAR", List.of("01/02/2024", "25/12/2024", "03/04/2024"));
    assertEquals("DATE", a.inferredType());
    assertEquals("DD/MM/YYYY", a.format());
  }

  @Test
  void detectsMonthFirstDates_whenASecondPartExceedsTwelve() {
    assertEquals("MM/DD/YYYY", ValueClassifier.analyze("d", "VARCHAR", List.of("12/25/2024", "01/02/2024")).format());
  }

  @Test
  void saysAmbiguous_whenNoPartExceedsTwelve() {
    assertTrue(ValueClassifier.analyze("d", "VARCHAR", List.of("01/02/2024", "03/04/2024")).format().contains("ambiguous"));
  }

  @Test
  void detectsEpochSeconds_whenIntegerTimeColumnIsInRange() {
    ValueAnalysis a = ValueClassifier.analyze("created_at", "BIGINT", List.of("1700000000", "1700003600"));
    assertEquals("TIMESTAMP", a.inferredType());
    assertEquals("EPOCH_SECONDS", a.format());
  }

  @Test
  void detectsNumbersWithGroupingAndCurrency_inText() {
    assertEquals("NUMBER_WITH_GROUPING", ValueClassifier.analyze("x", "VARCHAR", List.of("1,234.50", "12.00", "1,000,000")).format());
    assertEquals("CURRENCY", ValueClassifier.analyze("x", "VARCHAR", List.of("$1,234.50", "$12.00", "€3")).format());
  }

  @Test
  void detectsPii_byValueShapeAndChecksums() {
    assertEquals(PiiClass.EMAIL, ValueClassifier.analyze("c", "VARCHAR", List.of("a@b.com", "x.y@z.org")).pii());
    assertEquals(PiiClass.CARD_NUMBER, ValueClassifier.analyze("c", "VARCHAR", List.of("4111 1111 1111 1111", "5500-0000-0000-0004")).pii());
    assertEquals(PiiClass.IBAN, ValueClassifier.analyze("c", "VARCHAR", List.of("GB82 WEST 1234 5698 7654 32", "DE89370400440532013000")).pii());
    assertEquals(PiiClass.NATIONAL_ID, ValueClassifier.analyze("c", "VARCHAR", List.of("123-45-6789", "987-65-4321")).pii());
    assertEquals(PiiClass.PHONE, ValueClassifier.analyze("c", "VARCHAR", List.of("+1 (780) 428-9482", "+61 2 9999 0000")).pii());
    assertEquals(PiiClass.PERSON_NAME, ValueClassifier.analyze("first_name", "VARCHAR", List.of("Ann", "Bob")).pii());
  }

  @Test
  void rejectsCardNumbers_thatFailLuhn() {
    assertFalse(ValueClassifier.isCardNumber("4111 1111 1111 1112"));
  }

  @Test
  void shapesValues_lettersAsAAndDigitsAsNine() {
    assertEquals("AAA-9999", ValueClassifier.shape("ABC-1234"));
  }
}
