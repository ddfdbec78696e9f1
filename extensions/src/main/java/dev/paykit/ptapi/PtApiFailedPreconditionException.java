package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 400004 "failed precondition": the request cannot be executed in the current state, e.g. a load above the master funds account's balance, or a card that is not active (HTTP 400). Not retryable. */
public class PtApiFailedPreconditionException extends dev.paykit.core.InvalidRequestException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiFailedPreconditionException(ErrorDetails details) {
    super(details, null);
  }
}
