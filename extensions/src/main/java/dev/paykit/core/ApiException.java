package dev.paykit.core;

/**
 * The provider answered with an error. Subclasses name the common cases; this class itself covers any
 * other status. Use {@link #forStatus(ErrorDetails)} to pick the subclass for an HTTP status.
 */
public class ApiException extends PaykitException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public ApiException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /**
   * The exception for an HTTP error status. 429 and 5xx are marked retryable; 429 also as not
   * processed, since a rate-limited request was turned away before the provider acted on it.
   *
   * @param details the error answer, whose {@link ErrorDetails#httpStatus()} picks the subclass
   * @return the subclass for that status, not thrown
   */
  public static ApiException forStatus(ErrorDetails details) {
    return forStatus(details.httpStatus(), details);
  }

  /**
   * The exception for the HTTP error status {@code status}, which may differ from the answer's own
   * (a provider that answers {@code 200} with {@code {"status": false, "code": 404}} names a 404 in the
   * body); {@code details} keep the answer's status.
   *
   * @param status the HTTP error status that picks the subclass
   * @param details the error answer
   * @return the subclass for {@code status}, not thrown
   */
  public static ApiException forStatus(int status, ErrorDetails details) {
    return switch (status) {
      case 400, 422 -> new InvalidRequestException(details, null);
      case 401 -> new AuthenticationException(details, null);
      case 403 -> new PermissionException(details, null);
      case 404 -> new NotFoundException(details, null);
      case 409 -> new ConflictException(details, null);
      case 429 -> new RateLimitException(
          details.withRetryable(true).withMayHaveBeenProcessed(false), null);
      default -> status >= 500
          ? new ServerException(details.withRetryable(true), null)
          : new ApiException(details, null);
    };
  }
}
