package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** PT's 402002 "account inactive due to fraud": the account was deactivated for potentially fraudulent activity (HTTP 402). Not retryable. */
public class PtApiAccountFraudException extends dev.paykit.core.DeclinedException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiAccountFraudException(ErrorDetails details) {
    super(details, null);
  }
}
