package dev.paykit.core;

/**
 * The provider's answer could not be used: cut off, not JSON, JSON of the wrong shape, empty where the
 * spec promises a body, lacking a field the spec requires, or an HTTP status the spec does not list.
 *
 * <p>For a plain read this is what the caller gets (after the retries). For an operation that can have
 * an effect it never reaches the caller as such: the request may have been processed, so the caller
 * gets an {@link OutcomeUnknownException} with this as its cause. Retryable: the same request may be
 * answered properly next time.
 */
public class UnexpectedResponseException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public UnexpectedResponseException(ErrorDetails details, Throwable cause) {
    super(details.withRetryable(true).withMayHaveBeenProcessed(true), cause);
  }
}
