package dev.paykit.core;

/** The provider did not answer in time. */
public class TimeoutException extends TransportException {

  private static final long serialVersionUID = 1L;

  public TimeoutException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
