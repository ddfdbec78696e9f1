package dev.paykit.prune;

import dev.paykit.prune.model.DebitRequestStatus;
import dev.paykit.prune.model.TransactionStatus;

/**
 * What became of a transfer or payout whose outcome was unknown, as far as Prune's API can tell
 * ({@link PruneTransfers#resolve}, {@link PrunePayouts#resolve}). Never "failed" while it may have gone
 * through: a transfer is reported REJECTED or CANCELLED only when Prune's status operation says so.
 *
 * @param state what the queries found
 * @param reference the caller's reference
 * @param transactionId Prune's id of the transaction (a payout's is also its disbursement request's), or
 *     null when none is known
 * @param transactionStatus the money's state as Prune last said it, or null when not asked
 * @param requestStatus a payout's approval state as Prune last said it; null for a transfer
 * @param queries how many status queries were made
 * @param explanation what was asked and what it means, in one or two sentences
 */
public record Resolution(State state, String reference, String transactionId, TransactionStatus transactionStatus,
    DebitRequestStatus requestStatus, int queries, String explanation) {

  /** What the status queries found. */
  public enum State {
    /**
     * Prune has it and its state is final: the money was sent ({@code CONFIRMED}), or Prune failed or
     * cancelled it ({@code REJECTED}, {@code CANCELLED}: the money is back; a payout whose request was
     * refused). Do not send it again in any case: it was booked.
     */
    FOUND,
    /** Prune has it, still PENDING (or waiting for approval) when the polls were spent: booked, not final. */
    STILL_PENDING,
    /**
     * Prune answered that it has no such transaction. The id came from Prune's own (broken) answer, so
     * this is Prune's word against its answer: ask Prune before sending the payment again.
     */
    NOT_FOUND,
    /**
     * Nobody can tell yet: no id is known and Prune has no search by reference, or the status operation
     * failed for a reason that says nothing about the payment. It may have gone through: never send it
     * again under a new reference until you know.
     */
    UNKNOWN
  }

  /** {@return whether Prune has the transaction (it was booked, whatever became of it)} */
  public boolean booked() {
    return state == State.FOUND || state == State.STILL_PENDING;
  }
}
