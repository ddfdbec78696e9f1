package dev.paykit.sandbox.paypercut;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paypercut's webhook signature (https://docs.paypercut.io/docs/accept-payments/notifications-webhooks):
 * header {@code Paypercut-Signature: t=<unix seconds>,v1=<hex>} with
 * {@code v1 = lowercase hex(HMAC-SHA256(key = the endpoint's secret as UTF-8, whsec_ prefix
 * included, message = t + "." + raw body))}; and the secrets themselves. Stateless.
 */
final class Signature {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signature() {}

  /** {@code t=<t>,v1=<hex>} for this body. */
  static String header(String secret, long t, byte[] body) {
    return "t=" + t + ",v1=" + v1(secret, t, body);
  }

  static String v1(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  /** A fresh endpoint secret: {@code whsec_} and 48 random lowercase hex digits (192 bits). */
  static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "whsec_" + HexFormat.of().formatHex(bytes);
  }
}
