package dev.paykit.sandbox.prunny;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the transaction log that {@code GET /v1/transactions/confirmation/{ref}} reads: a
 * transfer (with its order) or another transaction POST (hold, release, mandate operations), each
 * under the {@code transactionRef} its answer carried.
 *
 * <p>States of a transfer: awaiting its OTP (09, until {@code validTill}); executed but still
 * unconfirmed ({@code pollsLeft} status queries answer 09 before one answers 00); done (00); failed
 * (any other code). Not thread-safe: only touched under {@link Bank}'s lock.
 */
final class Transaction {
  private final String ref;
  private final Instant createdAt;
  private final Optional<TransferOrder> order;
  private String statusCode;
  private String detail;
  private boolean executed;
  private boolean awaitingOtp;
  private Instant validTill;
  private int otpAttemptsLeft;
  private int pollsLeft;

  Transaction(String ref, Instant createdAt, Optional<TransferOrder> order, String statusCode,
      String detail) {
    this.ref = ref;
    this.createdAt = createdAt;
    this.order = order;
    this.statusCode = statusCode;
    this.detail = detail;
  }

  String ref() {
    return ref;
  }

  Instant createdAt() {
    return createdAt;
  }

  Optional<TransferOrder> order() {
    return order;
  }

  String statusCode() {
    return statusCode;
  }

  String detail() {
    return detail;
  }

  boolean executed() {
    return executed;
  }

  boolean awaitingOtp() {
    return awaitingOtp;
  }

  Instant validTill() {
    return validTill;
  }

  void awaitOtp(Instant until, int attempts) {
    statusCode = Codes.IN_PROGRESS;
    detail = "awaiting OTP authorization";
    awaitingOtp = true;
    validTill = until;
    otpAttemptsLeft = attempts;
  }

  /** One wrong OTP; returns the attempts left. */
  int wrongOtp() {
    return --otpAttemptsLeft;
  }

  /** The money moved; {@code polls} status queries will still say 09. */
  void executed(int polls) {
    executed = true;
    awaitingOtp = false;
    statusCode = Codes.APPROVED;
    detail = "";
    pollsLeft = polls;
  }

  void fail(String code, String why) {
    awaitingOtp = false;
    statusCode = code;
    detail = why;
  }

  /** The code a status query answers now; counts the query against an unconfirmed transfer. */
  String query(Instant now) {
    if (awaitingOtp && now.isAfter(validTill)) {
      fail(Codes.INVALID_TRANSACTION, "the OTP authorization expired");
    }
    if (executed && pollsLeft > 0) {
      pollsLeft--;
      return Codes.IN_PROGRESS;
    }
    return statusCode;
  }

  Transfer snapshot() {
    TransferOrder o = order.orElseThrow();
    return new Transfer(ref, o.referenceId(), o.type(), o.sourceAccount(), o.total(), o.credits(),
        statusCode, executed);
  }
}
