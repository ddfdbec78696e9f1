package dev.paykit.core;

/** The provider did not accept the credentials (HTTP 401). */
public class AuthenticationException extends ApiException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
