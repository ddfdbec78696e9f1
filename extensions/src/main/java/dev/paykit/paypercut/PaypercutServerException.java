package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * Paypercut failed ({@code api_error}, HTTP 5xx). Retried by the client where the operation is safe to
 * repeat (every POST carries its idempotency key); a call whose outcome stays unknown ends in
 * {@code dev.paykit.core.OutcomeUnknownException} instead.
 */
public class PaypercutServerException extends dev.paykit.core.ServerException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutServerException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
