package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.SignatureVerificationException;
import dev.paykit.promptcash.model.PaymentCallback;
import dev.paykit.promptcash.model.PaymentStatus;
import org.junit.jupiter.api.Test;

/** Callback bodies are parsed into the typed payment and their token checked against the secret. */
class PromptCashCallbacksTest extends PromptCashTestBase {

  private static String callback(String token) {
    return "{\"token\":\"" + token + "\",\"payment\":{\"id\":10,\"tx_id\":\"order-1\",\"status\":\"PAID\","
        + "\"amount_fiat\":25.00,\"amount_crypto\":0.10288066,\"paid\":\"2025-11-21T10:05:00Z\"}}";
  }

  @Test
  void aGenuineCallbackIsParsed() {
    PaymentCallback cb = client.callbacks().verify(callback(SECRET));

    assertThat(cb.getPayment().getTxId()).isEqualTo("order-1");
    assertThat(cb.getPayment().getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(cb.getPayment().getAmountCrypto()).isEqualByComparingTo("0.10288066");
    assertThat(cb.toString()).doesNotContain(SECRET);
  }

  @Test
  void aForgedTokenIsRejectedWithoutShowingEitherToken() {
    String forged = "forged-token-value";
    assertThatThrownBy(() -> client.callbacks().verify(callback(forged)))
        .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
          assertThat(e.getMessage()).contains("does not match").doesNotContain(forged).doesNotContain(SECRET);
        });
    assertThatThrownBy(() -> client.callbacks().verify(callback(PUBLIC)))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void malformedOrIncompleteBodiesAreRejected() {
    assertThatThrownBy(() -> client.callbacks().verify("not json"))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(() -> client.callbacks().verify("{\"payment\":{}}"))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(() -> client.callbacks().verify("{\"token\":\"" + SECRET + "\"}"))
        .isInstanceOf(SignatureVerificationException.class);
  }
}
