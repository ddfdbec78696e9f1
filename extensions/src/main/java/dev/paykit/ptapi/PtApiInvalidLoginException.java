package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 401002 "invalid login credentials": the login id and password, or the session id, match nothing provisioned (HTTP 401). Not retryable. */
public class PtApiInvalidLoginException extends dev.paykit.core.AuthenticationException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiInvalidLoginException(ErrorDetails details) {
    super(details, null);
  }
}
