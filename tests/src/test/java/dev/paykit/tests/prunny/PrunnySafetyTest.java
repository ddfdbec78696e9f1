package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ConflictException;
import dev.paykit.prunny.DuplicateTransactionException;
import dev.paykit.core.InsufficientFundsException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.LimitExceededException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.prunny.model.ResponseCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Never a second transfer: idempotency keys, replays, unknown outcomes and request expiry against the sandbox. */
class PrunnySafetyTest extends PrunnySandboxTestBase {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";

  static IntraBankTransferRequest pay(String referenceId, String from, String fromName, String to, String toName,
      String amount) {
    BigDecimal a = new BigDecimal(amount);
    return new IntraBankTransferRequest().referenceId(referenceId).amount(a).currency("NGN").sourceAmount(a)
        .sourceCurrency("NGN").sourceAccount(from).sourceAccountName(fromName).sourceNarration("rent")
        .destinationAccount(to).destinationAccountName(toName).destinationNarration("rent").channel("API");
  }

  private static IntraBankTransferRequest adaezeToBabatunde(String referenceId, String amount) {
    return pay(referenceId, ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_NAME, ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, amount);
  }

  @Test
  void aConnectionDroppedAfterTheSandboxPostedTheTransferIsRetriedWithTheSameKeyAndPaysOnce() {
    BigDecimal before = sim.ledgerBalance(ACCOUNT_ADAEZE);
    sim.dropConnectionAfterProcessingNext(1);

    TransferResult r = client.transfers().intraBank(adaezeToBabatunde("rent-nov", "2500.00"));

    assertThat(r.isCompleted()).isTrue();
    assertThat(sim.transferCount()).isEqualTo(1);
    assertThat(sim.ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo(before.subtract(new BigDecimal("2500.00")));
    HttpRequest[] attempts = sent(TRANSFER);
    assertThat(attempts).hasSize(2);
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("Idempotency-Key"))).containsOnly(key(1));
    assertThat(body(attempts[0])).isEqualTo(body(attempts[1]));
  }

  @Test
  void theCallerRepeatingACallWithItsKeyGetsTheStoredAnswerAndNoSecondTransfer() {
    TransferResult first = client.transfers().intraBank(adaezeToBabatunde("rent-nov", "2500.00"), RequestOptions.ofIdempotencyKey("order-77-pay"));
    TransferResult again = client.transfers().intraBank(adaezeToBabatunde("rent-nov", "2500.00"), RequestOptions.ofIdempotencyKey("order-77-pay"));

    assertThat(again.transactionRef()).isEqualTo(first.transactionRef());
    assertThat(sim.transferCount()).isEqualTo(1);
    assertThat(sim.requestsWithKey("order-77-pay")).isEqualTo(2);
    assertThat(sim.ledgerBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("252500.00");
  }

  @Test
  void everyCallGetsItsOwnKey() {
    client.transfers().intraBank(adaezeToBabatunde("a", "10.00"));
    client.transfers().intraBank(adaezeToBabatunde("b", "10.00"));

    assertThat(Arrays.stream(sent(TRANSFER)).map(a -> a.getFirstHeader("Idempotency-Key")))
        .containsExactly(key(1), key(2));
    assertThat(sim.transferCount()).isEqualTo(2);
  }

  @Test
  void aReusedReferenceUnderANewKeyIsADuplicateAndMovesNothing() {
    client.transfers().intraBank(adaezeToBabatunde("rent-nov", "2500.00"));

    assertThatThrownBy(() -> client.transfers().intraBank(adaezeToBabatunde("rent-nov", "2500.00")))
        .isInstanceOfSatisfying(DuplicateTransactionException.class, e -> assertThat(e.providerCode()).contains("94"));
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void aKeyReusedWithADifferentBodyIsAConflict() {
    client.transfers().intraBank(adaezeToBabatunde("a", "10.00"), RequestOptions.ofIdempotencyKey("k-1"));

    assertThatThrownBy(() -> client.transfers().intraBank(adaezeToBabatunde("b", "99.00"), RequestOptions.ofIdempotencyKey("k-1")))
        .isInstanceOf(ConflictException.class);
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void insufficientFundsIsTypedAndChangesNoBalance() {
    assertThatThrownBy(() -> client.transfers().intraBank(pay("big", ACCOUNT_CHIAMAKA, ACCOUNT_CHIAMAKA_NAME,
        ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "5000.00")))
        .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
          assertThat(e.providerCode()).contains("51");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(sim.availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("1000.00");
    assertThat(sent(TRANSFER)).hasSize(1);
  }

  @Test
  void anAmountAboveTheLimitIsTyped() {
    sim.transferLimit(new BigDecimal("1000.00"));

    assertThatThrownBy(() -> client.transfers().intraBank(adaezeToBabatunde("x", "1000.01")))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void destinationTimeoutIsResolvedByTheStatusQueryNotByResubmitting() {
    sim.respondNextWithCode(1, "97");

    TransferOutcomeUnknownException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        TransferOutcomeUnknownException.class, () -> client.transfers().intraBank(adaezeToBabatunde("t-97", "40.00")));
    assertThat(unknown.transactionRef()).isNotBlank();

    assertThat(client.transfers().awaitFinalStatus(unknown.transactionRef()).getStatusCode())
        .isEqualTo(ResponseCode.APPROVED);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void aPendingTransferGivesAPendingResultThatPollingSettles() {
    sim.respondNextWithCode(1, "09");

    TransferResult r = client.transfers().intraBank(adaezeToBabatunde("t-09", "40.00"));

    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.PENDING);
    assertThat(client.transfers().awaitFinalStatus(r.transactionRef()).getStatusCode()).isEqualTo(ResponseCode.APPROVED);
  }

  @Test
  void aRequestTimestampOlderThanFiveMinutesIsRejected() {
    sim.clock(new MutableClock(START.plus(Duration.ofMinutes(5)).plusMillis(1)));

    assertThatThrownBy(() -> client.accounts().balance(ACCOUNT_ADAEZE))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
  }

  @Test
  void aRequestTimestampWithinFiveMinutesIsAccepted() {
    sim.clock(new MutableClock(START.plus(Duration.ofMinutes(5))));

    assertThat(client.accounts().balance(ACCOUNT_ADAEZE).getAvailableBalance()).isEqualByComparingTo("500000.00");
  }

  @Test
  void eachRetryCarriesAFreshTimestampSoALongBackoffDoesNotExpireTheRequest() {
    PrunnyClient patient = clientBuilder().retryPolicy(dev.paykit.core.RetryPolicy.builder().sleeper(sleeper)
        .random(() -> 0.0).initialBackoff(Duration.ofMinutes(6)).maxBackoff(Duration.ofMinutes(6))
        .maxElapsed(Duration.ofMinutes(10)).build())
        .httpOptions(dev.paykit.core.HttpOptions.defaults().withCallTimeout(Duration.ofMinutes(15))).build();
    sim.failNext(1, 503);

    // the sandbox's clock moves with the sleeper: the retry 6 minutes later must carry a new timestamp
    assertThat(patient.accounts().balance(ACCOUNT_ADAEZE).getAccountNumber()).isEqualTo(ACCOUNT_ADAEZE);
    HttpRequest[] attempts = sent("/v1/accounts/balance/" + ACCOUNT_ADAEZE);
    assertThat(attempts[0].getFirstHeader("X-Request-Timestamp")).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(attempts[1].getFirstHeader("X-Request-Timestamp")).isEqualTo("2026-11-21T10:06:00.123Z");
  }
}
