package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;

/**
 * A Prunny transaction may or may not have happened: the connection broke after the request was sent
 * and the retries with the same idempotency key did not get an answer, Prunny answered {@code 97}, or
 * the status stayed pending. Never submit it again under a new key. Resolve it with
 * {@code client.transfers().awaitFinalStatus(transactionRef)} when you have Prunny's reference, or repeat
 * the exact call with {@link #idempotencyKey()} (Prunny replays the stored result of a key).
 */
public final class TransferOutcomeUnknownException extends OutcomeUnknownException {

  private static final long serialVersionUID = 1L;

  /** Prunny's reference, or null. */
  private final String transactionRef;

  TransferOutcomeUnknownException(PaykitException cause, String referenceId, String transactionRef,
      String idempotencyKey) {
    this(cause, "referenceId", referenceId, transactionRef, idempotencyKey);
  }

  /** @param referenceName what the caller's reference is ({@code referenceId}, or {@code mandateId}...) */
  TransferOutcomeUnknownException(PaykitException cause, String referenceName, String referenceId,
      String transactionRef, String idempotencyKey) {
    super(details(cause.details(), referenceName, referenceId, transactionRef, idempotencyKey), cause, idempotencyKey,
        referenceId, how(transactionRef, idempotencyKey),
        cause instanceof OutcomeUnknownException u ? u.attempts() : 0);
    this.transactionRef = transactionRef;
  }

  private static String how(String transactionRef, String key) {
    return transactionRef != null
        ? "check it with transfers().awaitFinalStatus(\"" + transactionRef + "\")"
        : "repeat the same call with idempotency key " + key + " to get Prunny's stored answer";
  }

  private static ErrorDetails details(ErrorDetails d, String referenceName, String referenceId,
      String transactionRef, String key) {
    String how = how(transactionRef, key);
    String which = referenceId != null ? referenceName + " " + referenceId : "transactionRef " + transactionRef;
    String message = "outcome unknown for " + which + ": " + how + "; never resubmit under a new key"
        + (d.providerMessage() == null ? "" : " (" + d.providerMessage() + ")");
    return ErrorDetails.builder(d.provider()).operationId(d.operationId()).httpStatus(d.httpStatus())
        .providerCode(d.providerCode()).providerMessage(message).requestId(d.requestId()).build();
  }

  /** {@return your reference for the transaction} */
  public String referenceId() {
    return reference();
  }

  /**
   * Prunny's reference, when it gave one (null after a lost connection).
   *
   * @return Prunny's reference, or null
   */
  public String transactionRef() {
    return transactionRef;
  }

}
