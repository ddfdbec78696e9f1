package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** A transaction with this reference was already submitted under another idempotency key (ISO-8583 94); nothing new was done. */
public class DuplicateTransactionException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public DuplicateTransactionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
