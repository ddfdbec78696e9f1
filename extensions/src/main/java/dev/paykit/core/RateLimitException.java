package dev.paykit.core;

/** Too many requests (HTTP 429); {@link #retryAfter()} says how long to wait when the provider said so. */
public class RateLimitException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public RateLimitException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
