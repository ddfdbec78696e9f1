package dev.paykit.core;

/** The provider failed (HTTP 5xx); retryable. */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ServerException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
