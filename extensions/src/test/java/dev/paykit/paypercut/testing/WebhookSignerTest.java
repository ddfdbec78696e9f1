package dev.paykit.paypercut.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test helper signs exactly as OpenSSL does (the vectors of {@code dev.paykit.paypercut.WebhookVectors}). */
class WebhookSignerTest {

  private static final String SECRET = "whsec_test_3kP9xQ2mL7vN4rT8";
  private static final String OLD_SECRET = "whsec_test_OLD_u5Hc1Wd6Zy0";
  private static final Instant AT = Instant.ofEpochSecond(1768991448L);

  /** WebhookVectors.PI_CAPTURED, repeated here: the fixture is package-private to dev.paykit.paypercut. */
  private static final String BODY = "{\"id\":\"evt_01K688H80Z3199KETHDJ4ZAFPS\",\"type\":\"payment_intent.captured\","
      + "\"created\":\"2026-01-21T10:30:48+02:00\",\"livemode\":false,\"account\":\"acct_01K6ACCT\",\"api_version\":\"v1\","
      + "\"data\":{\"object\":{\"id\":\"pi_01K688H80Z\",\"amount\":1050,\"amount_received\":1050,"
      + "\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\",\"created\":\"2026-01-21T10:30:00+02:00\","
      + "\"livemode\":false}}}";

  /** WebhookVectors.CHECKOUT_UTF8. */
  private static final String UTF8_BODY = "{\"id\":\"evt_02UTF8\",\"type\":\"checkout_session.completed\","
      + "\"created\":\"2026-01-21T08:30:48Z\",\"livemode\":true,\"data\":{\"object\":{\"id\":\"cs_01\",\"amount_total\":1500,"
      + "\"currency\":{\"iso\":\"EUR\",\"scale\":2},\"status\":\"complete\",\"description\":\"Caf\u00e9 \u2013 15 \u20ac\"}}}";

  @Test
  void producesTheOpensslSignatureInTheDocumentedHeaderForm() {
    // printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$secret"   (see WebhookVectors)
    assertThat(WebhookSigner.header(SECRET, AT, BODY))
        .isEqualTo("t=1768991448,v1=c7ecdef6d49fe6f0a8a03ed484f813c95dd762acaaf21747e662f7559bc5d74e");
    // printf '%s' "$t.$body" | openssl dgst -sha256 -hmac "$old"
    assertThat(WebhookSigner.header(OLD_SECRET, AT, BODY.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("t=1768991448,v1=d8f89b000c924c9e1142138a7e71d88041e7ef4f80385b41f53ad51af523800f");
  }

  @Test
  void signsTheUtf8BytesOfATextBody() {
    assertThat(WebhookSigner.header(SECRET, AT, UTF8_BODY))
        .isEqualTo("t=1768991448,v1=c1e6fb0ed58bf2d81f1e8f6ce3574153837a49695887f3eeb117d1115ce46c7a");
  }

  @Test
  void theTimestampIsWholeSeconds() {
    assertThat(WebhookSigner.header(SECRET, AT.plusMillis(999), BODY)).isEqualTo(WebhookSigner.header(SECRET, AT, BODY));
  }

  @Test
  void refusesMissingArgumentsWithoutAnNpe() {
    assertThatThrownBy(() -> WebhookSigner.header(null, AT, BODY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret is required");
    assertThatThrownBy(() -> WebhookSigner.header("", AT, BODY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSigner.header(SECRET, null, BODY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at is required");
    assertThatThrownBy(() -> WebhookSigner.header(SECRET, AT, (String) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("body is required");
    assertThatThrownBy(() -> WebhookSigner.header(SECRET, AT, (byte[]) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("body is required");
  }

  @Test
  void instantsBeforeTheEpochAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSigner.header("whsec_x",
        java.time.Instant.parse("1969-12-31T23:59:59Z"), "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1970");
  }
}
