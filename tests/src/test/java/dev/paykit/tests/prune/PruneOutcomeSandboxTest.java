package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.ACCOUNT_EUR;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR;
import static dev.paykit.tests.prune.PruneFixtures.payout;
import static dev.paykit.tests.prune.PruneFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.ValidationException;
import dev.paykit.prune.PruneOutcomeUnknownException;
import dev.paykit.prune.Resolution;
import dev.paykit.prune.model.AccountRequestReceipt;
import dev.paykit.prune.model.AccountRequestState;
import dev.paykit.prune.model.AccountRequestStatus;
import dev.paykit.prune.model.DebitRequestStatus;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.tests.support.ScriptedServer;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;

/**
 * The unknown-outcome path against the sandbox: Prune books the transfer (or payout) and the answer is cut
 * halfway. The client never sends it again, the caller gets Prune's typed unknown outcome naming the
 * reference and the id the half answer carried, and the resolution finds exactly the one booking through
 * the status operations, polling (bounded, the sleeper records, nothing sleeps). Where no id came back,
 * the resolution says it cannot tell, never that it failed.
 */
class PruneOutcomeSandboxTest extends PruneSandboxTestBase {

  @Test
  void anIndividualAccountRequestIsFiledWithItsDocumentsApprovedAndItsAccountIssued() {
    AccountRequestReceipt receipt = client.accountRequests().requestIndividual(PruneFixtures.individual().build());

    assertThat(receipt.getRequestStatus()).isEqualTo(AccountRequestStatus.INPROGRESS);
    assertThat(sim.documents(receipt.getId())).extracting(d -> d.part() + "=" + d.fileName() + " " + d.contentType())
        .containsExactly("idFile=id-front.png image/png", "idFileBack=id-back.png image/png",
            "poaFile=bill.pdf application/pdf");
    String account = sim.approveAccountRequest(receipt.getId());

    AccountRequestState state = client.accountRequests().status(receipt.getId());

    assertThat(state.getRequestStatus()).isEqualTo(AccountRequestStatus.APPROVED);
    assertThat(state.getIssuedAccount().getId()).isEqualTo(account);
    assertThat(client.accounts().balance(account)).isEqualByComparingTo("0.00");
  }

  @Test
  void aTransferIsFollowedToConfirmed() {
    Transaction t = client.transfers().send(transfer(IBAN_EUR, "inv-1", "250.50"));
    assertThat(t.getStatus()).isEqualTo(TransactionStatus.PENDING);
    assertThat(t.getReference()).isEqualTo("inv-1");
    assertThat(sim.balance(ACCOUNT_EUR)).isEqualByComparingTo("4749.50");

    assertThat(client.transfers().awaitFinalStatus(t.getId())).isEqualTo(TransactionStatus.PENDING);
    assertThat(sleeper.waits()).hasSize(4); // five polls, four waits, none slept
    sim.confirmTransaction(t.getId());

    assertThat(client.transfers().awaitFinalStatus(t.getId())).isEqualTo(TransactionStatus.CONFIRMED);
  }

