package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 401001 "expired login credentials": the session has expired or was ended. The client logs in again once and repeats the call where that is safe; this reaches the caller only when it could not (HTTP 401). Not retryable. */
public class PtApiExpiredLoginException extends dev.paykit.core.AuthenticationException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiExpiredLoginException(ErrorDetails details) {
    super(details, null);
  }
}
