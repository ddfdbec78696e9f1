package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.ShortUrlRequest;
import java.math.BigDecimal;
import java.net.URI;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.model.HttpRequest;

/**
 * Text that cannot be encoded losslessly is rejected, never turned into {@code ?}: today
 * {@code create("pay-U+D800")} and {@code create("pay-U+DBFF")} reached Prompt.Cash as the same
 * {@code tx_id}. Nothing reaches the sandbox; a valid surrogate pair (an emoji) goes through exactly.
 */
class PromptCashTextEncodingTest extends PromptCashTestBase {

  private static void rejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(tuple(field, "encoding"));
      assertThat(e.getMessage()).doesNotContain("pay-");
    });
  }

  private void nothingSent() {
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"pay-\uD800", "pay-\uDBFF", "pay-\uDC00", "pay-\uDFFF", "pay-\uDE00\uD83D"})
  void aTxIdWithAnUnpairedSurrogateIsRejectedEverywhere(String txId) {
    rejected(() -> client.payments().create(CreatePaymentRequest.builder(txId, BigDecimal.ONE, "USD").build()),
        "tx_id");
    rejected(() -> client.payments().get(txId), "tx_id");
    nothingSent();
  }

  @Test
  void everyOtherTextFieldIsCheckedToo() {
    rejected(() -> client.payments().create(CreatePaymentRequest.builder("o-1", BigDecimal.ONE, "USD")
        .description("blue \uD800 shirt").build()), "desc");
    rejected(() -> client.shortUrls().create(new ShortUrlRequest(URI.create("https://example.com/a"),
        "title \uDFFF", null, BigDecimal.ZERO, "USD", "PASS")), "title");
    rejected(() -> client.shortUrls().get("tok\uDBFF"), "token");
    nothingSent();
  }

  @Test
  void aSurrogatePairIsSentAsItsFourUtf8Bytes() {
    client.payments().create(CreatePaymentRequest.builder("pay-\uD83D\uDE00", BigDecimal.ONE, "USD").build());

    assertThat(client.payments().get("pay-\uD83D\uDE00").getTxId()).isEqualTo("pay-\uD83D\uDE00");
    HttpRequest created = sent("/create-payment")[0];
    assertThat(body(created)).contains("tx_id=pay-%F0%9F%98%80&");
    assertThat(sent("/get-payment/pay-%F0%9F%98%80")).hasSize(1);
  }
}
