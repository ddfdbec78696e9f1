package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The bank code is not known (ISO-8583 16). */
public class UnknownBankException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public UnknownBankException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
