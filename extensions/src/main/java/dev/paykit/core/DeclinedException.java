package dev.paykit.core;

/**
 * The provider understood the request and refused it for a business reason (insufficient funds, a
 * limit, an invalid account...). Not retryable: sending it again gives the same answer.
 * {@link #providerCode()} carries the provider's code (e.g. ISO-8583 {@code 51}).
 */
public class DeclinedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public DeclinedException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /**
   * The provider's code for why it declined (an ISO-8583 response code such as {@code 51}, a card
   * network's decline code), when it sent one. Provider packages subclass this type for their codes.
   */
  public java.util.Optional<String> declineCode() {
    return providerCode();
  }
}
