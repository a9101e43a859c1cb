package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks per the Standard Webhooks specification: the signed content is {@code
 * <webhook-id>.<webhook-timestamp>.<body>}, the signature HMAC-SHA256 in base64 with the version prefix
 * {@code v1,}; a header may carry several space-separated signatures and a receiver may hold several
 * secrets, so secrets rotate without downtime.
 */
public final class WebhookSignature {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";
  /** How far a timestamp may be from the receiver's clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The value of {@code webhook-signature}: one {@code v1,<base64>} entry per secret, space-separated. */
  public static String sign(String id, long timestampSeconds, byte[] body, List<WebhookSecret> secrets) {
    List<String> entries = new ArrayList<>();
    for (WebhookSecret secret : secrets) {
      entries.add("v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestampSeconds, body)));
    }
    return String.join(" ", entries);
  }

  /** The three headers of a signed delivery. */
  public static Map<String, String> headers(String id, Instant at, byte[] body, List<WebhookSecret> secrets) {
    return Map.of(
        ID, id, TIMESTAMP, Long.toString(at.getEpochSecond()), SIGNATURE, sign(id, at.getEpochSecond(), body, secrets));
  }

  /** A verified delivery's id and timestamp. */
  public record Verified(String id, Instant timestamp) {}

  /**
   * Verifies a delivery: headers (any case) and the raw body exactly as received. Throws an UNAUTHORIZED
   * {@link FlowForgeException} saying what failed when a header is missing, the timestamp is outside the
   * tolerance or no signature matches any secret.
   */
  public static Verified verify(Map<String, String> headers, byte[] body, List<WebhookSecret> secrets, Clock clock) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> byName.put(name, value));
    String id = require(byName, ID);
    String timestampText = require(byName, TIMESTAMP);
    String signatures = require(byName, SIGNATURE);
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampText.trim());
    } catch (NumberFormatException e) {
      throw unauthorized("webhook-timestamp must be Unix seconds; got '" + timestampText + "'.");
    }
    Instant sentAt = Instant.ofEpochSecond(timestamp);
    Duration skew = Duration.between(sentAt, clock.instant()).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      throw unauthorized(
          "webhook-timestamp is " + skew.toSeconds() + " s away from the server clock (tolerance "
              + TOLERANCE.toSeconds() + " s); sign each delivery when sending it and check the sender's clock.");
    }
    boolean matched = false;
    for (WebhookSecret secret : secrets) {
      byte[] expected = hmac(secret, id, timestamp, body);
      for (String entry : signatures.trim().split("\\s+")) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        // Constant-time, and every entry is compared, so timing reveals nothing about which one matched.
        matched |= MessageDigest.isEqual(expected, given);
      }
    }
    if (!matched) {
      throw unauthorized(
          "No webhook-signature matches this workspace's secrets; sign 'id.timestamp.body' of the exact body sent"
              + " with HMAC-SHA256 and the workspace's whsec_ secret.");
    }
    return new Verified(id, sentAt);
  }

  private static String require(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw unauthorized("Header " + name + " is missing; sign deliveries per the Standard Webhooks specification.");
    }
    return value;
  }

  private static FlowForgeException unauthorized(String detail) {
    return new FlowForgeException(ProblemType.UNAUTHORIZED, detail);
  }

  private static byte[] hmac(WebhookSecret secret, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
