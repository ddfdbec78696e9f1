package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;

/** The account to debit is not valid (Prunny 99). */
public class InvalidSourceAccountException extends InvalidAccountException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public InvalidSourceAccountException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
