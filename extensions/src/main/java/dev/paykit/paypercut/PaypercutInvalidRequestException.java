package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * Paypercut refused the request as invalid ({@code invalid_request_error}); {@link #param()} names the field at fault
 * when Paypercut says. Not retryable: fix the request.
 */
public class PaypercutInvalidRequestException extends dev.paykit.core.InvalidRequestException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutInvalidRequestException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }

  /** {@return the request field at fault ({@code param}), when Paypercut names one} */
  public java.util.Optional<String> param() {
    return paypercutError().paramValue();
  }
}
