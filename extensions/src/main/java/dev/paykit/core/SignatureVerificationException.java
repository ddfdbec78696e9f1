package dev.paykit.core;

import java.util.Objects;

/**
 * A callback or webhook failed verification: its token or signature does not match, or it could not
 * be parsed. Treat the request as forged; never act on its content.
 *
 * <p>{@link #reason()} says which check failed, for code that answers or counts failures per cause
 * (a stale timestamp usually means a replay or a skewed clock, a missing header a proxy that drops it,
 * an empty body a filter that consumed it). The message never contains a secret or a signature.
 */
public final class SignatureVerificationException extends PaykitException {

  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** The signature header was absent, null or blank. */
    MISSING_HEADER,
    /** The signature header was present but not in the documented form. */
    MALFORMED_HEADER,
    /** No signature in the header matches the body under any configured secret. */
    NO_MATCHING_SIGNATURE,
    /** The signed timestamp is further from now, in the past or the future, than the tolerance. */
    TIMESTAMP_OUTSIDE_TOLERANCE,
    /** The body was null or empty. */
    EMPTY_BODY,
    /** The body is authentic but is not the documented event shape. */
    MALFORMED_PAYLOAD,
    /** Any other failure (Prompt.Cash callback tokens and other callers of the three-argument constructor). */
    OTHER
  }

  /** Which check failed, never null. */
  private final Reason reason;

  /**
   * A failure whose reason is {@link Reason#OTHER}.
   *
   * @param provider the provider id
   * @param message what failed, already free of secrets and signatures
   * @param cause the exception that caused this one (a parse failure), or null
   */
  public SignatureVerificationException(String provider, String message, Throwable cause) {
    this(provider, Reason.OTHER, message, cause);
  }

  /**
   * A failure with a machine-readable reason.
   *
   * @param provider the provider id
   * @param reason which check failed; null is taken as {@link Reason#OTHER}
   * @param message what failed, already free of secrets and signatures
   * @param cause the exception that caused this one (a parse failure), or null
   */
  public SignatureVerificationException(String provider, Reason reason, String message, Throwable cause) {
    super(ErrorDetails.builder(provider).providerMessage(message).mayHaveBeenProcessed(false).build(), cause);
    this.reason = Objects.requireNonNullElse(reason, Reason.OTHER);
  }

  /** {@return which check failed; {@link Reason#OTHER} when the thrower gave none} */
  public Reason reason() {
    return reason;
  }
}
