package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.Digests;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out validated transfer orders against the state (call it under {@link Bank}'s lock):
 * the checks in the order a bank makes them, the OTP step for large amounts, the debit and credits,
 * and the codes queued by {@code respondNextWithCode}. Every order is recorded in the transaction log
 * under a new transactionRef, whatever its outcome, and its referenceId counts as used.
 */
final class TransferEngine {
  /** What to answer: the transaction and the code and detail of this answer (a 97 may hide a 00). */
  record Outcome(Transaction transaction, String code, String detail) {}

  /** Why a check refused an order. */
  private record Refusal(String code, String why) {}

  private final PrunnySimulator simulator;

  TransferEngine(PrunnySimulator simulator) {
    this.simulator = simulator;
  }

  /**
   * Submits an order. Checks, in order: referenceId already used (94), source account (99),
   * destination bank (16), destination account (100), currency (12), transfer limit (61), available
   * balance (51); then, if {@code otpAllowed} and the total reaches the OTP threshold, 09 with an OTP
   * prompt; else the money moves (00).
   */
  Outcome submit(State s, TransferOrder order, Instant now, boolean otpAllowed) {
    String override = s.codeOverrides.pollFirst();
    Transaction txn = new Transaction(s.nextTransactionRef(), now, Optional.of(order),
        Codes.IN_PROGRESS, "");
    s.record(txn);
    Optional<Outcome> refused = (override != null && !Codes.EXECUTED_BUT_UNCONFIRMED.contains(override)
        ? Optional.of(new Refusal(override, "sandbox: response code injected by respondNextWithCode"))
        : check(s, order)).map(r -> fail(txn, r.code(), r.why()));
    boolean duplicate = refused.isPresent() && refused.get().code().equals(Codes.DUPLICATE_TRANSACTION);
    if (order.type() != Transfer.Type.MANDATE_DEBIT && !duplicate) {
      s.transferReferences.put(order.referenceId(), txn.ref());
    }
    if (refused.isPresent()) {
      return refused.get();
    }
    if (override != null) {
      execute(s, order, now);
      txn.executed(simulator.pollsUntilSettled());
      return new Outcome(txn, override, "the transfer was sent; confirm it with a status query");
    }
    if (otpAllowed && order.total().compareTo(simulator.otpThreshold()) >= 0) {
      Instant validTill = now.plus(Duration.ofMinutes(PrunnySimulator.OTP_EXPIRY_MINUTES));
      txn.awaitOtp(validTill, PrunnySimulator.OTP_ATTEMPTS);
      return new Outcome(txn, Codes.IN_PROGRESS,
          "enter the OTP sent to the customer to complete the transaction");
    }
    execute(s, order, now);
    txn.executed(0);
    return new Outcome(txn, Codes.APPROVED, "");
  }

  /**
   * Completes a transfer that awaits its OTP: 12 if none awaits under {@code ref} or the OTP
   * expired; 21 for a wrong OTP while attempts remain (12 after the last); 51 if the money is no
   * longer there; else it executes (00).
   */
  Outcome complete(State s, String ref, String otp, Instant now) {
    Transaction txn = s.transactions.get(ref);
    if (txn == null || !txn.awaitingOtp()) {
      return new Outcome(txn, Codes.INVALID_TRANSACTION, "no transaction awaits authorization under "
          + "transactionRef " + ref);
    }
    if (now.isAfter(txn.validTill())) {
      return fail(txn, Codes.INVALID_TRANSACTION, "the OTP authorization expired");
    }
    if (!Digests.constantTimeEquals(PrunnySimulator.SANDBOX_OTP, otp)) {
      int left = txn.wrongOtp();
      return left > 0
          ? new Outcome(txn, Codes.NO_ACTION_TAKEN, "wrong OTP, " + left + " attempt(s) left")
          : fail(txn, Codes.INVALID_TRANSACTION,
              "wrong OTP entered " + PrunnySimulator.OTP_ATTEMPTS + " times");
    }
    TransferOrder order = txn.order().orElseThrow();
    Account source = s.accounts.get(order.sourceAccount());
    if (source.availableBalance().compareTo(order.total()) < 0) {
      return fail(txn, Codes.INSUFFICIENT_FUNDS, shortBy(source, order.total()));
    }
    execute(s, order, now);
    txn.executed(0);
    return new Outcome(txn, Codes.APPROVED, "");
  }

  private Optional<Refusal> check(State s, TransferOrder order) {
    String earlier = s.transferReferences.get(order.referenceId());
    if (earlier != null && order.type() != Transfer.Type.MANDATE_DEBIT) {
      return refuse(Codes.DUPLICATE_TRANSACTION,
          "referenceId " + order.referenceId() + " was already used by transaction " + earlier);
    }
    Account source = s.accounts.get(order.sourceAccount());
    if (source == null) {
      return refuse(Codes.INVALID_SOURCE_ACCOUNT, "no account " + order.sourceAccount() + " at Prunny");
    }
    boolean intra = order.type() == Transfer.Type.INTRA_BANK
        || order.type() == Transfer.Type.BULK_INTRA_BANK;
    for (TransferOrder.Leg leg : order.legs()) {
      Optional<Refusal> refusal = checkDestination(s, leg, intra, order.sourceAccount());
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    if (!Account.CURRENCY.equals(order.currency())) {
      return refuse(Codes.INVALID_TRANSACTION,
          "account " + source.number() + " holds " + Account.CURRENCY + ", not " + order.currency());
    }
    if (order.total().compareTo(simulator.transferLimit()) > 0) {
      return refuse(Codes.TRANSFER_LIMIT_EXCEEDED, Envelope.moneyText(order.total())
          + " is above the transfer limit of " + Envelope.moneyText(simulator.transferLimit()));
    }
    if (source.availableBalance().compareTo(order.total()) < 0) {
      return refuse(Codes.INSUFFICIENT_FUNDS, shortBy(source, order.total()));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> checkDestination(State s, TransferOrder.Leg leg, boolean intra,
      String source) {
    if (leg.internal()) {
      if (!s.accounts.containsKey(leg.accountNumber())) {
        return refuse(Codes.INVALID_BENEFICIARY_ACCOUNT,
            "no account " + leg.accountNumber() + " at Prunny");
      }
      return leg.accountNumber().equals(source)
          ? refuse(Codes.INVALID_TRANSACTION, "source and destination are the same account")
          : Optional.empty();
    }
    if (intra) {
      return refuse(Codes.INVALID_TRANSACTION, "an intra-bank transfer can only credit accounts"
          + " at Prunny (bank code " + PrunnySimulator.BANK_CODE + "), not at bank " + leg.bankCode());
    }
    if (!s.banks.containsKey(leg.bankCode())) {
      return refuse(Codes.UNKNOWN_BANK_CODE, "unknown bank code " + leg.bankCode());
    }
    return s.externalAccount(leg.bankCode(), leg.accountNumber()).isPresent() ? Optional.empty()
        : refuse(Codes.INVALID_BENEFICIARY_ACCOUNT,
            "no account " + leg.accountNumber() + " at bank " + leg.bankCode());
  }

  private static Optional<Refusal> refuse(String code, String why) {
    return Optional.of(new Refusal(code, why));
  }

  private static String shortBy(Account source, BigDecimal amount) {
    return "available balance " + Envelope.moneyText(source.availableBalance()) + " is less than "
        + Envelope.moneyText(amount);
  }

  private static Outcome fail(Transaction txn, String code, String why) {
    txn.fail(code, why);
    return new Outcome(txn, code, why);
  }

  /** Debits the source once for the total and credits every destination at Prunny. */
  private static void execute(State s, TransferOrder order, Instant now) {
    String type = order.type() == Transfer.Type.MANDATE_DEBIT ? "Direct debit" : "Transfer";
    s.accounts.get(order.sourceAccount()).debit(new StatementEntry.Posting(
        order.total(), order.channel(), order.sourceNarration(), order.referenceId(), type, now));
    for (TransferOrder.Leg leg : order.legs()) {
      if (leg.internal()) {
        s.accounts.get(leg.accountNumber()).credit(new StatementEntry.Posting(
            leg.amount(), order.channel(), leg.narration(), order.referenceId(), "Inward transfer", now));
      }
    }
  }
}
