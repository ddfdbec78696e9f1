package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;

/** The account to credit is not valid (Prunny 100). */
public class InvalidBeneficiaryAccountException extends InvalidAccountException {

  private static final long serialVersionUID = 1L;

  public InvalidBeneficiaryAccountException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
