package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PaymentQuery;
import dev.paykit.promptcash.ShortUrlRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each constraint of the spec is enforced before sending; nothing reaches the sandbox. */
class PromptCashValidationTest extends PromptCashTestBase {

  private static final BigDecimal TEN = BigDecimal.TEN;

  @AfterEach
  void nothingWasSent() {
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
  }

  static Stream<Arguments> createPaymentViolations() {
    return Stream.of(
        Arguments.of(CreatePaymentRequest.builder("", TEN, "USD").build(), "tx_id", "minLength"),
        Arguments.of(CreatePaymentRequest.builder("x".repeat(256), TEN, "USD").build(), "tx_id", "maxLength"),
        Arguments.of(CreatePaymentRequest.builder(null, TEN, "USD").build(), "tx_id", "required"),
        Arguments.of(CreatePaymentRequest.builder("o", null, "USD").build(), "amount", "required"),
        Arguments.of(CreatePaymentRequest.builder("o", BigDecimal.ZERO, "USD").build(), "amount", "exclusiveMinimum"),
        Arguments.of(CreatePaymentRequest.builder("o", new BigDecimal("-5"), "USD").build(), "amount", "exclusiveMinimum"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "usd").build(), "currency", "pattern"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, null).build(), "currency", "required"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").slpToken("S".repeat(65)).build(), "slp_token", "maxLength"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").description("d".repeat(256)).build(), "desc", "maxLength"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").callbackUrl(URI.create("relative/path")).build(), "callback", "format"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").returnUrl(URI.create("https://e.x/" + "p".repeat(2048))).build(), "return", "maxLength"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").expirationMinutes(0).build(), "expiration", "minimum"),
        Arguments.of(CreatePaymentRequest.builder("o", TEN, "USD").confirmations(-1).build(), "confirm", "minimum"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("createPaymentViolations")
  void createPaymentConstraints(CreatePaymentRequest request, String field, String rule) {
    assertViolations(() -> client.payments().create(request), field + " " + rule);
  }

  @Test
  void everyViolationIsNamedAtOnceWithoutEchoingValues() {
    String secretish = "tx-" + "9".repeat(300);
    assertThatThrownBy(() -> client.payments().create(CreatePaymentRequest.builder(secretish,
        new BigDecimal("-1"), "dollars").description("d".repeat(300)).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactlyInAnyOrder(
              "tx_id maxLength", "amount exclusiveMinimum", "currency pattern", "desc maxLength");
          assertThat(e.getMessage()).contains("tx_id", "amount", "currency", "desc").doesNotContain(secretish);
          assertThat(e.operationId()).contains("createPayment");
        });
  }

  @Test
  void listConstraints() {
    assertViolations(() -> client.payments().list(PaymentQuery.all().withLimit(501)), "limit maximum");
    assertViolations(() -> client.payments().list(PaymentQuery.all().withLimit(0)), "limit minimum");
    assertViolations(() -> client.payments().list(new PaymentQuery(null, null, null, null, null, -1)), "offset minimum");
    assertViolations(() -> client.payments().list(PaymentQuery.all().withCurrency("US")), "currency pattern");
    assertViolations(() -> client.payments().list(PaymentQuery.all().between(Instant.ofEpochSecond(-5), null)), "from minimum");
    assertViolations(() -> client.shortUrls().list(600, null), "limit maximum");
    assertViolations(() -> client.shortUrls().list(null, -2), "offset minimum");
  }

  @Test
  void pathAndQueryConstraints() {
    assertViolations(() -> client.payments().get(""), "tx_id minLength");
    assertViolations(() -> client.payments().get("x".repeat(256)), "tx_id maxLength");
    assertViolations(() -> client.shortUrls().get(""), "token minLength");
    assertViolations(() -> client.shortUrls().delete(null), "token required");
  }

  @Test
  void shortUrlConstraints() {
    assertViolations(() -> client.shortUrls().create(new ShortUrlRequest(null, null, null, BigDecimal.ZERO, "BCH", "PASS")),
        "url required");
    assertViolations(() -> client.shortUrls().create(new ShortUrlRequest(URI.create("https://e.x"), "t".repeat(256),
        "d".repeat(1025), new BigDecimal("-0.01"), "bch", "")), "title maxLength", "description maxLength",
        "amount minimum", "currency pattern", "mode minLength");
    assertViolations(() -> client.shortUrls().update("", new ShortUrlRequest(null, null, null, null, "BCH", "X".repeat(33))),
        "token minLength", "amount required", "mode maxLength");
  }

  private static void assertViolations(ThrowingCallable call, String... expected) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
      List<String> got = e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
      assertThat(got).as(e.violations().stream().map(Violation::toString).toList().toString())
          .containsExactlyInAnyOrder(expected);
    });
  }
}
