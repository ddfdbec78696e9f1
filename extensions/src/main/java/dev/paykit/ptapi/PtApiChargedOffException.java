package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 402003 "account is charged off": the account was closed (HTTP 402). Not retryable. */
public class PtApiChargedOffException extends dev.paykit.core.DeclinedException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiChargedOffException(ErrorDetails details) {
    super(details, null);
  }
}
