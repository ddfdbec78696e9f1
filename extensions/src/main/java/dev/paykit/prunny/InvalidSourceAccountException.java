package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;

/** The account to debit is not valid (Prunny 99). */
public class InvalidSourceAccountException extends InvalidAccountException {

  private static final long serialVersionUID = 1L;

  public InvalidSourceAccountException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
