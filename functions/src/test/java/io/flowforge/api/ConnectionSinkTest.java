package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSinkTest {
  @Test
  void aSmallEventIsOneMessageWithItsData() throws Exception {
    List<String> messages = ConnectionSink.messages("text", "{\"delta\":\"Hello\"}");

    assertEquals(1, messages.size());
    JsonNode message = Json.mapper().readTree(messages.get(0));
    assertEquals("text", message.get("event").asText());
    assertEquals("Hello", message.at("/data/delta").asText());
  }

  @Test
  void aLargeEventGoesInNumberedPartsThatJoinToItsJson_eachFarBelow128Kb() throws Exception {
    // Quotes, control characters and a surrogate pair straddling every chunk boundary.
    String value = ("\"\u0001" + "🙂".repeat(3) + "ä").repeat(20_000);
    String json = Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("v", value));

    List<String> messages = ConnectionSink.messages("suggestion", json);

    assertTrue(messages.size() > 1);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      String message = messages.get(i);
      assertTrue(message.getBytes(StandardCharsets.UTF_8).length < 128 * 1024);
      JsonNode part = Json.mapper().readTree(message);
      assertEquals("suggestion", part.get("event").asText());
      assertEquals(i + 1, part.get("part").asInt());
      assertEquals(messages.size(), part.get("parts").asInt());
      String chunk = part.get("chunk").asText();
      assertTrue(!Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)));
      joined.append(chunk);
    }
    assertEquals(json, joined.toString());
    assertEquals(value, Json.mapper().readTree(joined.toString()).get("v").asText());
  }
}
