package io.flowforge.adapters.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BedrockSettingsTest {
  @Test
  void staysOffline_unlessBedrockIsAskedFor() {
    assertTrue(BedrockSettings.from(Map.<String, String>of()::get).isEmpty());
    assertTrue(BedrockSettings.from(Map.of("FLOWFORGE_AI", "offline")::get).isEmpty());
  }

  @Test
  void defaultsToACrossRegionInferenceProfile_withMaxTokensAlwaysSet() {
    BedrockSettings settings = BedrockSettings.from(Map.of("FLOWFORGE_AI", "bedrock", "AWS_REGION", "eu-west-1")::get).orElseThrow();

    assertTrue(settings.modelId().startsWith("us.anthropic.claude-sonnet-4-5"), settings.modelId());
    assertEquals("eu-west-1", settings.region());
    assertEquals(4096, settings.maxTokens());
  }

  @Test
  void readsModelRegionTokensRoundsAndTimeout() {
    BedrockSettings settings = BedrockSettings.from(Map.of(
        "FLOWFORGE_AI", "BEDROCK",
        "FLOWFORGE_BEDROCK_MODEL_ID", "eu.anthropic.claude-haiku-4-5-20251001-v1:0",
        "FLOWFORGE_BEDROCK_REGION", "eu-central-1",
        "FLOWFORGE_BEDROCK_MAX_TOKENS", "2000",
        "FLOWFORGE_BEDROCK_MAX_TOOL_ROUNDS", "4",
        "FLOWFORGE_BEDROCK_TIMEOUT_SECONDS", "20")::get).orElseThrow();

    assertEquals("eu.anthropic.claude-haiku-4-5-20251001-v1:0", settings.modelId());
    assertEquals("eu-central-1", settings.region());
    assertEquals(2000, settings.maxTokens());
    assertEquals(4, settings.maxToolRounds());
    assertEquals(Duration.ofSeconds(20), settings.callTimeout());
    assertEquals(Duration.ofSeconds(20), settings.attemptTimeout());
  }

  @Test
  void readsAnEndpointOverride_andRefusesOneThatIsNotAnHttpUrl() {
    BedrockSettings settings = BedrockSettings.from(Map.of(
        "FLOWFORGE_AI", "bedrock", "FLOWFORGE_BEDROCK_ENDPOINT", "http://127.0.0.1:18555")::get).orElseThrow();
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BedrockSettings.from(Map.of(
        "FLOWFORGE_AI", "bedrock", "FLOWFORGE_BEDROCK_ENDPOINT", "bedrock.local:443")::get));

    assertEquals(URI.create("http://127.0.0.1:18555"), settings.endpointOverride());
    assertNull(BedrockSettings.defaults().endpointOverride());
    assertTrue(refused.getMessage().contains("FLOWFORGE_BEDROCK_ENDPOINT must be an absolute http(s) URL"), refused.getMessage());
  }
}
