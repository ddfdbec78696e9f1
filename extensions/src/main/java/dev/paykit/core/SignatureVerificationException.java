package dev.paykit.core;

/**
 * A callback or webhook failed verification: its token or signature does not match, or it could not
 * be parsed. Treat the request as forged; never act on its content.
 */
public final class SignatureVerificationException extends PaykitException {

  private static final long serialVersionUID = 1L;

  public SignatureVerificationException(String provider, String message, Throwable cause) {
    super(ErrorDetails.builder(provider).providerMessage(message).mayHaveBeenProcessed(false).build(), cause);
  }
}
