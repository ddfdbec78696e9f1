package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * An {@code idempotency_error}. With HTTP 409 the key is in use by a request still being processed (a
 * concurrent call with the same key): retryable, and retried by the client with the same key, which then
 * gets the first request's stored answer. Otherwise the key was used before with other parameters: not
 * retryable; the earlier request under this key is the one Paypercut knows. Send the new request under a
 * new key only if you mean a new operation.
 */
public class IdempotencyConflictException extends dev.paykit.core.ConflictException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  private final transient PaypercutError error;

  public IdempotencyConflictException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }

  /** Whether another request with this key was still in progress (HTTP 409): worth retrying. */
  public boolean keyInUse() {
    return httpStatus() == 409;
  }
}
