package dev.paykit.core;

/**
 * The provider answered, but could not say whether the operation happened (e.g. ISO-8583 {@code 97},
 * "timeout waiting for a response from destination"). Do not submit the operation again under a new
 * idempotency key: ask the provider for its status first (each provider client names the query).
 */
public class OutcomeUnknownException extends ApiException {

  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
