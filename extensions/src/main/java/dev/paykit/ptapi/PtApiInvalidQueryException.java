package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 400001 "invalid query parameters": an unknown query parameter, or a {@code q} expression that does not parse (HTTP 400). Not retryable. */
public class PtApiInvalidQueryException extends dev.paykit.core.InvalidRequestException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiInvalidQueryException(ErrorDetails details) {
    super(details, null);
  }
}
