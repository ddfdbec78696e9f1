package dev.paykit.core;

/** The source account cannot cover the amount (ISO-8583 51). */
public class InsufficientFundsException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public InsufficientFundsException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
