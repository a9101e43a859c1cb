package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import org.junit.jupiter.api.Test;

class AlertPayloadsTest {
  @Test
  void slackMessageHasFallbackTextBlocksAndEscapedCauses() throws Exception {
    JsonNode slack = Json.mapper().readTree(AlertPayloads.slack(AlertFixtures.volumeDrop()));
    assertTrue(slack.get("text").asText().contains("HIGH anomaly in silver_orders / rows:silver.orders: 300.00, expected 1,000.00"));
    String causes = slack.get("blocks").get(1).get("text").get("text").asText();
    assertTrue(causes.indexOf("bronze_orders failed") < causes.indexOf("Ostermontag"), "ranked by confidence");
    assertTrue(causes.contains("&lt;b&gt;"));
    assertEquals("section", slack.get("blocks").get(2).get("type").asText());
  }

  @Test
  void genericEventCarriesTheWholeAnomaly() throws Exception {
    JsonNode event = Json.mapper().readTree(AlertPayloads.generic(AlertFixtures.volumeDrop()));
    assertEquals("anomaly.detected", event.get("type").asText());
    JsonNode anomaly = event.get("data").get("anomaly");
    assertEquals(1000.0, anomaly.get("expected").asDouble());
    assertEquals("UPSTREAM_FAILED", anomaly.get("causes").get(0).get("kind").asText());
  }

  @Test
  void backoffGrowsExponentiallyUpToTheCap() {
    DeliveryPolicy policy = DeliveryPolicy.standard();
    assertEquals(1000, policy.backoffAfter(1).toMillis());
    assertEquals(4000, policy.backoffAfter(2).toMillis());
    assertEquals(16000, policy.backoffAfter(3).toMillis());
    assertEquals(30000, policy.backoffAfter(4).toMillis());
  }
}
