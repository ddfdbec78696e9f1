package dev.paykit.paypercut;

import java.time.Instant;

/**
 * Webhook bodies and their signatures, computed with OpenSSL, independently of the code under test. Each
 * command ran in bash with
 * <pre>
 * secret='whsec_test_3kP9xQ2mL7vN4rT8'; old='whsec_test_OLD_u5Hc1Wd6Zy0'; t=1768991448
 * body='&lt;the body constant below, as it is on the wire&gt;'
 * </pre>
 */
final class WebhookVectors {

  private WebhookVectors() {}

  /** The endpoint's current secret. */
  static final String SECRET = "whsec_test_3kP9xQ2mL7vN4rT8";

  /** The endpoint's previous secret, still valid while rotating. */
  static final String OLD_SECRET = "whsec_test_OLD_u5Hc1Wd6Zy0";

  /** The signed timestamp (the docs' example value): 2026-01-21T10:30:48Z. */
  static final long T = 1768991448L;

  static final Instant SIGNED_AT = Instant.ofEpochSecond(T);

  /** A payment_intent.captured event. */
  static final String PI_CAPTURED = "{\"id\":\"evt_01K688H80Z3199KETHDJ4ZAFPS\",\"type\":\"payment_intent.captured\","
      + "\"created\":\"2026-01-21T10:30:48+02:00\",\"livemode\":false,\"account\":\"acct_01K6ACCT\",\"api_version\":\"v1\","
      + "\"data\":{\"object\":{\"id\":\"pi_01K688H80Z\",\"amount\":1050,\"amount_received\":1050,"
      + "\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\",\"created\":\"2026-01-21T10:30:00+02:00\","
      + "\"livemode\":false}}}";

  /** printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"   (body = PI_CAPTURED) */
  static final String PI_CAPTURED_V1 = "c7ecdef6d49fe6f0a8a03ed484f813c95dd762acaaf21747e662f7559bc5d74e";

  /** printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$old"   (body = PI_CAPTURED) */
  static final String PI_CAPTURED_V1_OLD = "d8f89b000c924c9e1142138a7e71d88041e7ef4f80385b41f53ad51af523800f";

  /**
   * t=999999999999999999 (the largest the header takes, far beyond {@code Instant.MAX}):
   * t=999999999999999999; printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"   (body = PI_CAPTURED)
   */
  static final String PI_CAPTURED_FAR_FUTURE_V1 = "6e6c4646aeef6ae0a955e416f2ac8543e14e272bba27401fd6c8d8804d011b7c";

  /** A checkout_session.completed event whose description is not ASCII ("Café – 15 €", UTF-8 on the wire). */
  static final String CHECKOUT_UTF8 = "{\"id\":\"evt_02UTF8\",\"type\":\"checkout_session.completed\","
      + "\"created\":\"2026-01-21T08:30:48Z\",\"livemode\":true,\"data\":{\"object\":{\"id\":\"cs_01\",\"amount_total\":1500,"
      + "\"currency\":{\"iso\":\"EUR\",\"scale\":2},\"status\":\"complete\",\"description\":\"Caf\u00e9 \u2013 15 \u20ac\"}}}";

  /**
   * printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"   (body = CHECKOUT_UTF8, typed in a UTF-8
   * terminal; {@code od -tx1} showed c3 a9, e2 80 93 and e2 82 ac for the three non-ASCII characters)
   */
  static final String CHECKOUT_UTF8_V1 = "c1e6fb0ed58bf2d81f1e8f6ce3574153837a49695887f3eeb117d1115ce46c7a";

  /** An event of a type paykit does not know, with null account and api_version. */
  static final String UNKNOWN_TYPE = "{\"id\":\"evt_03NEW\",\"type\":\"payout.paid\",\"created\":\"2026-01-21T08:30:48Z\","
      + "\"livemode\":false,\"account\":null,\"api_version\":null,\"data\":{\"object\":{\"id\":\"po_01\",\"amount\":-250}}}";

  /** printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"   (body = UNKNOWN_TYPE) */
  static final String UNKNOWN_TYPE_V1 = "3b7bcbc566c38d0ec2951f59dfe48eacb3645336ab46897ef84849fdbeb19312";

  /** A v1 value of the right form that no secret produces. */
  static final String FORGED_V1 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  static String header(String v1) {
    return "t=" + T + ",v1=" + v1;
  }
}
