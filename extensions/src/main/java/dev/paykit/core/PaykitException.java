package dev.paykit.core;

import dev.paykit.core.internal.Redactor;
import java.time.Duration;
import java.util.Optional;

/**
 * Root of every exception paykit throws: unchecked, and carrying what the provider said.
 *
 * <p>Subclasses say what went wrong on which side: {@link ValidationException} (nothing was sent),
 * {@link ApiException} and its status-specific subclasses (the provider answered with an error), and
 * {@link TransportException} (no usable answer arrived). Catch this type to handle every paykit failure.
 *
 * <p>Messages never contain secrets: API keys, secret tokens and signatures are removed before an
 * exception is built (see {@link Redactor}).
 */
public class PaykitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  /**
   * An exception for the failure {@code details} describe; its message is {@code details}' one-line summary.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  protected PaykitException(ErrorDetails details, Throwable cause) {
    super(details.describe(), cause);
    this.details = details;
  }

  /** {@return the provider id: {@code promptcash}, {@code prunny}, {@code prune}, {@code paypercut}, {@code ptapi}} */
  public String provider() {
    return details.provider();
  }

  /** {@return the HTTP status the provider answered with, or 0 when no response arrived (validation, transport)} */
  public int httpStatus() {
    return details.httpStatus();
  }

  /** {@return the provider's own error code (e.g. an ISO-8583 response code), when it sent one} */
  public Optional<String> providerCode() {
    return Optional.ofNullable(details.providerCode());
  }

  /** {@return the provider's own error message, with secrets removed, when it sent one} */
  public Optional<String> providerMessage() {
    return Optional.ofNullable(details.providerMessage());
  }

  /** {@return the provider's request id, when it sent one} */
  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  /**
   * Whether the failure is transient, so that the same request may succeed later. paykit retries only
   * retryable failures, and only for operations whose spec says repeating them is safe.
   *
   * @return true when the failure is transient
   */
  public boolean isRetryable() {
    return details.retryable();
  }

  /** {@return how long the provider asked us to wait ({@code Retry-After}), when it said so} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(details.retryAfter());
  }

  /**
   * Whether the provider may have acted on the request. False only when we know it did not: the
   * connection failed before the request was written, or the provider rate-limited it. Used to decide
   * whether an operation that is not safe to repeat may still be retried.
   *
   * @return false only when the provider certainly did not act on the request
   */
  public boolean requestMayHaveBeenProcessed() {
    return details.mayHaveBeenProcessed();
  }

  /** {@return the operation that failed ({@code operationId} from the spec), when known} */
  public Optional<String> operationId() {
    return Optional.ofNullable(details.operationId());
  }

  /** {@return all the fields above as one value} */
  public ErrorDetails details() {
    return details;
  }
}
