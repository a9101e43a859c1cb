package io.flowforge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Identifiers FlowForge hands out: a short type prefix and 20 random base32 characters
 * ({@code ws_k3j…}). Ids from requests are checked against this shape before they reach storage, so they
 * are always safe in keys, paths and logs.
 */
public final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[a-z]{2,8}_[a-z2-7]{20}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append('_');
    for (int i = 0; i < 20; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  /**
   * An id of the usual shape derived from {@code parts} (SHA-256, first 100 bits in base32), for things
   * addressed by a natural key: the same parts always give the same id, so saving twice under one name
   * addresses one record instead of creating two.
   */
  public static String derived(String prefix, String... parts) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
    for (String part : parts) {
      sha256.update(part.getBytes(StandardCharsets.UTF_8));
      // A separator no part can contain keeps ("ab", "c") and ("a", "bc") apart.
      sha256.update((byte) 0);
    }
    byte[] digest = sha256.digest();
    StringBuilder id = new StringBuilder(prefix).append('_');
    for (int i = 0; i < 20; i++) {
      int bit = i * 5;
      int window = ((digest[bit / 8] & 0xff) << 8) | (digest[bit / 8 + 1] & 0xff);
      id.append(ALPHABET[(window >> (11 - bit % 8)) & 31]);
    }
    return id.toString();
  }

  public static boolean isWellFormed(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }

  /** The id as it may appear in a message: malformed input is not echoed back. */
  public static String printable(String id) {
    return isWellFormed(id) ? id : "(malformed id)";
  }
}
