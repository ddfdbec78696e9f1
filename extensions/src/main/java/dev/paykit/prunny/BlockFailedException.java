package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** Funds could not be held / blocked (Prunny 69, 101, 102). */
public class BlockFailedException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public BlockFailedException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
