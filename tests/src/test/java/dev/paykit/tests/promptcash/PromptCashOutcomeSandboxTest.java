package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.ServerException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.CreatePaymentResult;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * "Reported failed but booked" cannot happen: against the stateful sandbox, a create whose first attempt
 * was booked but answered nothing readable is never reported as a plain failure, and the flags of the
 * result tell a replay of this call's own attempt from a payment that existed before.
 */
class PromptCashOutcomeSandboxTest extends PromptCashTestBase {

  private static CreatePaymentRequest order(String txId) {
    return CreatePaymentRequest.builder(txId, new BigDecimal("12.34"), "USD").build();
  }

  private String[] txIds(HttpRequest[] attempts) {
    return Arrays.stream(attempts).map(a -> formField(body(a), "tx_id")).toArray(String[]::new);
  }

  private static String formField(String form, String name) {
    return Arrays.stream(form.split("&")).filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
        .findFirst().orElse(null);
  }

  @Test
  void aCreateBookedOnItsFirstAttemptAndThenAnswered500IsAnUnknownOutcomeNotAFailure() {
    sim.dropConnectionAfterProcessingNext(1);
    sim.failNext(2, 500);

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.payments().create(order("order-5")));

    // the sandbox booked it, exactly once, although the last attempt said 500
    assertThat(sim.paymentCount()).isEqualTo(1);
    assertThat(sim.payment("order-5")).isPresent();
    assertThat(txIds(sent("/create-payment"))).containsExactly("order-5", "order-5", "order-5");
    assertThat(e.reference()).isEqualTo("order-5");
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getCause()).isInstanceOfSatisfying(ServerException.class,
        s -> assertThat(s.httpStatus()).isEqualTo(500));
    assertThat(e.resolution()).contains("tx_id order-5");

    // resolved as told: the same call with the same tx_id finds the payment; this call created nothing
    CreatePaymentResult again = client.payments().create(order("order-5"));

    assertThat(again.getExisting()).isTrue();
    assertThat(again.createdOnAnEarlierAttempt()).isFalse();
    assertThat(again.createdByThisCall()).isFalse();
    assertThat(again.getPayment().getTxId()).isEqualTo("order-5");
    assertThat(sim.paymentCount()).isEqualTo(1);
    assertThat(sent("/create-payment")).hasSize(4);
  }

  @Test
  void aRetryThatFindsThePaymentItsOwnFirstAttemptCreatedSaysSo() {
    sim.dropConnectionAfterProcessingNext(1);

    CreatePaymentResult created = client.payments().create(order("order-6"));

    assertThat(created.getExisting()).isTrue(); // Prompt.Cash's word: the tx_id was known on arrival
    assertThat(created.createdOnAnEarlierAttempt()).isTrue();
    assertThat(created.createdByThisCall()).isTrue();
    assertThat(sim.paymentCount()).isEqualTo(1);
    assertThat(txIds(sent("/create-payment"))).containsExactly("order-6", "order-6");

    CreatePaymentResult second = client.payments().create(order("order-6"));

    assertThat(second.getExisting()).isTrue();
    assertThat(second.createdOnAnEarlierAttempt()).isFalse();
    assertThat(second.createdByThisCall()).isFalse();
    assertThat(sim.paymentCount()).isEqualTo(1);
  }

  @Test
  void aPlainCreateIsCreatedByThisCall() {
    CreatePaymentResult created = client.payments().create(order("order-8"));

    assertThat(created.getExisting()).isFalse();
    assertThat(created.createdOnAnEarlierAttempt()).isFalse();
    assertThat(created.createdByThisCall()).isTrue();
  }
}
