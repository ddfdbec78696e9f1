package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * No such object (HTTP 404, e.g. {@code resource_missing}), or none under this account: one account never
 * sees another's objects.
 */
public class PaypercutNotFoundException extends dev.paykit.core.NotFoundException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutNotFoundException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
