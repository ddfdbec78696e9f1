package dev.paykit.core;

/** The provider failed (HTTP 5xx); retryable. */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public ServerException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
