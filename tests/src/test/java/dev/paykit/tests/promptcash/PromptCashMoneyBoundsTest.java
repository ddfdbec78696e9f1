package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ApiException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.promptcash.api.UrlShortenerApi;
import java.math.BigDecimal;
import java.net.URI;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing is sent whose answer the client cannot read back: today {@code 1E+1000} was booked (as a
 * 1,001-digit amount) and the answer then failed to decode. Amounts beyond the spec's bounds are
 * rejected before sending; the largest and the smallest allowed amounts go through and read back.
 */
class PromptCashMoneyBoundsTest extends PromptCashTestBase {

  private static final URI URL = URI.create("https://example.com/a");

  private static void rejected(ThrowingCallable call, String rule) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
        .extracting(Violation::field, Violation::rule).containsExactly(tuple("amount", rule)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1E+1000, maximum", "1E+1000000000, maximum", "1000000000000.00000001, maximum",
      "1E-1000, multipleOf", "1E-1000000000, multipleOf", "0.000000001, multipleOf"})
  void anAmountTheClientCouldNotReadBackIsRejectedBeforeSending(String amount, String rule) {
    BigDecimal a = new BigDecimal(amount);
    rejected(() -> client.payments().create(CreatePaymentRequest.builder("o-1", a, "USD").build()), rule);
    rejected(() -> client.shortUrls().create(new ShortUrlRequest(URL, null, null, a, "USD", "PASS")), rule);
    rejected(() -> client.shortUrls().update("tok-1", new ShortUrlRequest(URL, null, null, a, "USD", "PASS")), rule);

    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
  }

  /**
   * A zero whose plain text cannot be written ({@code 0E-2147483647}) passes the bounds, but no request
   * can carry it: nothing is sent, and the failure says so (never "may have been processed"), through the
   * facade, the client's own proxy and a {@code feignBuilder()} target alike.
   */
  @Test
  void aZeroThatCannotBeWrittenOutIsNeverSentNorAnUnknownOutcome() {
    BigDecimal zero = new BigDecimal("0E-2147483647");
    UrlShortenerApi own = client.api(UrlShortenerApi.class);
    UrlShortenerApi targeted = client.feignBuilder().target(UrlShortenerApi.class, sim.baseUrl());
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> client.shortUrls().create(new ShortUrlRequest(URL, null, null, zero, "USD", "PASS")),
        () -> own.createShortUrl(URL.toString(), null, null, zero, "USD", "PASS"),
        () -> targeted.createShortUrl(URL.toString(), null, null, zero, "USD", "PASS")}) {
      assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e).hasMessageContaining("request could not be encoded");
        assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      });
    }
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void theLargestAndSmallestAmountsAreSentPlainAndReadBack() {
    var big = client.payments().create(CreatePaymentRequest.builder("o-big", new BigDecimal("1E+12"), "JPY").build());
    var small = client.payments().create(
        CreatePaymentRequest.builder("o-small", new BigDecimal("0.00000001"), "BCH").build());

    assertThat(body(sent("/create-payment")[0])).contains("&amount=1000000000000&");
    assertThat(body(sent("/create-payment")[1])).contains("&amount=0.00000001&");
    assertThat(big.getPayment().getAmountFiat()).isEqualByComparingTo("1000000000000");
    assertThat(small.getPayment().getAmountFiat()).isEqualByComparingTo("0.00000001");
  }
}
