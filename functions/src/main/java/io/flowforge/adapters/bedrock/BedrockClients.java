package io.flowforge.adapters.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** Builds the Bedrock runtime clients once from {@link BedrockSettings}. */
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

  public static BedrockRuntimeAsyncClient createStreaming(BedrockSettings settings) {
    return createStreaming(settings, DefaultCredentialsProvider.builder().build());
  }

  /**
   * The client for ConverseStream. It makes one attempt per call: {@link BedrockArchitect} retries a throttled
   * stream itself, because only it knows whether text already reached the user. No event for the attempt
   * timeout, or the call timeout passing, ends the stream (the architect keeps both clocks).
   */
  public static BedrockRuntimeAsyncClient createStreaming(
      BedrockSettings settings, AwsCredentialsProvider credentials) {
    BedrockRuntimeAsyncClientBuilder builder =
        BedrockRuntimeAsyncClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    // ConverseStream streams only the response, which HTTP/1.1 carries; the SDK's HTTP/2
                    // default is for the bidirectional operations.
                    .protocol(Protocol.HTTP1_1)
                    .connectionTimeout(settings.attemptTimeout())
                    // Only a backstop: the architect gives up first (idle for the attempt timeout, or the
                    // call timeout passed) and says Bedrock did not answer in time.
                    .readTimeout(settings.callTimeout().plusSeconds(1)))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    return builder.build();
  }
}
