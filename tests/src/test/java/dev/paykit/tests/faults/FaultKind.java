package dev.paykit.tests.faults;

/**
 * What {@link FaultInjectionProxy} does to one request instead of relaying it cleanly. Every kind but
 * {@link #STORM_503} forwards the request first, so the provider has processed it when the client
 * gets no usable answer.
 */
public enum FaultKind {
  /** Answer 503 with the provider's error body without forwarding: the provider never saw the request. */
  STORM_503(false),
  /** Forward, read the whole answer, then close the connection without it (or after its headers only). */
  DROP_AFTER_PROCESSING(true),
  /** Forward, then send nothing until the client gives up (its read timeout) and closes. */
  READ_TIMEOUT(true),
  /** Forward, then send the headers without Content-Length, with Connection: close, half the body, close. */
  TRUNCATED_BODY(true),
  /** Forward, then answer 502 with a gateway's HTML page instead of the provider's answer. */
  GATEWAY_HTML(true),
  /** Forward, then reset the connection (SO_LINGER 0) instead of answering. */
  RESET(true);

  private final boolean forwards;

  FaultKind(boolean forwards) {
    this.forwards = forwards;
  }

  /** Whether the request reaches the provider before the fault. */
  public boolean forwards() {
    return forwards;
  }
}
