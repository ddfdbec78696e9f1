package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * The key may not do this ({@code permission_denied}, {@code more_permissions_required}, HTTP 403).
 * Not retryable.
 */
public class PaypercutPermissionException extends dev.paykit.core.PermissionException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutPermissionException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
