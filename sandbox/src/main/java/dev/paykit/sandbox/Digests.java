package dev.paykit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing and comparison helpers shared by the simulators; sandbox machinery. Stateless. */
public final class Digests {
  private Digests() {}

  /**
   * Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}.
   *
   * @param text the text to hash
   * @return 64 lowercase hex digits
   */
  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * Compares two secrets or signatures without leaking, through timing, where they differ.
   *
   * @param expected the value the simulator computed
   * @param actual the value the request sent
   * @return true when their UTF-8 bytes are equal
   */
  public static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
