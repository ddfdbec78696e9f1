package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;

/**
 * Too many requests (HTTP 429). Retried by the client (Paypercut names no rate-limit header: a
 * {@code Retry-After} is honoured if ever sent, else the policy backs off); thrown when the retries are used
 * up. The request was not acted on.
 */
public class PaypercutRateLimitException extends dev.paykit.core.RateLimitException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  PaypercutRateLimitException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }
}
