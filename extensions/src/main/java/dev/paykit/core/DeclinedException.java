package dev.paykit.core;

/**
 * The provider understood the request and refused it for a business reason (insufficient funds, a
 * limit, an invalid account...). Not retryable: sending it again gives the same answer.
 * {@link #providerCode()} carries the provider's code (e.g. ISO-8583 {@code 51}).
 */
public class DeclinedException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public DeclinedException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /**
   * The provider's code for why it declined (an ISO-8583 response code such as {@code 51}, a card
   * network's decline code), when it sent one. Provider packages subclass this type for their codes.
   *
   * @return the decline code, the same as {@link #providerCode()}; empty when the provider sent none
   */
  public java.util.Optional<String> declineCode() {
    return providerCode();
  }
}
