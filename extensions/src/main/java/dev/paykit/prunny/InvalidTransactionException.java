package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The provider rejected the transaction as invalid (ISO-8583 12). */
public class InvalidTransactionException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public InvalidTransactionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
