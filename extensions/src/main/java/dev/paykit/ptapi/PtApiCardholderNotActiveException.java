package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 402004 "cardholder not active" (HTTP 402). Not retryable. */
public class PtApiCardholderNotActiveException extends dev.paykit.core.DeclinedException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiCardholderNotActiveException(ErrorDetails details) {
    super(details, null);
  }
}
