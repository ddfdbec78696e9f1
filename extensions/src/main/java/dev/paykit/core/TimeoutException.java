package dev.paykit.core;

/** The provider did not answer in time. */
public class TimeoutException extends TransportException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public TimeoutException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
