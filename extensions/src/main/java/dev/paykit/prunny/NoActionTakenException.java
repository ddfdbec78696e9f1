package dev.paykit.prunny;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;

/** The provider took no action (ISO-8583 21). */
public class NoActionTakenException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public NoActionTakenException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
