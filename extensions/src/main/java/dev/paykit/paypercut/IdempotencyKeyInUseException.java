package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;

/**
 * HTTP 409 {@code idempotency_error}: a request with this call's key is still being processed (a
 * concurrent call with the same key, or the caller repeating a call whose first attempt is still running).
 * The client retries it with the same key, which then gets the first request's stored answer. When it
 * stays busy to the last attempt, the call ends in an {@link OutcomeUnknownException} whose cause is this:
 * the first request may still complete, so it is never reported as failed; repeat with the same key later.
 */
public class IdempotencyKeyInUseException extends OutcomeUnknownException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;
  /** False only when Paypercut advised {@code do_not_try_again}. */
  private final boolean retryable;

  IdempotencyKeyInUseException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
    this.retryable = details.retryable();
  }

  /**
   * True unless Paypercut advised {@code do_not_try_again}: repeating with the same key is what resolves
   * it (an outcome-unknown exception is otherwise never retryable).
   */
  @Override
  public boolean isRetryable() {
    return retryable;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
