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
final class HoldsApi {
  private final Bank bank;

  HoldsApi(Bank bank) {
    this.bank = bank;
  }

  /** POST /v1/transactions/holdfund; the account is OBN's {@code account} field (release: {@code accountNumber}). */
  ObjectNode hold(Call call) {
    Body body = call.body();
    String referenceId = body.text("referenceId");
    String accountNumber = body.account("account");
    BigDecimal amount = body.amount("amount");
    String currency = body.currency("currency");
    String narration = body.optionalText("narration").orElse("Amount block");
    Instant start = body.dateTime("startHoldDate");
    Instant end = body.dateTime("endHoldDate");
    Instant date = body.dateTime("transactionDate");
    if (end.isBefore(start)) {
      throw Envelope.invalid("endHoldDate is before startHoldDate");
    }
    return bank.apply(s -> {
      Transaction txn = record(s, call);
      Account account = s.accounts.get(accountNumber);
      if (account == null) {
        return failed(txn, Codes.INVALID_ACCOUNT, "no account " + accountNumber + " at Prunny");
      }
      if (account.hold(referenceId).isPresent()) {
        return failed(txn, Codes.DUPLICATE_TRANSACTION, "referenceId " + referenceId
            + " already holds an amount on account " + accountNumber);
      }
      if (!Account.CURRENCY.equals(currency)) {
        return failed(txn, Codes.INVALID_TRANSACTION, "the account holds " + Account.CURRENCY);
      }
      if (account.availableBalance().compareTo(amount) < 0) {
        return failed(txn, Codes.BLOCK_FAILED, "available balance "
            + Envelope.moneyText(account.availableBalance()) + " is less than "
            + Envelope.moneyText(amount));
      }
      account.putHold(
          new Hold(referenceId, accountNumber, amount, narration, start, end, date, txn.ref()));
      return Results.transaction(Codes.APPROVED, "", txn);
    });
  }

  /** POST /v1/transactions/releasefund. */
  ObjectNode release(Call call) {
    Body body = call.body();
    String referenceId = body.text("referenceId");
    String accountNumber = body.account("accountNumber");
    BigDecimal amount = body.amount("amount");
    String currency = body.currency("currency");
    body.dateTime("releaseHoldDate");
    body.dateTime("transactionDate");
    return bank.apply(s -> {
      Transaction txn = record(s, call);
      Account account = s.accounts.get(accountNumber);
      if (account == null) {
        return failed(txn, Codes.INVALID_ACCOUNT, "no account " + accountNumber + " at Prunny");
      }
      Optional<Hold> hold = account.hold(referenceId);
      if (hold.isEmpty()) {
        return failed(txn, Codes.UNBLOCK_FAILED, "no amount is held under referenceId " + referenceId
            + " on account " + accountNumber);
      }
      if (!Account.CURRENCY.equals(currency)) {
        return failed(txn, Codes.INVALID_TRANSACTION, "the account holds " + Account.CURRENCY);
      }
      if (hold.get().amount().compareTo(amount) < 0) {
        return failed(txn, Codes.UNBLOCK_FAILED, "only " + Envelope.moneyText(hold.get().amount())
            + " is held under referenceId " + referenceId);
      }
      account.release(referenceId, amount);
      return Results.transaction(Codes.APPROVED, "", txn);
    });
  }

  /** GET /v1/transactions/heldfund/{accountNumber}/{referenceId}. */
  ObjectNode held(Call call) {
    String accountNumber = call.pathParameter(0);
    String referenceId = call.pathParameter(1);
    return bank.apply(s -> {
      Hold hold = AccountsApi.account(s, accountNumber).hold(referenceId).orElseThrow(
          () -> Envelope.notFound(Codes.RECORD_NOT_FOUND, "no amount is held under referenceId "
              + referenceId + " on account " + accountNumber));
      return Envelope.approved(hold.toJson());
    });
  }

  private static Transaction record(State s, Call call) {
    return s.record(new Transaction(
        s.nextTransactionRef(), call.now(), Optional.empty(), Codes.APPROVED, ""));
  }

  private static ObjectNode failed(Transaction txn, String code, String why) {
    txn.fail(code, why);
    return Results.transaction(code, why, txn);
  }
}
