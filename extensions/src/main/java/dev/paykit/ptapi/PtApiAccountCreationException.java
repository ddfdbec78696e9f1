package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 402001 "account creation error": a PT system error while creating the account (HTTP 402). Not retryable. */
public class PtApiAccountCreationException extends dev.paykit.core.ApiException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiAccountCreationException(ErrorDetails details) {
    super(details, null);
  }
}
