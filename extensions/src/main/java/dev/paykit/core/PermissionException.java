package dev.paykit.core;

/** The credentials are valid but not allowed to do this (HTTP 403). */
public class PermissionException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public PermissionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
