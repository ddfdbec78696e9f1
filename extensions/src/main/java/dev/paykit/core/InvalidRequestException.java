package dev.paykit.core;

/** The provider rejected the request as invalid (HTTP 400 or 422). */
public class InvalidRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
