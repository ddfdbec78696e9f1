package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** An account number is not valid or not known (ISO-8583 07). */
public class InvalidAccountException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public InvalidAccountException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
