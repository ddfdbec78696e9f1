package dev.paykit.core;

/** The connection could not be made, or broke before the response was complete. */
public class ConnectionException extends TransportException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception for the failure {@code details} describe.
   *
   * @param details what is known about the failure, its text already redacted
   * @param cause the exception that caused this one, or null
   */
  public ConnectionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
