package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // The test vector published with the Standard Webhooks specification.
  private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static Clock at(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  private static Map<String, String> headers(String id, long timestamp, String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Webhook-Id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("WEBHOOK-SIGNATURE", signature);
    return headers;
  }

  private static FlowForgeException rejected(Map<String, String> headers, byte[] body, List<WebhookSecret> secrets, long now) {
    FlowForgeException error =
        assertThrows(FlowForgeException.class, () -> WebhookSignature.verify(headers, body, secrets, at(now)));
    assertEquals(ProblemType.UNAUTHORIZED, error.type());
    return error;
  }

  @Test
  void signsTheSpecificationTestVector() {
    assertEquals(SIGNATURE, WebhookSignature.sign(ID, TIMESTAMP, BODY, List.of(SECRET)));
    assertEquals(SECRET, WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  }

  @Test
  void verifiesTheTestVector_withHeadersInAnyCase() {
    WebhookSignature.Verified verified = WebhookSignature.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(SECRET), at(TIMESTAMP + 10));
    assertEquals(ID, verified.id());
    assertEquals(Instant.ofEpochSecond(TIMESTAMP), verified.timestamp());
  }

  @Test
  void acceptsDuringRotation_anySignatureMatchingAnySecret() {
    WebhookSecret next = WebhookSecret.generate();
    String both = WebhookSignature.sign(ID, TIMESTAMP, BODY, List.of(next, SECRET));
    assertEquals(2, both.split(" ").length);
    WebhookSignature.verify(headers(ID, TIMESTAMP, both), BODY, List.of(SECRET), at(TIMESTAMP));
    WebhookSignature.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(next, SECRET), at(TIMESTAMP));
    rejected(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(next), TIMESTAMP);
  }

  @Test
  void rejectsTamperedBodyIdOrTimestamp() {
    rejected(headers(ID, TIMESTAMP, SIGNATURE), "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), List.of(SECRET), TIMESTAMP);
    rejected(headers("msg_other", TIMESTAMP, SIGNATURE), BODY, List.of(SECRET), TIMESTAMP);
    rejected(headers(ID, TIMESTAMP + 1, SIGNATURE), BODY, List.of(SECRET), TIMESTAMP);
    rejected(headers(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3)), BODY, List.of(SECRET), TIMESTAMP);
    rejected(headers(ID, TIMESTAMP, "v1,not-base64!"), BODY, List.of(SECRET), TIMESTAMP);
  }

  @Test
  void rejectsStaleAndFutureTimestamps_beyondFiveMinutes() {
    WebhookSignature.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(SECRET), at(TIMESTAMP + 300));
    assertTrue(rejected(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(SECRET), TIMESTAMP + 301).getMessage().contains("tolerance"));
    rejected(headers(ID, TIMESTAMP, SIGNATURE), BODY, List.of(SECRET), TIMESTAMP - 301);
  }

  @Test
  void rejectsMissingHeadersAndBadTimestamps() {
    Map<String, String> missing = headers(ID, TIMESTAMP, SIGNATURE);
    missing.remove("WEBHOOK-SIGNATURE");
    assertTrue(rejected(missing, BODY, List.of(SECRET), TIMESTAMP).getMessage().contains("webhook-signature is missing"));
    Map<String, String> badTime = headers(ID, TIMESTAMP, SIGNATURE);
    badTime.put("webhook-timestamp", "2021-02-25T15:02:10Z");
    assertTrue(rejected(badTime, BODY, List.of(SECRET), TIMESTAMP).getMessage().contains("Unix seconds"));
  }

  @Test
  void rejectsSecretsThatAreNotBase64OrTooShort() {
    assertThrows(FlowForgeException.class, () -> WebhookSecret.parse("whsec_not base64!"));
    assertThrows(FlowForgeException.class, () -> WebhookSecret.parse("whsec_c2hvcnQ="));
    assertTrue(WebhookSecret.generate().encoded().startsWith("whsec_"));
  }

  @Test
  void processesAWebhookIdOnce() {
    ReplayGuard guard = new InMemoryReplayGuard(at(TIMESTAMP));
    Instant keep = Instant.ofEpochSecond(TIMESTAMP + 600);
    assertTrue(guard.firstDelivery("ws1", ID, keep));
    assertEquals(false, guard.firstDelivery("ws1", ID, keep));
    assertTrue(guard.firstDelivery("ws2", ID, keep), "ids are per workspace");
  }
}
