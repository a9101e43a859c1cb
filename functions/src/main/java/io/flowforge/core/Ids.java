package io.flowforge.core;

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

  public static boolean isWellFormed(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }

  /** The id as it may appear in a message: malformed input is not echoed back. */
  public static String printable(String id) {
    return isWellFormed(id) ? id : "(malformed id)";
  }
}
