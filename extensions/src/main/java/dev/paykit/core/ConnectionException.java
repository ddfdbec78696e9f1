package dev.paykit.core;

/** The connection could not be made, or broke before the response was complete. */
public class ConnectionException extends TransportException {

  private static final long serialVersionUID = 1L;

  public ConnectionException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
