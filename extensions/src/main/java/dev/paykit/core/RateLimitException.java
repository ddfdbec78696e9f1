package dev.paykit.core;

/** Too many requests (HTTP 429); {@link #retryAfter()} says how long to wait when the provider said so. */
public class RateLimitException extends ApiException {

  private static final long serialVersionUID = 1L;

  public RateLimitException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
