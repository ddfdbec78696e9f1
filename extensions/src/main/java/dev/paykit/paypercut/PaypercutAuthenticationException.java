package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * The secret key is missing, unknown, expired or of the wrong mode ({@code authentication_invalid},
 * {@code authentication_required}, {@code token_invalid}, {@code token_expired}, HTTP 401). Not retryable.
 */
public class PaypercutAuthenticationException extends dev.paykit.core.AuthenticationException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  private final PaypercutError error;

  public PaypercutAuthenticationException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
