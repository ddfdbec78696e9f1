package dev.paykit.core;

/** The amount is above a transfer limit (ISO-8583 61). */
public class LimitExceededException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public LimitExceededException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
