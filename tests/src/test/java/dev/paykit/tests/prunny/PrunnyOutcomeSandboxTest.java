package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.ServerException;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * "Reported failed but booked" cannot happen for a Prunny transfer: a transfer posted on its first
 * attempt whose later attempts got 500 is an unknown outcome naming the key, and repeating the call with
 * that key gets Prunny's stored answer without moving the money again.
 */
class PrunnyOutcomeSandboxTest extends PrunnySandboxTestBase {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";

  private static IntraBankTransferRequest rent(String referenceId) {
    BigDecimal a = new BigDecimal("2500.00");
    return new IntraBankTransferRequest().referenceId(referenceId).amount(a).currency("NGN").sourceAmount(a)
        .sourceCurrency("NGN").sourceAccount(ACCOUNT_ADAEZE).sourceAccountName(ACCOUNT_ADAEZE_NAME)
        .sourceNarration("rent").destinationAccount(ACCOUNT_BABATUNDE).destinationAccountName(ACCOUNT_BABATUNDE_NAME)
        .destinationNarration("rent").channel("API");
  }

  @Test
  void aTransferPostedOnItsFirstAttemptAndThenAnswered500IsAnUnknownOutcomeResolvedByItsKey() {
    BigDecimal before = sim.ledgerBalance(ACCOUNT_ADAEZE);
    sim.dropConnectionAfterProcessingNext(1);
    sim.failNext(2, 500);

    TransferOutcomeUnknownException e = assertThrows(TransferOutcomeUnknownException.class,
        () -> client.transfers().intraBank(rent("rent-dec")));

    assertThat(sim.transferCount()).isEqualTo(1); // posted, exactly once
    assertThat(sim.ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo(before.subtract(new BigDecimal("2500.00")));
    assertThat(Arrays.stream(sent(TRANSFER)).map(a -> a.getFirstHeader("Idempotency-Key")))
        .containsExactly(key(1), key(1), key(1));
    assertThat(e.idempotencyKey()).isEqualTo(key(1));
    assertThat(e.referenceId()).isEqualTo("rent-dec");
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains(key(1)).contains("may have been processed");
    assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ServerException.class,
        s -> assertThat(s.httpStatus()).isEqualTo(500));

    TransferResult again = client.transfers().intraBank(rent("rent-dec"), RequestOptions.ofIdempotencyKey(e.idempotencyKey()));

    assertThat(again.isCompleted()).isTrue();
    assertThat(again.transactionRef()).isEqualTo(sim.transfers().get(0).transactionRef());
    assertThat(sim.transferCount()).isEqualTo(1);
    assertThat(sim.ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo(before.subtract(new BigDecimal("2500.00")));
    assertThat(sim.requestsWithKey(key(1))).isEqualTo(4);
  }

  @Test
  void aTransferWhoseAnswerWasLostIsRetriedUnderItsKeyAndRepeatingItMovesNothing() {
    sim.dropConnectionAfterProcessingNext(1);

    TransferResult first = client.transfers().intraBank(rent("rent-jan"), RequestOptions.ofIdempotencyKey("order-88-pay"));
    TransferResult second = client.transfers().intraBank(rent("rent-jan"), RequestOptions.ofIdempotencyKey("order-88-pay"));

    assertThat(first.isCompleted()).isTrue();
    assertThat(second.transactionRef()).isEqualTo(first.transactionRef());
    assertThat(sim.transferCount()).isEqualTo(1);
    assertThat(sim.requestsWithKey("order-88-pay")).isEqualTo(3);
  }
}
