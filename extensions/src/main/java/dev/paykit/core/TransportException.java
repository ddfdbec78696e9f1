package dev.paykit.core;

/**
 * No usable answer arrived: the connection failed, timed out, or broke while the response was read.
 *
 * <p>When {@link #requestMayHaveBeenProcessed()} is true the provider may have acted on the request:
 * the outcome is unknown. paykit retries such a request only when the operation is safe to repeat
 * (idempotency key, or naturally idempotent per the spec); otherwise this exception reaches the caller,
 * who must check the resource's state (e.g. fetch the payment) before trying again.
 */
public class TransportException extends PaykitException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public TransportException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /** {@return true when the provider may have acted on the request and did not tell us the result} */
  public boolean isOutcomeUnknown() {
    return requestMayHaveBeenProcessed();
  }
}
