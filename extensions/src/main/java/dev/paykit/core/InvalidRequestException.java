package dev.paykit.core;

/** The provider rejected the request as invalid (HTTP 400 or 422). */
public class InvalidRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public InvalidRequestException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
