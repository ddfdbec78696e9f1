package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The provider rejected the transaction as invalid (ISO-8583 12). */
public class InvalidTransactionException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public InvalidTransactionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
