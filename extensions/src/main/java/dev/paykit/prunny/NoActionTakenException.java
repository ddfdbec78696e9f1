package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The provider took no action (ISO-8583 21). */
public class NoActionTakenException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public NoActionTakenException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