  @Test
  void aTransferWhoseAnswerIsCutIsBookedOnceNeverResentAndFoundByItsResolution() {
    sim.dropConnectionAfterBookingNextTransfer();

    PruneOutcomeUnknownException e = assertThrows(PruneOutcomeUnknownException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "inv-2", "100.00")));

    assertThat(sent("/v1/accounts/send")).hasSize(1);                       // never sent again
    assertThat(sim.transfers()).singleElement().satisfies(b -> assertThat(b.reference()).isEqualTo("inv-2"));
    String booked = sim.transfers().get(0).id();
    assertThat(e.kind()).isEqualTo(PruneOutcomeUnknownException.Kind.TRANSFER);
    assertThat(e.reference()).isEqualTo("inv-2");
    assertThat(e.transactionId()).isEqualTo(booked);                          // from the half answer
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("may have been processed", "inv-2", booked).doesNotContain(PruneSimulator.TEST_KEY);

    Resolution pending = client.transfers().resolve(e);

    assertThat(pending.state()).isEqualTo(Resolution.State.STILL_PENDING);
    assertThat(pending.booked()).isTrue();
    assertThat(pending.transactionId()).isEqualTo(booked);
    assertThat(pending.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
    assertThat(pending.queries()).isEqualTo(5);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
    sim.confirmTransaction(booked);

    Resolution found = client.transfers().resolve(e);

    assertThat(found.state()).isEqualTo(Resolution.State.FOUND);
    assertThat(found.transactionStatus()).isEqualTo(TransactionStatus.CONFIRMED);
    assertThat(found.queries()).isEqualTo(1);
    assertThat(sent("/v1/accounts/send")).hasSize(1);
    assertThat(sim.transfers()).hasSize(1);
  }

  @Test
  void aRejectedTransferIsFoundRejectedOnlyBecausePruneSaysSo() {
    sim.dropConnectionAfterBookingNextTransfer();
    PruneOutcomeUnknownException e = assertThrows(PruneOutcomeUnknownException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "inv-3", "10.00")));
    sim.failTransaction(e.transactionId(), "beneficiary bank unreachable");

    Resolution r = client.transfers().resolve(e);

    assertThat(r.state()).isEqualTo(Resolution.State.FOUND);
    assertThat(r.transactionStatus()).isEqualTo(TransactionStatus.REJECTED);
    assertThat(sim.balance(ACCOUNT_EUR)).isEqualByComparingTo(PruneSimulator.BALANCE_EUR);
  }

  @Test
  void theReferenceOfAnUnknownOutcomeCannotBeSentAgain() {
    sim.dropConnectionAfterBookingNextTransfer();
    assertThrows(PruneOutcomeUnknownException.class, () -> client.transfers().send(transfer(IBAN_EUR, "inv-4", "1.00")));

    ValidationException again = assertThrows(ValidationException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "inv-4", "1.00")));

    assertThat(again.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("reference unique");
    assertThat(sent("/v1/accounts/send")).hasSize(1);
    assertThat(sim.transfers()).hasSize(1);
  }

  @Test
  void aPayoutWhoseAnswerIsCutIsResolvedThroughItsDisbursementRequestWithoutPayingTwice() {
    sim.dropConnectionAfterBookingNextPayout();
    BigDecimal before = sim.balance(PruneSimulator.PAYOUT_ACCOUNT);

    PruneOutcomeUnknownException e = assertThrows(PruneOutcomeUnknownException.class,
        () -> client.payouts().disburse(payout("refund-7", "42.00")));

    assertThat(e.kind()).isEqualTo(PruneOutcomeUnknownException.Kind.PAYOUT);
    assertThat(sim.payouts()).singleElement().satisfies(p -> {
      assertThat(p.reference()).isEqualTo("refund-7");
      assertThat(p.id()).isEqualTo(e.transactionId());
    });
    sim.confirmTransaction(e.transactionId());

    Resolution r = client.payouts().resolve(e);

    assertThat(r.state()).isEqualTo(Resolution.State.FOUND);
    assertThat(r.requestStatus()).isEqualTo(DebitRequestStatus.APPROVED);
    assertThat(r.transactionStatus()).isEqualTo(TransactionStatus.CONFIRMED);
    assertThat(r.queries()).isEqualTo(2); // the request, then its money
    assertThat(sent("/v1/payout/disburse")).hasSize(1);
    assertThat(sim.payouts()).hasSize(1);
    assertThat(sim.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo(before.subtract(new BigDecimal("42.00")));
  }

  @Test
  void anUntrustedBusinesssPayoutWaitsForApprovalAndIsStillPendingUntilPruneDecides() {
    sim.trustedBusiness(false);
    sim.dropConnectionAfterBookingNextPayout();
    PruneOutcomeUnknownException e = assertThrows(PruneOutcomeUnknownException.class,
        () -> client.payouts().disburse(payout("refund-8", "5.00")));

    Resolution waiting = client.payouts().resolve(e);

    assertThat(waiting.state()).isEqualTo(Resolution.State.STILL_PENDING);
    assertThat(waiting.requestStatus()).isEqualTo(DebitRequestStatus.PENDING);
    sim.rejectPayout(e.transactionId(), "not approved");

    Resolution refused = client.payouts().resolve(e);

    assertThat(refused.state()).isEqualTo(Resolution.State.FOUND);
    assertThat(refused.requestStatus()).isEqualTo(DebitRequestStatus.REJECTED);
  }

  @Test
  void aLostAnswerWithoutAnIdIsUnknownNeverFailedAndAsksNothing(ScriptedServer scripted) {
    ScriptedServer.inFrontOf(sandbox).dropConnection(PruneSimulator.PATH_PREFIX + "/v1/accounts/send", Times.once());

    PruneOutcomeUnknownException e = assertThrows(PruneOutcomeUnknownException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "inv-5", "3.00")));

    assertThat(e.transactionId()).isNull();
    assertThat(e.resolution()).contains("no search by reference", "dashboard", "inv-5");
    Resolution r = client.transfers().resolve(e);
    assertThat(r.state()).isEqualTo(Resolution.State.UNKNOWN);
    assertThat(r.booked()).isFalse();
    assertThat(r.queries()).isZero();
    assertThat(r.explanation()).contains("no search of transactions by reference", "inv-5");
    assertThat(sent("/v1/accounts/transactions/.*")).isEmpty();
    assertThat(sent("/v1/accounts/send")).hasSize(1);
  }

  @Test
  void anIdTheClientLearntEarlierResolvesAReferenceAlone() {
    Transaction t = client.transfers().send(transfer(IBAN_EUR, "inv-6", "7.00"));

    Resolution r = client.transfers().resolve("inv-6", null, dev.paykit.core.RequestOptions.none());

    assertThat(r.transactionId()).isEqualTo(t.getId());
    assertThat(r.booked()).isTrue();
  }
}
