package dev.paykit.prune;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;

/**
 * A Prune request that may have been processed, and nobody can tell yet whether it was: the connection
 * broke or timed out after the request was sent, or the answer could not be read. Prune has no
 * idempotency keys, so the client never repeated it; <b>never send it again under a new reference</b>:
 * that is how a payment is made twice. Resolve it:
 *
 * <pre>{@code
 * } catch (PruneOutcomeUnknownException e) {
 *   Resolution r = prune.transfers().resolve(e);     // or prune.payouts().resolve(e)
 *   switch (r.state()) { case FOUND, STILL_PENDING -> ...booked...; case NOT_FOUND, UNKNOWN -> ...ask Prune... }
 * }
 * }</pre>
 *
 * <p>{@link #reference()} is the caller's reference. {@link #transactionId()} is Prune's id of the
 * transaction (for a payout also its disbursement request's) when the broken answer still named it, and
 * then the status operations tell its state. When it is null, Prune's answer never named it, and Prune's
 * API offers no search of transactions by reference: the resolution reports {@link Resolution.State#UNKNOWN}
 * and the state is to be read from Prune's dashboard (or its notifications).
 */
public final class PruneOutcomeUnknownException extends OutcomeUnknownException {

  private static final long serialVersionUID = 1L;

  /** What the request was. */
  public enum Kind {
    /** {@code sendMoney}: a transfer from an issued account. */
    TRANSFER,
    /** {@code disburse}: a payout from the business's payout account. */
    PAYOUT,
    /** {@code requestIndividualAccount} or {@code requestCorporateAccount}. */
    ACCOUNT_REQUEST,
    /** {@code updateAccountRequest} (retried, as an update is safe to repeat; its answer still lost). */
    ACCOUNT_REQUEST_UPDATE
  }

  /** What the request was, never null. */
  private final Kind kind;

  PruneOutcomeUnknownException(Kind kind, OutcomeUnknownException core) {
    super(details(kind, core), core, core.idempotencyKey(), core.reference(), how(kind, core), core.attempts(),
        core.resourceId());
    this.kind = kind;
  }

  /** {@return what the request was} */
  public Kind kind() {
    return kind;
  }

  /**
   * Prune's id of what the request created (a transaction, a payout and its disbursement request, an
   * account request), when an answer named it before it broke off; null otherwise.
   *
   * @return Prune's id of the created resource, or null
   */
  public String transactionId() {
    return resourceId();
  }

  private static String how(Kind kind, OutcomeUnknownException core) {
    String id = core.resourceId();
    String ref = core.reference();
    return switch (kind) {
      case TRANSFER -> id != null
          ? "resolve it with transfers().resolve(e): Prune's broken answer named transaction " + id
              + ", whose status getTransactionStatus tells; never send reference " + ref + " again"
          : "Prune's answer never named the transaction and Prune's API has no search by reference:"
              + " transfers().resolve(e) can only report UNKNOWN; check Prune's dashboard for reference " + ref
              + " before anything else, and never send it again under a new reference";
      case PAYOUT -> id != null
          ? "resolve it with payouts().resolve(e): Prune's broken answer named payout " + id
              + ", whose getDisbursementRequestStatus tells; never send reference " + ref + " again"
          : "Prune's answer never named the payout and Prune's API has no search by reference:"
              + " payouts().resolve(e) can only report UNKNOWN; check Prune's dashboard for reference " + ref
              + " before anything else, and never send it again under a new reference";
      case ACCOUNT_REQUEST -> id != null
          ? "ask accountRequests().status(\"" + id + "\") (the id the broken answer named) before filing it again"
          : "Prune's answer never named the request; check Prune's dashboard for it before filing it again"
              + " (a second request is a second request)";
      case ACCOUNT_REQUEST_UPDATE -> "ask accountRequests().get(requestId) for the request as Prune holds it";
    };
  }

  private static ErrorDetails details(Kind kind, OutcomeUnknownException core) {
    ErrorDetails d = core.details();
    String what = switch (kind) {
      case TRANSFER -> "transfer";
      case PAYOUT -> "payout";
      case ACCOUNT_REQUEST -> "account request";
      case ACCOUNT_REQUEST_UPDATE -> "account request update";
    };
    String which = core.reference() != null ? what + " with reference " + core.reference() : what;
    String message = "outcome unknown for the " + which + " after " + core.attempts()
        + (core.attempts() == 1 ? " attempt" : " attempts") + ": it may have been processed; " + how(kind, core)
        + (d.providerMessage() == null ? "" : " (" + d.providerMessage() + ")");
    return ErrorDetails.builder(d.provider()).operationId(d.operationId()).httpStatus(d.httpStatus())
        .providerCode(d.providerCode()).providerMessage(message).requestId(d.requestId()).build();
  }
}
