package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The bank code is not known (ISO-8583 16). */
public class UnknownBankException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public UnknownBankException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
