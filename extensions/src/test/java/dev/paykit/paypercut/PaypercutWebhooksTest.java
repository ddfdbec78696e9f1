package dev.paykit.paypercut;

import static dev.paykit.paypercut.WebhookVectors.CHECKOUT_UTF8;
import static dev.paykit.paypercut.WebhookVectors.CHECKOUT_UTF8_V1;
import static dev.paykit.paypercut.WebhookVectors.FORGED_V1;
import static dev.paykit.paypercut.WebhookVectors.OLD_SECRET;
import static dev.paykit.paypercut.WebhookVectors.PI_CAPTURED;
import static dev.paykit.paypercut.WebhookVectors.PI_CAPTURED_V1;
import static dev.paykit.paypercut.WebhookVectors.PI_CAPTURED_V1_OLD;
import static dev.paykit.paypercut.WebhookVectors.SECRET;
import static dev.paykit.paypercut.WebhookVectors.SIGNED_AT;
import static dev.paykit.paypercut.WebhookVectors.T;
import static dev.paykit.paypercut.WebhookVectors.UNKNOWN_TYPE;
import static dev.paykit.paypercut.WebhookVectors.UNKNOWN_TYPE_V1;
import static dev.paykit.paypercut.WebhookVectors.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook verification against the OpenSSL vectors of {@link WebhookVectors}, the tolerance edges, the
 * header grammar and secret rotation. Every failure is checked for its reason and for leaking no secret.
 */
class PaypercutWebhooksTest {

  private static final byte[] BODY = PI_CAPTURED.getBytes(StandardCharsets.UTF_8);

  /** Every failure a test provoked, checked after each test for secrets in its text. */
  private final List<SignatureVerificationException> failures = new ArrayList<>();

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  /** Verifies with the current secret only, the clock at the signing second. */
  private static PaypercutWebhooks webhooks() {
    return PaypercutWebhooks.builder().secret(SECRET).clock(at(SIGNED_AT)).build();
  }

