package dev.paykit.core;

/** The request conflicts with the resource's state, e.g. an idempotency key reused with another body (HTTP 409). */
public class ConflictException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
