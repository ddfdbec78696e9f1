package dev.paykit.core;

/** The credentials are valid but not allowed to do this (HTTP 403). */
public class PermissionException extends ApiException {

  private static final long serialVersionUID = 1L;

  public PermissionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
