package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Amount blocks (liens): {@code holdfund} reduces the available balance, not the ledger balance,
 * until {@code releasefund} gives the amount back (in part or in full); {@code heldfund} shows what
 * is still held. Holds are keyed by account and referenceId and stay until released (the end date is
 * recorded, not enforced). Outcomes: 07 unknown account, 94 referenceId already held on the account,
 * 12 wrong currency, 69 more than the available balance, 70 no such hold or more than is held.
 */
final class PrunnyHoldsApi {
  private final PrunnyBank bank;

  PrunnyHoldsApi(PrunnyBank bank) {
    this.bank = bank;
  }

  /** POST /v1/transactions/holdfund; the account is OBN's {@code account} field (release: {@code accountNumber}). */
  ObjectNode hold(PrunnyCall call) {
    PrunnyBody body = call.body();
    String referenceId = body.text("referenceId");
    String accountNumber = body.account("account");
    BigDecimal amount = body.amount("amount");
    String currency = body.currency("currency");
    String narration = body.optionalText("narration").orElse("Amount block");
    Instant start = body.dateTime("startHoldDate");
    Instant end = body.dateTime("endHoldDate");
    Instant date = body.dateTime("transactionDate");
    if (end.isBefore(start)) {
      throw PrunnyEnvelope.invalid("endHoldDate is before startHoldDate");
    }
    return bank.apply(s -> {
      PrunnyTransaction txn = record(s, call);
      PrunnyAccount account = s.accounts.get(accountNumber);
      if (account == null) {
        return failed(txn, PrunnyCodes.INVALID_ACCOUNT, "no account " + accountNumber + " at Prunny");
      }
      if (account.hold(referenceId).isPresent()) {
        return failed(txn, PrunnyCodes.DUPLICATE_TRANSACTION, "referenceId " + referenceId
            + " already holds an amount on account " + accountNumber);
      }
      if (!PrunnyAccount.CURRENCY.equals(currency)) {
        return failed(txn, PrunnyCodes.INVALID_TRANSACTION, "the account holds " + PrunnyAccount.CURRENCY);
      }
      if (account.availableBalance().compareTo(amount) < 0) {
        return failed(txn, PrunnyCodes.BLOCK_FAILED, "available balance "
            + PrunnyEnvelope.moneyText(account.availableBalance()) + " is less than "
            + PrunnyEnvelope.moneyText(amount));
      }
      account.putHold(
          new PrunnyHold(referenceId, accountNumber, amount, narration, start, end, date, txn.ref()));
      return PrunnyResults.transaction(PrunnyCodes.APPROVED, "", txn);
    });
  }

  /** POST /v1/transactions/releasefund. */
  ObjectNode release(PrunnyCall call) {
    PrunnyBody body = call.body();
    String referenceId = body.text("referenceId");
    String accountNumber = body.account("accountNumber");
    BigDecimal amount = body.amount("amount");
    String currency = body.currency("currency");
    body.dateTime("releaseHoldDate");
    body.dateTime("transactionDate");
    return bank.apply(s -> {
      PrunnyTransaction txn = record(s, call);
      PrunnyAccount account = s.accounts.get(accountNumber);
      if (account == null) {
        return failed(txn, PrunnyCodes.INVALID_ACCOUNT, "no account " + accountNumber + " at Prunny");
      }
      Optional<PrunnyHold> hold = account.hold(referenceId);
      if (hold.isEmpty()) {
        return failed(txn, PrunnyCodes.UNBLOCK_FAILED, "no amount is held under referenceId " + referenceId
            + " on account " + accountNumber);
      }
      if (!PrunnyAccount.CURRENCY.equals(currency)) {
        return failed(txn, PrunnyCodes.INVALID_TRANSACTION, "the account holds " + PrunnyAccount.CURRENCY);
      }
      if (hold.get().amount().compareTo(amount) < 0) {
        return failed(txn, PrunnyCodes.UNBLOCK_FAILED, "only " + PrunnyEnvelope.moneyText(hold.get().amount())
            + " is held under referenceId " + referenceId);
      }
      account.release(referenceId, amount);
      return PrunnyResults.transaction(PrunnyCodes.APPROVED, "", txn);
    });
  }

  /** GET /v1/transactions/heldfund/{accountNumber}/{referenceId}. */
  ObjectNode held(PrunnyCall call) {
    String accountNumber = call.pathParameter(0);
    String referenceId = call.pathParameter(1);
    return bank.apply(s -> {
      PrunnyHold hold = PrunnyAccountsApi.account(s, accountNumber).hold(referenceId).orElseThrow(
          () -> PrunnyEnvelope.notFound(PrunnyCodes.RECORD_NOT_FOUND, "no amount is held under referenceId "
              + referenceId + " on account " + accountNumber));
      return PrunnyEnvelope.approved(hold.toJson());
    });
  }

  private static PrunnyTransaction record(PrunnyState s, PrunnyCall call) {
    return s.record(new PrunnyTransaction(
        s.nextTransactionRef(), call.now(), Optional.empty(), PrunnyCodes.APPROVED, ""));
  }

  private static ObjectNode failed(PrunnyTransaction txn, String code, String why) {
    txn.fail(code, why);
    return PrunnyResults.transaction(code, why, txn);
  }
}
