package dev.paykit.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.internal.FormBody;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures against vectors computed with sha256sum, independently of the signer. */
class PromptCashSignerTest {

  private static final String SECRET = "sec_test_X9";
  private static final OperationSpec CREATE = ApiSpec.load("promptcash").operation("createPayment");

  /**
   * printf '%s' 'sec_test_X9token=1-pub&tx_id=order-1&amount=10.50&currency=USD&desc=Blue shirt&time=1763719200' | sha256sum
   */
  private static final String QUERY_STRING_VECTOR =
      "d44fc97d6d6d30dc63c4bb345555bf1f6246bd17cc176395fc52d0cd51e34c81";

  /** printf '%s' 'sec_test_X91-puborder-110.50USDBlue shirt1763719200' | sha256sum */
  private static final String LEGACY_VECTOR =
      "3bd729320a8681e52a94a972dce9d5e17dfd4ad4067901fbf0e2a81e8122f068";

  /** The form as Feign encodes it, fields not in the documented order, a stale signature present. */
  private static RequestTemplate encodedForm() {
    RequestTemplate t = new RequestTemplate();
    t.body("time=1763719200&desc=Blue+shirt&tx_id=order-1&token=1-pub&currency=USD&amount=10.50&signature=stale"
        .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return t;
  }

  @Test
  void signsTheDecodedParametersInTheDocumentedOrderAsTheCurrentDocsSay() {
    RequestTemplate t = encodedForm();
    new PromptCashSigner(SECRET, SignatureScheme.QUERY_STRING).apply(dev.paykit.core.internal.AttemptRequest.of(t), CREATE);

    assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo(
        "token=1-pub&tx_id=order-1&amount=10.50&currency=USD&desc=Blue+shirt&time=1763719200"
            + "&signature=" + QUERY_STRING_VECTOR);
  }

  @Test
  void signsTheLegacyValueConcatenationWhenChosen() {
    RequestTemplate t = encodedForm();
    new PromptCashSigner(SECRET, SignatureScheme.LEGACY_VALUES).apply(dev.paykit.core.internal.AttemptRequest.of(t), CREATE);

    assertThat(FormBody.parse(t.body()).get("signature")).isEqualTo(LEGACY_VECTOR);
  }

  @Test
  void sendsNoSignatureWhenSigningIsOff() {
    RequestTemplate t = encodedForm();
    new PromptCashSigner(SECRET, SignatureScheme.NONE).apply(dev.paykit.core.internal.AttemptRequest.of(t), CREATE);

    assertThat(FormBody.parse(t.body()).has("signature")).isFalse();
  }

  @Test
  void leavesOperationsWithoutASignatureFieldUntouched() {
    RequestTemplate t = new RequestTemplate();
    t.body("url=https%3A%2F%2Fexample.com&amount=0".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    new PromptCashSigner(SECRET, SignatureScheme.QUERY_STRING)
        .apply(dev.paykit.core.internal.AttemptRequest.of(t), ApiSpec.load("promptcash").operation("createShortUrl"));

    assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo("url=https%3A%2F%2Fexample.com&amount=0");
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(new PromptCashSigner(SECRET, SignatureScheme.QUERY_STRING).toString()).doesNotContain(SECRET);
  }
}
