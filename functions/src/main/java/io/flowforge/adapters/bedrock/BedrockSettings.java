package io.flowforge.adapters.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How FlowForge talks to Claude on Bedrock.
 *
 * @param modelId model or inference profile id; a cross-region inference profile by default
 * @param region the AWS region the client calls
 * @param maxTokens output token cap sent on every request (Bedrock reserves quota for it)
 * @param maxToolRounds tool-use rounds allowed in one answer before falling back
 * @param callTimeout limit for one Converse call including retries
 * @param attemptTimeout limit for one HTTP attempt
 * @param maxAttempts attempts per call, the first included (retries on throttling and transient errors)
 * @param backoffBase first retry delay; doubles per retry, with jitter
 * @param backoffMax cap on one retry delay
 * @param endpointOverride a different endpoint (a local stub in tests), or null for the regional one
 */
public record BedrockSettings(
    String modelId,
    String region,
    int maxTokens,
    int maxToolRounds,
    Duration callTimeout,
    Duration attemptTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    URI endpointOverride) {
  public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  public static final String DEFAULT_REGION = "us-east-1";

  public BedrockSettings {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(region, "region");
    if (maxTokens < 1 || maxToolRounds < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("maxTokens, maxToolRounds and maxAttempts must be at least 1");
    }
  }

  public static BedrockSettings defaults() {
    return new BedrockSettings(
        DEFAULT_MODEL_ID, DEFAULT_REGION, 4096, 6, Duration.ofSeconds(90), Duration.ofSeconds(60), 3,
        Duration.ofMillis(500), Duration.ofSeconds(8), null);
  }

  /**
   * Bedrock settings from configuration variables, or empty when the assistant should stay offline
   * ({@code FLOWFORGE_AI} other than {@code bedrock}). Variables: {@code FLOWFORGE_BEDROCK_MODEL_ID},
   * {@code FLOWFORGE_BEDROCK_REGION} (else {@code AWS_REGION}), {@code FLOWFORGE_BEDROCK_MAX_TOKENS},
   * {@code FLOWFORGE_BEDROCK_MAX_TOOL_ROUNDS}, {@code FLOWFORGE_BEDROCK_TIMEOUT_SECONDS},
   * {@code FLOWFORGE_BEDROCK_ENDPOINT} (an absolute http(s) URL instead of the regional endpoint, e.g. a VPC
   * endpoint or a local stand-in).
   *
   * @param variables how to read one variable; the caller decides where they come from
   */
  public static Optional<BedrockSettings> from(Function<String, String> variables) {
    Function<String, Optional<String>> get = name -> Optional.ofNullable(variables.apply(name)).filter(v -> !v.isBlank());
    if (!get.apply("FLOWFORGE_AI").map("bedrock"::equalsIgnoreCase).orElse(false)) {
      return Optional.empty();
    }
    BedrockSettings d = defaults();
    Duration call = get.apply("FLOWFORGE_BEDROCK_TIMEOUT_SECONDS").map(Long::parseLong).map(Duration::ofSeconds).orElse(d.callTimeout());
    return Optional.of(new BedrockSettings(
        get.apply("FLOWFORGE_BEDROCK_MODEL_ID").orElse(d.modelId()),
        get.apply("FLOWFORGE_BEDROCK_REGION").or(() -> get.apply("AWS_REGION")).orElse(d.region()),
        get.apply("FLOWFORGE_BEDROCK_MAX_TOKENS").map(Integer::parseInt).orElse(d.maxTokens()),
        get.apply("FLOWFORGE_BEDROCK_MAX_TOOL_ROUNDS").map(Integer::parseInt).orElse(d.maxToolRounds()),
        call,
        call.compareTo(d.attemptTimeout()) < 0 ? call : d.attemptTimeout(),
        d.maxAttempts(),
        d.backoffBase(),
        d.backoffMax(),
        get.apply("FLOWFORGE_BEDROCK_ENDPOINT").map(BedrockSettings::endpoint).orElse(null)));
  }

  private static URI endpoint(String value) {
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
      throw new IllegalArgumentException("FLOWFORGE_BEDROCK_ENDPOINT must be an absolute http(s) URL such as"
          + " https://bedrock-runtime.us-east-1.amazonaws.com, not '" + value + "'");
    }
    return uri;
  }

  public BedrockSettings withModel(String newModelId, String newRegion) {
    return new BedrockSettings(newModelId, newRegion, maxTokens, maxToolRounds, callTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, endpointOverride);
  }

  public BedrockSettings withEndpoint(URI endpoint) {
    return new BedrockSettings(modelId, region, maxTokens, maxToolRounds, callTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, endpoint);
  }

  public BedrockSettings withTimeouts(Duration call, Duration attempt) {
    return new BedrockSettings(modelId, region, maxTokens, maxToolRounds, call, attempt, maxAttempts, backoffBase, backoffMax, endpointOverride);
  }

  public BedrockSettings withRetries(int attempts, Duration base, Duration max) {
    return new BedrockSettings(modelId, region, maxTokens, maxToolRounds, callTimeout, attemptTimeout, attempts, base, max, endpointOverride);
  }

  public BedrockSettings withMaxToolRounds(int rounds) {
    return new BedrockSettings(modelId, region, maxTokens, rounds, callTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, endpointOverride);
  }
}
