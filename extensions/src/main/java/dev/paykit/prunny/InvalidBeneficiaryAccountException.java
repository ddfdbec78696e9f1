package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;

/** The account to credit is not valid (Prunny 100). */
public class InvalidBeneficiaryAccountException extends InvalidAccountException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public InvalidBeneficiaryAccountException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
