package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** Held funds could not be released (Prunny 70). */
public class UnblockFailedException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public UnblockFailedException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
