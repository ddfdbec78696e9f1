package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * The secret key is missing, unknown, expired or of the wrong mode ({@code authentication_invalid},
 * {@code authentication_required}, {@code token_invalid}, {@code token_expired}, HTTP 401). Not retryable.
 */
public class PaypercutAuthenticationException extends dev.paykit.core.AuthenticationException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutAuthenticationException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
