package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * The connected account of the request ({@code Paypercut-Account}, {@code RequestOptions.scope}) is needed
 * but missing ({@code account_required}), or is not one this key may act as or does not exist
 * ({@code account_invalid}). Not retryable.
 */
public class ConnectedAccountException extends dev.paykit.core.PermissionException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  ConnectedAccountException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }

  /** {@return whether Paypercut asked for a connected account the request did not name ({@code account_required})} */
  public boolean accountRequired() {
    return "account_required".equals(paypercutError().code());
  }
}
