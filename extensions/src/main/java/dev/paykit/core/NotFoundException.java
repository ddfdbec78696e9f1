package dev.paykit.core;

/** The requested resource does not exist (HTTP 404). */
public class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
