package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 400002 "invalid header parameters" (HTTP 400). Not retryable. */
public class PtApiInvalidHeaderException extends dev.paykit.core.InvalidRequestException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiInvalidHeaderException(ErrorDetails details) {
    super(details, null);
  }
}
