package dev.paykit.paypercut.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * <strong>For tests only.</strong> Signs a body the way Paypercut signs its webhook deliveries, so that
 * you can test your own webhook handler with requests that {@code PaypercutWebhooks} accepts:
 *
 * <pre>{@code
 * String body = "{\"id\":\"evt_1\",\"type\":\"payment_intent.captured\",...}";
 * mockMvc.perform(post("/paypercut/webhook").content(body).contentType(APPLICATION_JSON)
 *     .header("Paypercut-Signature", WebhookSigner.header(TEST_SECRET, clock.instant(), body)));
 * }</pre>
 *
 * <p>The header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}, keyed with the
 * secret's UTF-8 bytes (https://docs.paypercut.io/docs/accept-payments/notifications-webhooks). Never use
 * it with a live secret outside a test: anything signed with it verifies as Paypercut's. Stateless.
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  /**
   * The {@code Paypercut-Signature} value for this body signed at {@code at} (truncated to whole seconds).
   *
   * @param secret the endpoint's signing secret (a test one)
   * @param at the signing time
   * @param body the exact body to sign
   * @return the header value, {@code t=...,v1=...}
   * @throws IllegalArgumentException when an argument is null or the secret is empty
   */
  public static String header(String secret, Instant at, byte[] body) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("secret is required");
    }
    if (at == null) {
      throw new IllegalArgumentException("at is required");
    }
    if (at.getEpochSecond() < 0) {
      throw new IllegalArgumentException("at must not be before 1970 (a Unix time in seconds has no sign): " + at);
    }
    if (body == null) {
      throw new IllegalArgumentException("body is required");
    }
    String t = Long.toString(at.getEpochSecond());
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
  }

  /**
   * Same as {@link #header(String, Instant, byte[])} for a text body (its UTF-8 bytes are signed).
   *
   * @param secret the endpoint's signing secret (a test one)
   * @param at the signing time
   * @param body the body to sign as text
   * @return the header value, {@code t=...,v1=...}
   * @throws IllegalArgumentException when an argument is null or the secret is empty
   */
  public static String header(String secret, Instant at, String body) {
    if (body == null) {
      throw new IllegalArgumentException("body is required");
    }
    return header(secret, at, body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String secret, String t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
