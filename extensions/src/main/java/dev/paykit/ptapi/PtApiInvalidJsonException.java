package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 400003 "invalid JSON parameters": a body field missing, unknown or out of its schema (HTTP 400). Not retryable. */
public class PtApiInvalidJsonException extends dev.paykit.core.InvalidRequestException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiInvalidJsonException(ErrorDetails details) {
    super(details, null);
  }
}
