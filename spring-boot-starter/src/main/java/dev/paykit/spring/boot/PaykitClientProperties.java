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

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public boolean isWireLogging() {
    return wireLogging;
  }

  public void setWireLogging(boolean wireLogging) {
    this.wireLogging = wireLogging;
  }

  public Http getHttp() {
    return http;
  }

  public Retry getRetry() {
    return retry;
  }

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

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { this.enabled = v; }
    public int getFailureThreshold() { return failureThreshold; }
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

    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration v) { this.connectTimeout = v; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration v) { this.readTimeout = v; }
    public Duration getCallTimeout() { return callTimeout; }
    public void setCallTimeout(Duration v) { this.callTimeout = v; }
    public int getMaxIdleConnections() { return maxIdleConnections; }
    public void setMaxIdleConnections(int v) { this.maxIdleConnections = v; }
    public Duration getKeepAlive() { return keepAlive; }
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

    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int v) { this.maxAttempts = v; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration v) { this.initialBackoff = v; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration v) { this.maxBackoff = v; }
    public Duration getMaxElapsed() { return maxElapsed; }
    public void setMaxElapsed(Duration v) { this.maxElapsed = v; }
    public boolean isHonourRetryAfter() { return honourRetryAfter; }
    public void setHonourRetryAfter(boolean v) { this.honourRetryAfter = v; }

    RetryPolicy toPolicy() {
      return RetryPolicy.builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff)
          .maxBackoff(maxBackoff).maxElapsed(maxElapsed).honourRetryAfter(honourRetryAfter).build();
    }
  }
}
