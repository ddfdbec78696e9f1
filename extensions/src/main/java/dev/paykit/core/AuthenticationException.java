package dev.paykit.core;

/** The provider did not accept the credentials (HTTP 401). */
public class AuthenticationException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public AuthenticationException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
