package dev.paykit.core;

import java.time.Clock;
import java.util.Objects;

/**
 * The settings every paykit client builder has: the clock (timestamps, signatures, retry budget), the
 * retry policy, the HTTP options and the wire log. Provider builders extend it and add their
 * credentials. Not thread-safe; {@code toString()} of subclasses never shows credentials.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

  private Clock clock = Clock.systemUTC();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private HttpOptions httpOptions = HttpOptions.defaults();
  private boolean wireLogging;

  protected ClientBuilder() {}

  /** Source of request timestamps and signature times, and of the retry time budget (default system UTC). */
  public B clock(Clock v) {
    this.clock = Objects.requireNonNull(v);
    return self();
  }

  /** Retries of one call (default {@link RetryPolicy#defaults()}). */
  public B retryPolicy(RetryPolicy v) {
    this.retryPolicy = Objects.requireNonNull(v);
    return self();
  }

  /** Timeouts and connection pool (default {@link HttpOptions#defaults()}). */
  public B httpOptions(HttpOptions v) {
    this.httpOptions = Objects.requireNonNull(v);
    return self();
  }

  /** Log requests and responses, redacted, at DEBUG on {@code dev.paykit.wire.<provider>} (default off). */
  public B wireLogging(boolean v) {
    this.wireLogging = v;
    return self();
  }

  public Clock clock() {
    return clock;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public HttpOptions httpOptions() {
    return httpOptions;
  }

  public boolean wireLogging() {
    return wireLogging;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