  private SignatureVerificationException fails(ThrowingCallable call, Reason reason) {
    SignatureVerificationException[] caught = new SignatureVerificationException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
      assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
      assertThat(e.provider()).isEqualTo("paypercut");
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      caught[0] = e;
    });
    failures.add(caught[0]);
    return caught[0];
  }

  @AfterEach
  void noFailureShowsASecretOrTheExpectedSignature() {
    for (SignatureVerificationException e : failures) {
      for (String text : new String[] {e.getMessage(), e.toString(), e.providerMessage().orElse("")}) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(OLD_SECRET).doesNotContain("3kP9xQ2mL7vN4rT8")
            .doesNotContain(PI_CAPTURED_V1).doesNotContain(PI_CAPTURED_V1_OLD);
      }
    }
  }

  // ---- the vectors ----------------------------------------------------------------------------------

  @Test
  void acceptsTheOpensslVectorAndReadsTheEvent() {
    WebhookEvent event = webhooks().verify(header(PI_CAPTURED_V1), BODY);

    assertThat(event.id()).isEqualTo("evt_01K688H80Z3199KETHDJ4ZAFPS");
    assertThat(event.type()).isEqualTo("payment_intent.captured");
  }

  @Test
  void theTextBodyOverloadVerifiesTheUtf8Bytes() {
    WebhookEvent event = webhooks().verify(header(CHECKOUT_UTF8_V1), CHECKOUT_UTF8);

    assertThat(event.id()).isEqualTo("evt_02UTF8");
    assertThat(event.dataObject().get("description").textValue()).isEqualTo("Caf\u00e9 \u2013 15 \u20ac");
    // The same text as ISO-8859-1 bytes is another body: it must not verify.
    fails(() -> webhooks().verify(header(CHECKOUT_UTF8_V1), CHECKOUT_UTF8.getBytes(StandardCharsets.ISO_8859_1)),
        Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void aBodyChangedByOneByteDoesNotVerify() {
    byte[] changed = PI_CAPTURED.replace("\"amount\":1050", "\"amount\":9050").getBytes(StandardCharsets.UTF_8);

    SignatureVerificationException e = fails(() -> webhooks().verify(header(PI_CAPTURED_V1), changed),
        Reason.NO_MATCHING_SIGNATURE);
    assertThat(e.getMessage()).contains("none of the 1 v1 signature(s)").contains("1 configured secret(s)");
  }

  @Test
  void aBodyReformattedAfterArrivalDoesNotVerify() {
    fails(() -> webhooks().verify(header(PI_CAPTURED_V1), PI_CAPTURED.replace(",", ", ")),
        Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void theTimestampIsSignedToo() {
    // Same v1, t moved by one second (and the clock with it, so the tolerance is not what fails).
    PaypercutWebhooks w = PaypercutWebhooks.builder().secret(SECRET).clock(at(SIGNED_AT.plusSeconds(1))).build();

    fails(() -> w.verify("t=" + (T + 1) + ",v1=" + PI_CAPTURED_V1, BODY), Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void theTimestampIsSignedAsItsTextSoLeadingZerosChangeTheSignature() {
    fails(() -> webhooks().verify("t=0" + T + ",v1=" + PI_CAPTURED_V1, BODY), Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void anotherEndpointsSecretDoesNotVerify() {
    PaypercutWebhooks other = PaypercutWebhooks.builder().secret("whsec_test_another_endpoint")
        .clock(at(SIGNED_AT)).build();

    fails(() -> other.verify(header(PI_CAPTURED_V1), BODY), Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void anEventOfAnUnknownTypeVerifies() {
    WebhookEvent event = webhooks().verify(header(UNKNOWN_TYPE_V1), UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));

    assertThat(event.type()).isEqualTo("payout.paid");
  }

  // ---- several signatures, several secrets ----------------------------------------------------------

  @Test
  void anyOfSeveralV1SignaturesMayMatchInAnyPosition() {
    PaypercutWebhooks w = webhooks();

    assertThat(w.verify("t=" + T + ",v1=" + FORGED_V1 + ",v1=" + PI_CAPTURED_V1, BODY).id()).startsWith("evt_01");
    assertThat(w.verify("t=" + T + ",v1=" + PI_CAPTURED_V1 + ",v1=" + FORGED_V1, BODY).id()).startsWith("evt_01");
    SignatureVerificationException e = fails(
        () -> w.verify("t=" + T + ",v1=" + FORGED_V1 + ",v1=" + FORGED_V1.replace('0', '1'), BODY),
        Reason.NO_MATCHING_SIGNATURE);
    assertThat(e.getMessage()).contains("none of the 2 v1 signature(s)");
  }

  @Test
  void whileRotatingADeliverySignedWithEitherSecretVerifies() {
    PaypercutWebhooks rotating = PaypercutWebhooks.builder().secret(SECRET).secret(OLD_SECRET)
        .clock(at(SIGNED_AT)).build();

    assertThat(rotating.verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
    assertThat(rotating.verify(header(PI_CAPTURED_V1_OLD), BODY).id()).startsWith("evt_01");
    // A header carrying both signatures, as during a roll-over.
    assertThat(rotating.verify(header(PI_CAPTURED_V1_OLD) + ",v1=" + PI_CAPTURED_V1, BODY).id()).startsWith("evt_01");
    // The order the secrets were given in does not matter.
    PaypercutWebhooks reversed = PaypercutWebhooks.builder().secrets(List.of(OLD_SECRET, SECRET))
        .clock(at(SIGNED_AT)).build();
    assertThat(reversed.verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
  }

  @Test
  void onceTheOldSecretIsRemovedItsSignaturesFail() {
    SignatureVerificationException e = fails(() -> webhooks().verify(header(PI_CAPTURED_V1_OLD), BODY),
        Reason.NO_MATCHING_SIGNATURE);
    PaypercutWebhooks oldOnly = PaypercutWebhooks.builder().secret(OLD_SECRET).clock(at(SIGNED_AT)).build();
    fails(() -> oldOnly.verify(header(PI_CAPTURED_V1), BODY), Reason.NO_MATCHING_SIGNATURE);
    assertThat(e.getMessage()).contains("1 configured secret(s)");
  }

  // ---- tolerance ------------------------------------------------------------------------------------

  private static PaypercutWebhooks clockAt(Instant now) {
    return PaypercutWebhooks.builder().secret(SECRET).clock(at(now)).build();
  }

  @Test
  void exactly300SecondsOldIsAccepted() {
    assertThat(clockAt(SIGNED_AT.plusSeconds(300)).verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
  }

  @Test
  void the301stSecondIsRejectedWithBothFiguresInTheMessage() {
    SignatureVerificationException e = fails(
        () -> clockAt(SIGNED_AT.plusSeconds(301)).verify(header(PI_CAPTURED_V1), BODY),
        Reason.TIMESTAMP_OUTSIDE_TOLERANCE);

    assertThat(e.getMessage()).contains("Paypercut-Signature timestamp 1768991448 is 301 s old; tolerance is 300 s");
  }

  @Test
  void theToleranceCountsWholeSecondsAsTDoes() {
    // t has no fraction: a delivery signed at ...48.9 carries t=...48, so 300.999 s by the clock is 300 s
    assertThat(clockAt(SIGNED_AT.plusMillis(300_999)).verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
    SignatureVerificationException e = fails(
        () -> clockAt(SIGNED_AT.plusMillis(301_000)).verify(header(PI_CAPTURED_V1), BODY),
        Reason.TIMESTAMP_OUTSIDE_TOLERANCE);

    assertThat(e.getMessage()).contains("is 301 s old");
  }

  @Test
  void aV1ThatIsNotASignatureIsSkippedWhenAnotherMatches() {
    PaypercutWebhooks w = clockAt(SIGNED_AT);
    assertThat(w.verify(header(PI_CAPTURED_V1) + ",v1=zz", BODY).id()).startsWith("evt_01");
    assertThat(w.verify(header(PI_CAPTURED_V1) + ",v1=", BODY).id()).startsWith("evt_01");
  }

  @Test
  void aLowerCasedHeaderLookupStillFindsTheSignature() {
    java.util.Map<String, String> headers = java.util.Map.of("paypercut-signature", header(PI_CAPTURED_V1),
        "paypercut-delivery-id", "dlv_1");
    WebhookEvent e = clockAt(SIGNED_AT).verify(headers::get, BODY);
    assertThat(e.deliveryId()).contains("dlv_1");
  }

  @Test
  void futureTimestampsHaveTheSameBound() {
    // The clock 300 s behind the signer: accepted; 301 s behind: rejected as in the future.
    assertThat(clockAt(SIGNED_AT.minusSeconds(300)).verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
    SignatureVerificationException e = fails(
        () -> clockAt(SIGNED_AT.minusSeconds(301)).verify(header(PI_CAPTURED_V1), BODY),
        Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
    assertThat(e.getMessage()).contains("is 301 s in the future; tolerance is 300 s");
  }

  @Test
  void aFarFutureTimestampIsOutsideTheToleranceNotAnOverflow() {
    SignatureVerificationException e = fails(
        () -> webhooks().verify("t=999999999999999999,v1=" + WebhookVectors.PI_CAPTURED_FAR_FUTURE_V1, BODY),
        Reason.TIMESTAMP_OUTSIDE_TOLERANCE);

    assertThat(e.getMessage()).contains("timestamp 999999999999999999 is " + (999999999999999999L - T)
        + " s in the future");
  }

  @Test
  void aConfiguredToleranceIsHonouredToTheSecond() {
    PaypercutWebhooks tight = PaypercutWebhooks.builder().secret(SECRET).tolerance(Duration.ofSeconds(10))
        .clock(at(SIGNED_AT.plusSeconds(10))).build();
    assertThat(tight.verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");

    PaypercutWebhooks tooLate = PaypercutWebhooks.builder().secret(SECRET).tolerance(Duration.ofSeconds(10))
        .clock(at(SIGNED_AT.plusSeconds(11))).build();
    assertThat(fails(() -> tooLate.verify(header(PI_CAPTURED_V1), BODY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE)
        .getMessage()).contains("is 11 s old; tolerance is 10 s");
  }

  @Test
  void theSignatureIsCheckedBeforeTheTimestampSoAStaleForgeryIsAForgery() {
    fails(() -> clockAt(SIGNED_AT.plusSeconds(3600)).verify(header(FORGED_V1), BODY), Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void toleranceMustBePositiveAndAtMostAnHour() {
    PaypercutWebhooks.Builder b = PaypercutWebhooks.builder().secret(SECRET);

    assertThatThrownBy(() -> b.tolerance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> b.tolerance(Duration.ofSeconds(-300))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> b.tolerance(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tolerance(Duration.ofHours(1).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than PT1H");
    PaypercutWebhooks hour = b.tolerance(Duration.ofHours(1)).clock(at(SIGNED_AT.plusSeconds(3600))).build();
    assertThat(hour.verify(header(PI_CAPTURED_V1), BODY).id()).startsWith("evt_01");
  }

  @Test
  void theDefaultClockIsTheSystemClockSoAnOldVectorIsStale() {
    PaypercutWebhooks system = PaypercutWebhooks.builder().secret(SECRET).build();

    fails(() -> system.verify(header(PI_CAPTURED_V1), BODY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
  }

  // ---- the header's grammar -------------------------------------------------------------------------

  @Test
  void spacesAroundPairsKeysAndValuesAndEmptyPairsAreIgnored() {
    PaypercutWebhooks w = webhooks();

    assertThat(w.verify("  t=" + T + " ,\tv1=" + PI_CAPTURED_V1 + "  ", BODY).id()).startsWith("evt_01");
    assertThat(w.verify("t = " + T + ", v1 = " + PI_CAPTURED_V1, BODY).id()).startsWith("evt_01");
    assertThat(w.verify("t=" + T + ",,v1=" + PI_CAPTURED_V1 + ",", BODY).id()).startsWith("evt_01");
  }

  @Test
  void upperCaseHexIsAccepted() {
    assertThat(webhooks().verify(header(PI_CAPTURED_V1.toUpperCase(Locale.ROOT)), BODY).id()).startsWith("evt_01");
  }

  @Test
  void theOrderOfPairsDoesNotMatterAndUnknownSchemesAreIgnored() {
    PaypercutWebhooks w = webhooks();

    assertThat(w.verify("v1=" + PI_CAPTURED_V1 + ",t=" + T, BODY).id()).startsWith("evt_01");
    assertThat(w.verify("t=" + T + ",v2=not-ours-to-judge,v0=" + FORGED_V1 + ",v1=" + PI_CAPTURED_V1, BODY).id())
        .startsWith("evt_01");
  }

  @Test
  void aMissingHeaderIsMissing() {
    PaypercutWebhooks w = webhooks();

    assertThat(fails(() -> w.verify((String) null, BODY), Reason.MISSING_HEADER).getMessage())
        .contains("Paypercut-Signature header is missing");
    fails(() -> w.verify("", BODY), Reason.MISSING_HEADER);
    assertThat(fails(() -> w.verify(" \t ", BODY), Reason.MISSING_HEADER).getMessage()).contains("(blank)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "v1=" + PI_CAPTURED_V1,                                        // no t
      "t=1768991448",                                                // no v1
      "t=1768991448,v2=" + PI_CAPTURED_V1,                           // only another scheme
      "t=1768991448,V1=" + PI_CAPTURED_V1,                           // keys are case-sensitive
      "t=1768991448,t=1768991448,v1=" + PI_CAPTURED_V1,              // t twice, even the same
      "t=1768991449,v1=" + PI_CAPTURED_V1 + ",t=1768991448",         // t twice
      "t=,v1=" + PI_CAPTURED_V1,                                     // empty t
      "t=abc,v1=" + PI_CAPTURED_V1,                                  // non-numeric t
      "t=-1768991448,v1=" + PI_CAPTURED_V1,                          // signed t
      "t=+1768991448,v1=" + PI_CAPTURED_V1,                          // signed t
      "t=1768991448.5,v1=" + PI_CAPTURED_V1,                         // fractional t
      "t=1768991448000000000,v1=" + PI_CAPTURED_V1,                  // 19 digits
      "t=1768991448,v1=" + "g" + "123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", // non-hex
      "t=1768991448,v1=c7ecdef6d49fe6f0a8a03ed484f813c95dd762acaaf21747e662f7559bc5d74",   // 63 digits
      "t=1768991448,v1=c7ecdef6d49fe6f0a8a03ed484f813c95dd762acaaf21747e662f7559bc5d74e0", // 65 digits
      "t=1768991448,v1=",                                            // empty v1
      "t=1768991448,v1=" + PI_CAPTURED_V1 + ",garbage",              // a pair without '='
      "t=1768991448,=x,v1=" + PI_CAPTURED_V1,                        // a pair without key
      "1768991448," + PI_CAPTURED_V1,                                // no keys at all
      "t=1768991448;v1=" + PI_CAPTURED_V1,                           // wrong separator
  })
  void malformedHeadersAreRejectedBeforeAnyHmac(String header) {
    SignatureVerificationException e = fails(() -> webhooks().verify(header, BODY), Reason.MALFORMED_HEADER);

    assertThat(e.getMessage()).contains("Paypercut-Signature header is malformed")
        .contains("expected t=<unix seconds>,v1=<64 hex digits>");
  }

  @Test
  void malformedHeaderMessagesSayWhatIsWrongWithoutEchoingTheValue() {
    PaypercutWebhooks w = webhooks();

    assertThat(fails(() -> w.verify("v1=" + PI_CAPTURED_V1, BODY), Reason.MALFORMED_HEADER).getMessage())
        .contains("no t= timestamp");
    assertThat(fails(() -> w.verify("t=1,t=2,v1=" + PI_CAPTURED_V1, BODY), Reason.MALFORMED_HEADER).getMessage())
        .contains("t appears more than once");
    assertThat(fails(() -> w.verify("t=12ab,v1=" + PI_CAPTURED_V1, BODY), Reason.MALFORMED_HEADER).getMessage())
        .contains("t is not a Unix time in seconds").doesNotContain("12ab");
    assertThat(fails(() -> w.verify("t=1,v1=xyz<script>", BODY), Reason.MALFORMED_HEADER)
        .getMessage()).contains("none of its 1 v1 value(s) is 64 hex digits").doesNotContain("script");
    assertThat(fails(() -> w.verify("t=1", BODY), Reason.MALFORMED_HEADER).getMessage())
        .contains("no v1= signature");
  }

  // ---- the body -------------------------------------------------------------------------------------

  @Test
  void anEmptyBodyIsRejectedAsSuch() {
    PaypercutWebhooks w = webhooks();

    assertThat(fails(() -> w.verify(header(PI_CAPTURED_V1), new byte[0]), Reason.EMPTY_BODY).getMessage())
        .contains("webhook body is empty");
    fails(() -> w.verify(header(PI_CAPTURED_V1), (byte[]) null), Reason.EMPTY_BODY);
    fails(() -> w.verify(header(PI_CAPTURED_V1), ""), Reason.EMPTY_BODY);
    fails(() -> w.verify(header(PI_CAPTURED_V1), (String) null), Reason.EMPTY_BODY);
  }

  @Test
  void anUnverifiedBodyIsNeverParsed() {
    // Not JSON at all, but the signature fails first: the reason says forged, not malformed.
    fails(() -> webhooks().verify(header(FORGED_V1), "not json"), Reason.NO_MATCHING_SIGNATURE);
  }

  // ---- header lookups -------------------------------------------------------------------------------

  @Test
  void aCaseInsensitiveLookupSuppliesTheSignatureAndTheDeliveryId() {
    Map<String, String> servletLike = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    servletLike.put("paypercut-signature", header(PI_CAPTURED_V1));
    servletLike.put("PAYPERCUT-DELIVERY-ID", "dlv_01K6");
    servletLike.put("Content-Type", "application/json");

    WebhookEvent event = webhooks().verify(servletLike::get, BODY);

    assertThat(event.id()).startsWith("evt_01");
    assertThat(event.deliveryId()).contains("dlv_01K6");
  }

  @Test
  void aLookupWithoutTheSignatureIsAMissingHeader() {
    Function<String, String> none = name -> null;

    fails(() -> webhooks().verify(none, BODY), Reason.MISSING_HEADER);
    fails(() -> webhooks().verify((Function<String, String>) null, BODY), Reason.MISSING_HEADER);
  }

  @Test
  void aMultiValuedMapIsReadIgnoringTheCaseOfNames() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("paypercut-signature", List.of(header(PI_CAPTURED_V1)));
    headers.put("Paypercut-Delivery-Id", List.of("dlv_2"));

    WebhookEvent event = webhooks().verify(headers, BODY);

    assertThat(event.deliveryId()).contains("dlv_2");
    assertThat(webhooks().verify(Map.of("PAYPERCUT-SIGNATURE", List.of(header(PI_CAPTURED_V1))), BODY)
        .deliveryId()).isEmpty();
  }

  @Test
  void aSignatureHeaderSentTwiceIsMalformedEvenWhenOneIsRight() {
    Map<String, List<String>> twice = Map.of("Paypercut-Signature", List.of(header(FORGED_V1), header(PI_CAPTURED_V1)));
    Map<String, List<String>> twoSpellings = new HashMap<>();
    twoSpellings.put("Paypercut-Signature", List.of(header(PI_CAPTURED_V1)));
    twoSpellings.put("paypercut-signature", List.of(header(FORGED_V1)));

    assertThat(fails(() -> webhooks().verify(twice, BODY), Reason.MALFORMED_HEADER).getMessage())
        .contains("sent 2 times");
    fails(() -> webhooks().verify(twoSpellings, BODY), Reason.MALFORMED_HEADER);
  }

  @Test
  void aMapWithoutTheSignatureIsAMissingHeader() {
    fails(() -> webhooks().verify(Map.of("Content-Type", List.of("application/json")), BODY), Reason.MISSING_HEADER);
    fails(() -> webhooks().verify(Map.of("Paypercut-Signature", List.<String>of()), BODY), Reason.MISSING_HEADER);
    fails(() -> webhooks().verify((Map<String, List<String>>) null, BODY), Reason.MISSING_HEADER);
  }

  // ---- configuration and secrets --------------------------------------------------------------------

  @Test
  void aSecretIsRequiredAndMustBeClean() {
    assertThatThrownBy(() -> PaypercutWebhooks.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one webhook secret");
    assertThatThrownBy(() -> PaypercutWebhooks.builder().secret(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("webhook secret #1 is null or blank");
    assertThatThrownBy(() -> PaypercutWebhooks.builder().secret(SECRET).secret("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("webhook secret #2 is null or blank");
    assertThatThrownBy(() -> PaypercutWebhooks.builder().secret(SECRET + "\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret #1 starts or ends with whitespace")
        .message().doesNotContain(SECRET);
    assertThatThrownBy(() -> PaypercutWebhooks.builder().secrets(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaypercutWebhooks.builder().clock(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringsNeverShowASecret() {
    PaypercutWebhooks.Builder b = PaypercutWebhooks.builder().secret(SECRET).secret(OLD_SECRET).secret(SECRET);
    PaypercutWebhooks w = b.clock(at(SIGNED_AT)).build();

    assertThat(b.toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET).contains("[REDACTED]");
    assertThat(w.toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET)
        .contains("secrets=2 x [REDACTED]")        // the repeated secret counts once
        .contains("tolerance=PT5M");
    assertThat(w.verify(header(PI_CAPTURED_V1), BODY).toString()).doesNotContain(SECRET);
  }

  @Test
  void oneInstanceVerifiesFromManyThreads() throws Exception {
    PaypercutWebhooks w = PaypercutWebhooks.builder().secret(SECRET).secret(OLD_SECRET).clock(at(SIGNED_AT)).build();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      String v1 = i % 2 == 0 ? PI_CAPTURED_V1 : PI_CAPTURED_V1_OLD;
      Thread th = new Thread(() -> {
        try {
          for (int n = 0; n < 200; n++) {
            assertThat(w.verify(header(v1), BODY).id()).startsWith("evt_01");
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(errors).isEmpty();
  }
}
