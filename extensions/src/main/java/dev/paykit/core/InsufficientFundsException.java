package dev.paykit.core;

/** The source account cannot cover the amount (ISO-8583 51). */
public class InsufficientFundsException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public InsufficientFundsException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
