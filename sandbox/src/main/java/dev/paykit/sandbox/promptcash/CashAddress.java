package dev.paykit.sandbox.promptcash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic, well-formed Bitcoin Cash addresses for sandbox payments ({@code bitcoincash:q...},
 * the shape in the docs' response example). Each is a real CashAddr P2PKH encoding with a valid
 * checksum, so a client that validates addresses accepts it, but its 160-bit hash is just the first
 * 20 bytes of SHA-256 of a seed: nobody holds a key for it. Never send funds to it.
 *
 * <p>Encoding per the CashAddr specification (bitcoincash.org, spec/cashaddr.md): version byte 0
 * (P2PKH, 160 bits) and the hash, regrouped into 5-bit words, followed by a 40-bit BCH checksum
 * over the prefix, a separator and the payload.
 */
final class CashAddress {
  private static final String PREFIX = "bitcoincash";
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final long[] GENERATORS = {
    0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L
  };

  private CashAddress() {}

  /** The sandbox address for {@code seed} (for example a tx_id): the same seed, the same address. */
  static String forSeed(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("paykit-sandbox:" + seed).getBytes(StandardCharsets.UTF_8));
      return p2pkh(Arrays.copyOf(digest, 20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** CashAddr of a P2PKH 20-byte public-key hash. */
  static String p2pkh(byte[] hash160) {
    if (hash160.length != 20) {
      throw new IllegalArgumentException("a P2PKH hash has 20 bytes, not " + hash160.length);
    }
    ByteArrayOutputStream versioned = new ByteArrayOutputStream();
    versioned.write(0);
    versioned.writeBytes(hash160);
    byte[] payload = toFiveBitWords(versioned.toByteArray());

    byte[] checked = new byte[PREFIX.length() + 1 + payload.length + 8];
    for (int i = 0; i < PREFIX.length(); i++) {
      checked[i] = (byte) (PREFIX.charAt(i) & 0x1f);
    }
    System.arraycopy(payload, 0, checked, PREFIX.length() + 1, payload.length);
    long mod = polymod(checked);

    StringBuilder address = new StringBuilder(PREFIX).append(':');
    for (byte word : payload) {
      address.append(CHARSET.charAt(word));
    }
    for (int i = 0; i < 8; i++) {
      address.append(CHARSET.charAt((int) ((mod >>> (5 * (7 - i))) & 0x1f)));
    }
    return address.toString();
  }

  private static byte[] toFiveBitWords(byte[] data) {
    ByteArrayOutputStream words = new ByteArrayOutputStream();
    int accumulator = 0;
    int bits = 0;
    for (byte b : data) {
      accumulator = (accumulator << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        words.write((accumulator >>> bits) & 0x1f);
      }
    }
    if (bits > 0) {
      words.write((accumulator << (5 - bits)) & 0x1f);
    }
    return words.toByteArray();
  }

  private static long polymod(byte[] words) {
    long c = 1;
    for (byte word : words) {
      long c0 = c >>> 35;
      c = ((c & 0x07ffffffffL) << 5) ^ word;
      for (int i = 0; i < GENERATORS.length; i++) {
        if (((c0 >>> i) & 1) != 0) {
          c ^= GENERATORS[i];
        }
      }
    }
    return c ^ 1;
  }
}
