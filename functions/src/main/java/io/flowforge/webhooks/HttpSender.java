package io.flowforge.webhooks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Sends one HTTP POST and answers the status code; the JDK client in production, a local server in tests. */
@FunctionalInterface
public interface HttpSender {
  int post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException, InterruptedException;
}
