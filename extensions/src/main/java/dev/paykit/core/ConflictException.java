package dev.paykit.core;

/** The request conflicts with the resource's state, e.g. an idempotency key reused with another body (HTTP 409). */
public class ConflictException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public ConflictException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
