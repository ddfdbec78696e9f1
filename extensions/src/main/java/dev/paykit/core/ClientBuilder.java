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

  /** A builder with the defaults: system UTC clock, default retry policy and HTTP options, wire log off. */
  protected ClientBuilder() {}

  /**
   * Source of request timestamps and signature times, and of the retry time budget (default system UTC).
   *
   * @param v the clock; a fixed one in tests
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B clock(Clock v) {
    this.clock = Objects.requireNonNull(v);
    return self();
  }

  /**
   * Retries of one call (default {@link RetryPolicy#defaults()}).
   *
   * @param v the policy; {@link RetryPolicy#none()} for no retry
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B retryPolicy(RetryPolicy v) {
    this.retryPolicy = Objects.requireNonNull(v);
    return self();
  }

  /**
   * Timeouts and connection pool (default {@link HttpOptions#defaults()}).
   *
   * @param v the transport's timeouts and pool
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B httpOptions(HttpOptions v) {
    this.httpOptions = Objects.requireNonNull(v);
    return self();
  }

  /**
   * The Resilience4j registry the client's {@code Retry} instances are created in, one per operation,
   * named {@code paykit.<provider>.<operationId>} (default: a registry of the client's own). Bind it to
   * Micrometer to see every retry. paykit configures each instance itself (attempts, backoff, and the
   * predicate that keeps retries safe); a configuration registered under the same name is not used.
   *
   * @param v the registry to create the retries in
   * @return this builder
   * @throws NullPointerException when {@code v} is null
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
   *
   * @param v the client to derive paykit's from
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B httpClient(okhttp3.OkHttpClient v) {
    this.httpClient = Objects.requireNonNull(v);
    return self();
  }

  /**
   * The HTTP proxy to connect through (default: none, or your {@link #httpClient} client's).
   *
   * @param v the proxy
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B proxy(java.net.Proxy v) {
    this.proxy = Objects.requireNonNull(v);
    return self();
  }

  /**
   * Log requests and responses, redacted, at DEBUG on {@code dev.paykit.wire.<provider>} (default off).
   *
   * @param v true to log the wire
   * @return this builder
   */
  public B wireLogging(boolean v) {
    this.wireLogging = v;
    return self();
  }

  /**
   * Adds an observer told about every call of the client and each of its attempts (provider, operation,
   * outcome, HTTP status, exception type, durations: {@link CallObserver}). Several are told in the order
   * added. An observer never changes a call: one that throws is logged once and ignored.
   *
   * @param v the observer to add
   * @return this builder
   * @throws NullPointerException when {@code v} is null
   */
  public B addCallObserver(CallObserver v) {
    callObservers.add(Objects.requireNonNull(v));
    return self();
  }

  /**
   * Where the durations told to call observers come from: a monotonic time in nanoseconds (default
   * {@code System::nanoTime}); pin it in tests.
   *
   * @param nanos gives nanoseconds, only differences matter
   * @return this builder
   * @throws NullPointerException when {@code nanos} is null
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

  /** {@return the clock given to {@link #clock(Clock)}, by default system UTC} */
  public Clock clock() {
    return clock;
  }

  /** {@return the policy given to {@link #retryPolicy(RetryPolicy)}, by default {@link RetryPolicy#defaults()}} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the options given to {@link #httpOptions(HttpOptions)}, by default {@link HttpOptions#defaults()}} */
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

  /** {@return whether {@link #wireLogging(boolean)} turned the wire log on} */
  public boolean wireLogging() {
    return wireLogging;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
