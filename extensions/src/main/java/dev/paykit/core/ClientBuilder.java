package dev.paykit.core;

import io.github.resilience4j.retry.RetryRegistry;
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
  private RetryRegistry retryRegistry;
  private okhttp3.OkHttpClient httpClient;
  private java.net.Proxy proxy;
  private final java.util.List<CallObserver> callObservers = new java.util.ArrayList<>();
  private java.util.function.LongSupplier monotonicTime = System::nanoTime;

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

  /**
   * The Resilience4j registry the client's {@code Retry} instances are created in, one per operation,
   * named {@code paykit.<provider>.<operationId>} (default: a registry of the client's own). Bind it to
   * Micrometer to see every retry. paykit configures each instance itself (attempts, backoff, and the
   * predicate that keeps retries safe); a configuration registered under the same name is not used.
   */
  public B retryRegistry(RetryRegistry v) {
    this.retryRegistry = Objects.requireNonNull(v);
    return self();
  }

  /**
   * An OkHttp client of yours to send through (its TLS settings, certificate pinning, DNS, dispatcher,
   * interceptors...). paykit derives its own from it with {@code newBuilder()}, sharing your pool, and
   * keeps its guarantees on the derived one: OkHttp's own retries and redirects off, one-shot request
   * bodies, the timeouts of {@link #httpOptions(HttpOptions)} and the call deadline. Yours is not changed.
   */
  public B httpClient(okhttp3.OkHttpClient v) {
    this.httpClient = Objects.requireNonNull(v);
    return self();
  }

  /** The HTTP proxy to connect through (default: none, or your {@link #httpClient} client's). */
  public B proxy(java.net.Proxy v) {
    this.proxy = Objects.requireNonNull(v);
    return self();
  }

  /** Log requests and responses, redacted, at DEBUG on {@code dev.paykit.wire.<provider>} (default off). */
  public B wireLogging(boolean v) {
    this.wireLogging = v;
    return self();
  }

  /**
   * Adds an observer told about every call of the client and each of its attempts (provider, operation,
   * outcome, HTTP status, exception type, durations: {@link CallObserver}). Several are told in the order
   * added. An observer never changes a call: one that throws is logged once and ignored.
   */
  public B addCallObserver(CallObserver v) {
    callObservers.add(Objects.requireNonNull(v));
    return self();
  }

  /**
   * Where the durations told to call observers come from: a monotonic time in nanoseconds (default
   * {@code System::nanoTime}); pin it in tests.
   */
  public B monotonicTime(java.util.function.LongSupplier nanos) {
    this.monotonicTime = Objects.requireNonNull(nanos);
    return self();
  }

  /** {@return the observers added with {@link #addCallObserver}, in order} */
  public java.util.List<CallObserver> callObservers() {
    return java.util.List.copyOf(callObservers);
  }

  /** {@return the time source of {@link #monotonicTime(java.util.function.LongSupplier)}} */
  public java.util.function.LongSupplier monotonicTime() {
    return monotonicTime;
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

  /** {@return the registry given to {@link #retryRegistry(RetryRegistry)}, or null} */
  public RetryRegistry retryRegistry() {
    return retryRegistry;
  }

  /** {@return the client given to {@link #httpClient(okhttp3.OkHttpClient)}, or null} */
  public okhttp3.OkHttpClient httpClient() {
    return httpClient;
  }

  /** {@return the proxy given to {@link #proxy(java.net.Proxy)}, or null} */
  public java.net.Proxy proxy() {
    return proxy;
  }

  public boolean wireLogging() {
    return wireLogging;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
