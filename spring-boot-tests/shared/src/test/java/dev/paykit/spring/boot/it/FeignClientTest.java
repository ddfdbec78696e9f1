package dev.paykit.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.ValidationException;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * (a) A {@code @FeignClient} over the generated Prompt.Cash {@code PaymentsApi} with
 * {@code PromptCashFeignConfiguration}, under this Boot line's Spring Cloud OpenFeign: signed payments,
 * validation before sending, typed errors.
 */
@PaykitBootTest
class FeignClientTest extends Sandboxed {

  /**
   * printf '%s' 'sandbox-secret-tokentoken=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue shirt&time=1763719200' | sha256sum
   */
  private static final String SIGNATURE_ORDER_1 =
      "95346227cf04277f0c6ce47cff64f0298d937a1469ba3c74e24dd429eba9fbc2";

  @Autowired PaykitTestApplication.PromptCashPayments payments;
  @Autowired PromptCashClient client;

  @Test
  void theFeignClientIsSpringCloudsNotThePaykitClientsOwnProxy() {
    assertThat(payments).isNotSameAs(client.api(dev.paykit.promptcash.api.PaymentsApi.class));
  }

  @Test
  void createsASignedPaymentInTheSandbox() {
    CreatePaymentResponse created = payments.createPayment("order-1", new BigDecimal("25.00"), "USD", null,
        "Blue shirt", null, null, null, null);

    assertThat(created).isNotNull();
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
    assertThat(sandbox.promptCash().payment("order-1")).isPresent();
    HttpRequest[] requests = sentToPromptCash("/create-payment");
    assertThat(requests).hasSize(1);
    assertThat(new String(requests[0].getBodyAsRawBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "token=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue+shirt&time=1763719200"
            + "&signature=" + SIGNATURE_ORDER_1);
    assertThat(requests[0].getHeader("Authorization")).containsExactly(PromptCashSimulator.SECRET_TOKEN);
    assertThat(payments.getPayment("order-1", (Boolean) null).getData().getTxId()).isEqualTo("order-1");
  }

  @Test
  void anInvalidAmountIsRefusedBeforeSending() {
    assertThatThrownBy(() -> payments.createPayment("order-2", new BigDecimal("-5"), "USD", null, null, null,
        null, null, null))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.violations()).anySatisfy(v -> assertThat(v.toString()).contains("amount")));
    assertThat(sandbox.mockServer().retrieveRecordedRequests(null)).isEmpty();
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  @Test
  void aProviderErrorIsPaykitsTypedException() {
    assertThatThrownBy(() -> payments.getPayment("no-such-order", (Boolean) null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.provider()).isEqualTo("promptcash");
          assertThat(e.getMessage()).doesNotContain(PromptCashSimulator.SECRET_TOKEN);
        });
    assertThat(sentToPromptCash("/get-payment/no-such-order")).hasSize(1);
  }
}
