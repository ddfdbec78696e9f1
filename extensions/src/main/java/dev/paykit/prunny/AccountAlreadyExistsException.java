package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The account to open already exists (Prunny 98). */
public class AccountAlreadyExistsException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public AccountAlreadyExistsException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
