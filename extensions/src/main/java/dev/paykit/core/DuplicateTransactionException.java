package dev.paykit.core;

/** A transaction with this reference was already submitted under another idempotency key (ISO-8583 94); nothing new was done. */
public class DuplicateTransactionException extends DeclinedException {

  private static final long serialVersionUID = 1L;

  public DuplicateTransactionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
