package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * An {@code idempotency_error} other than a key in use ({@link IdempotencyKeyInUseException}): the key was
 * used before with other parameters. Not retryable; the earlier request under this key is the one
 * Paypercut knows. Send the new request under a new key only if you mean a new operation.
 */
public class IdempotencyConflictException extends dev.paykit.core.ConflictException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  IdempotencyConflictException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
