package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** Funds could not be held / blocked (Prunny 69, 101, 102). */
public class BlockFailedException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public BlockFailedException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
