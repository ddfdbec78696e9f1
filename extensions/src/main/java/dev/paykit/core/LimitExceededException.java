package dev.paykit.core;

/** The amount is above a transfer limit (ISO-8583 61). */
public class LimitExceededException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public LimitExceededException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
