package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 400005 "out of range": a parameter outside its range, e.g. an unload above the card's balance (HTTP 400). Not retryable. */
public class PtApiOutOfRangeException extends dev.paykit.core.InvalidRequestException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiOutOfRangeException(ErrorDetails details) {
    super(details, null);
  }
}
