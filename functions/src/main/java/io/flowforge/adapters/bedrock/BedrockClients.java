package io.flowforge.adapters.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** Builds the Bedrock runtime client once from {@link BedrockSettings}. */
public final class BedrockClients {
  private BedrockClients() {}

  public static BedrockRuntimeClient create(BedrockSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build());
  }

  public static BedrockRuntimeClient create(BedrockSettings settings, AwsCredentialsProvider credentials) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax());
    RetryStrategy retries =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(settings.maxAttempts())
            .backoffStrategy(backoff)
            .throttlingBackoffStrategy(backoff)
            // Each answer is one user's request: a shared circuit breaker would fail unrelated users.
            .circuitBreakerEnabled(false)
            .build();
    BedrockRuntimeClientBuilder builder =
        BedrockRuntimeClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                o ->
                    o.retryStrategy(retries)
                        .apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(settings.attemptTimeout()));
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    return builder.build();
  }
}
