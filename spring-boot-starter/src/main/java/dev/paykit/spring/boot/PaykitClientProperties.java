package dev.paykit.spring.boot;

import dev.paykit.core.ClientBuilder;
import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import java.time.Duration;

/**
 * The settings every paykit client has under {@code paykit.<provider>.*}: base URL, HTTP timeouts and pool,
 * the retry policy's basics and the redacted wire log. Defaults are paykit's own ({@link HttpOptions#defaults()},
 * {@link RetryPolicy#defaults()}).
 */
public abstract class PaykitClientProperties {

  /** Base URL of the provider's API (default: the provider's live URL; point it at the sandbox in tests). */
  private String baseUrl;

  /** Log requests and responses, redacted, at DEBUG on {@code dev.paykit.wire.<provider>}. */
  private boolean wireLogging = false;

  private final Http http = new Http();

  private final Retry retry = new Retry();

  private final Health health = new Health();

  /** {@return the provider's API base URL, or {@code null} to keep the client's default} */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the provider's API base URL.
   *
   * @param baseUrl absolute URL, e.g. the sandbox's; {@code null} keeps the client's default
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@return whether requests and responses are logged, redacted, at DEBUG} */
  public boolean isWireLogging() {
    return wireLogging;
  }

  /**
   * Turns the redacted wire log on {@code dev.paykit.wire.<provider>} on or off.
   *
   * @param wireLogging {@code true} to log requests and responses at DEBUG
   */
  public void setWireLogging(boolean wireLogging) {
    this.wireLogging = wireLogging;
  }

  /** {@return the HTTP timeouts and pool settings, never {@code null}} */
  public Http getHttp() {
    return http;
  }

  /** {@return the retry policy settings, never {@code null}} */
  public Retry getRetry() {
    return retry;
  }

  /** {@return the health contributor settings, never {@code null}} */
  public Health getHealth() {
    return health;
  }

  /** Applies the shared settings (not the credentials nor the base URL) to a builder. */
  <B extends ClientBuilder<B>> B applyTo(B builder) {
    return builder.httpOptions(http.toOptions()).retryPolicy(retry.toPolicy()).wireLogging(wireLogging);
  }

  /**
   * The provider's health contributor ({@code /actuator/health/paykit/<provider>}). It judges from the
   * outcomes of the client's own recent calls and sends nothing: UNKNOWN before any call reached the
   * provider, DOWN after {@code failure-threshold} calls in a row failed for want of a usable answer
   * (transport failure, unknown outcome, 5xx), UP otherwise.
   */
  public static class Health {
    /** Whether to contribute this provider's health (needs Spring Boot's actuator). */
    private boolean enabled = false;
    /** Calls in a row that failed for want of a usable answer after which the provider is DOWN. */
    private int failureThreshold = 3;

    /** {@return whether this provider's health is contributed} */
    public boolean isEnabled() { return enabled; }
    /**
     * Turns this provider's health contributor on or off.
     *
     * @param v {@code true} to contribute (needs Spring Boot's actuator)
     */
    public void setEnabled(boolean v) { this.enabled = v; }
    /** {@return the calls in a row failed for want of a usable answer after which the provider is DOWN} */
    public int getFailureThreshold() { return failureThreshold; }
    /**
     * Sets how many calls in a row must fail for want of a usable answer before the provider is DOWN.
     *
     * @param v number of calls
     */
    public void setFailureThreshold(int v) { this.failureThreshold = v; }
  }

  /** Timeouts and connection pool ({@link HttpOptions}). */
  public static class Http {
    /** Time to establish a connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Time to wait for data once connected. */
    private Duration readTimeout = Duration.ofSeconds(30);
    /** The whole call's deadline: every attempt and every wait between them. */
    private Duration callTimeout = Duration.ofSeconds(60);
    /** Idle connections kept in the pool. */
    private int maxIdleConnections = HttpOptions.DEFAULT_MAX_IDLE_CONNECTIONS;
    /** How long an idle connection is kept. */
    private Duration keepAlive = Duration.ofMinutes(5);

    /** {@return the time to establish a connection} */
    public Duration getConnectTimeout() { return connectTimeout; }
    /**
     * Sets the time to establish a connection.
     *
     * @param v connect timeout
     */
    public void setConnectTimeout(Duration v) { this.connectTimeout = v; }
    /** {@return the time to wait for data once connected} */
    public Duration getReadTimeout() { return readTimeout; }
    /**
     * Sets the time to wait for data once connected.
     *
     * @param v read timeout
     */
    public void setReadTimeout(Duration v) { this.readTimeout = v; }
    /** {@return the whole call's deadline, every attempt and every wait between them included} */
    public Duration getCallTimeout() { return callTimeout; }
    /**
     * Sets the whole call's deadline: every attempt and every wait between them.
     *
     * @param v call timeout
     */
    public void setCallTimeout(Duration v) { this.callTimeout = v; }
    /** {@return the number of idle connections kept in the pool} */
    public int getMaxIdleConnections() { return maxIdleConnections; }
    /**
     * Sets how many idle connections the pool keeps.
     *
     * @param v number of connections
     */
    public void setMaxIdleConnections(int v) { this.maxIdleConnections = v; }
    /** {@return how long an idle connection is kept} */
    public Duration getKeepAlive() { return keepAlive; }
    /**
     * Sets how long an idle connection is kept.
     *
     * @param v keep-alive duration
     */
    public void setKeepAlive(Duration v) { this.keepAlive = v; }

    HttpOptions toOptions() {
      return new HttpOptions(connectTimeout, readTimeout, maxIdleConnections, keepAlive, callTimeout);
    }
  }

  /**
   * Retry policy basics ({@link RetryPolicy}). What is retried is not configurable: only transient failures
   * of operations that are safe to repeat.
   */
  public static class Retry {
    /** Attempts in all, the first included; 1 turns retries off. */
    private int maxAttempts = 3;
    /** Wait before the first retry; doubles on each retry. */
    private Duration initialBackoff = Duration.ofMillis(500);
    /** Longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofSeconds(5);
    /** No retry starts later than this after the call started. */
    private Duration maxElapsed = Duration.ofSeconds(30);
    /** Wait at least the provider's Retry-After. */
    private boolean honourRetryAfter = true;

    /** {@return the attempts in all, the first included; 1 means no retry} */
    public int getMaxAttempts() { return maxAttempts; }
    /**
     * Sets the attempts in all, the first included.
     *
     * @param v number of attempts; 1 turns retries off
     */
    public void setMaxAttempts(int v) { this.maxAttempts = v; }
    /** {@return the wait before the first retry, doubled on each retry} */
    public Duration getInitialBackoff() { return initialBackoff; }
    /**
     * Sets the wait before the first retry; it doubles on each retry.
     *
     * @param v initial backoff
     */
    public void setInitialBackoff(Duration v) { this.initialBackoff = v; }
    /** {@return the longest wait between two attempts} */
    public Duration getMaxBackoff() { return maxBackoff; }
    /**
     * Sets the longest wait between two attempts.
     *
     * @param v maximum backoff
     */
    public void setMaxBackoff(Duration v) { this.maxBackoff = v; }
    /** {@return the time after the call started past which no retry starts} */
    public Duration getMaxElapsed() { return maxElapsed; }
    /**
     * Sets the time after the call started past which no retry starts.
     *
     * @param v maximum elapsed time
     */
    public void setMaxElapsed(Duration v) { this.maxElapsed = v; }
    /** {@return whether a retry waits at least the provider's Retry-After} */
    public boolean isHonourRetryAfter() { return honourRetryAfter; }
    /**
     * Sets whether a retry waits at least the provider's Retry-After.
     *
     * @param v {@code true} to honour Retry-After
     */
    public void setHonourRetryAfter(boolean v) { this.honourRetryAfter = v; }

    RetryPolicy toPolicy() {
      return RetryPolicy.builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff)
          .maxBackoff(maxBackoff).maxElapsed(maxElapsed).honourRetryAfter(honourRetryAfter).build();
    }
  }
}
