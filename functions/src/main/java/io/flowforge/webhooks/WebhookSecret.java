package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: 24 to 64 random bytes, written {@code whsec_<base64>}. The prefix is
 * optional on input, so a secret pasted without it still works.
 */
public final class WebhookSecret {
  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  public static WebhookSecret parse(String text) {
    String encoded = text == null ? "" : text.trim();
    if (encoded.startsWith(PREFIX)) {
      encoded = encoded.substring(PREFIX.length());
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw FlowForgeException.invalid("/secret", "The webhook secret is not base64 after 'whsec_'; copy it again from FlowForge.");
    }
    if (key.length < 16 || key.length > 64) {
      throw FlowForgeException.invalid(
          "/secret", "The webhook secret decodes to " + key.length + " bytes; it must be 16 to 64 bytes (24 or 32 are usual).");
    }
    return new WebhookSecret(key);
  }

  /** A new random 32-byte secret. */
  public static WebhookSecret generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new WebhookSecret(key);
  }

  byte[] key() {
    return key.clone();
  }

  /** The shareable form, {@code whsec_<base64>}. */
  public String encoded() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}
