package dev.paykit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and connection pool of a client's HTTP transport (OkHttp). Immutable.
 *
 * @param connectTimeout time to establish a connection (default 10 s)
 * @param readTimeout time to wait for data once connected (default 30 s)
 * @param maxIdleConnections idle connections kept in the pool (default {@value #DEFAULT_MAX_IDLE_CONNECTIONS}).
 *     A client shared by more threads than this keeps opening new connections: each call that finds the
 *     pool full of idle ones closes its connection when it ends, and the next call opens one again (a TCP
 *     and, live, a TLS handshake). Size it at least to the number of threads that call one client at
 *     once; idle connections beyond what is used close after {@code keepAlive}
 * @param keepAlive how long an idle connection is kept (default 5 min)
 * @param callTimeout the whole call's deadline: connecting, writing, waiting, reading the whole answer,
 *     every retry and every wait between them (default 60 s). A server that drips its answer one byte
 *     at a time cannot hold a call longer than this. Measured on the monotonic clock, not the client's
 *     {@link java.time.Clock}.
 */
public record HttpOptions(
    Duration connectTimeout, Duration readTimeout, int maxIdleConnections, Duration keepAlive,
    Duration callTimeout) {

  /**
   * The default of {@link #maxIdleConnections()}: enough for 32 threads sharing one client without
   * opening new connections (OkHttp's own default, 5, made 8 threads open about a thousand per minute).
   */
  public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 32;

  /**
   * Checks the options.
   *
   * @param connectTimeout time to establish a connection; positive
   * @param readTimeout time to wait for data once connected; positive
   * @param maxIdleConnections idle connections kept in the pool; 0 or more
   * @param keepAlive how long an idle connection is kept; positive
   * @param callTimeout the whole call's deadline, retries and waits included; positive
   * @throws NullPointerException when a duration is null
   * @throws IllegalArgumentException when a duration is zero or negative, or the pool size negative
   */
  public HttpOptions {
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    positive(keepAlive, "keepAlive");
    positive(callTimeout, "callTimeout");
    if (maxIdleConnections < 0) {
      throw new IllegalArgumentException("maxIdleConnections must not be negative");
    }
  }

  /**
   * The options with the default call timeout (60 s).
   *
   * @param connectTimeout time to establish a connection; positive
   * @param readTimeout time to wait for data once connected; positive
   * @param maxIdleConnections idle connections kept in the pool; 0 or more
   * @param keepAlive how long an idle connection is kept; positive
   */
  public HttpOptions(Duration connectTimeout, Duration readTimeout, int maxIdleConnections, Duration keepAlive) {
    this(connectTimeout, readTimeout, maxIdleConnections, keepAlive, Duration.ofSeconds(60));
  }

  /**
   * {@return the defaults: connect 10 s, read 30 s, {@value #DEFAULT_MAX_IDLE_CONNECTIONS} idle connections kept 5
   * min, call 60 s}
   */
  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_IDLE_CONNECTIONS,
        Duration.ofMinutes(5), Duration.ofSeconds(60));
  }

  /**
   * These options with another connect timeout.
   *
   * @param value time to establish a connection; positive
   * @return a copy with {@code value} as {@link #connectTimeout()}
   */
  public HttpOptions withConnectTimeout(Duration value) {
    return new HttpOptions(value, readTimeout, maxIdleConnections, keepAlive, callTimeout);
  }

  /**
   * These options with another read timeout.
   *
   * @param value time to wait for data once connected; positive
   * @return a copy with {@code value} as {@link #readTimeout()}
   */
  public HttpOptions withReadTimeout(Duration value) {
    return new HttpOptions(connectTimeout, value, maxIdleConnections, keepAlive, callTimeout);
  }

  /**
   * These options with another pool size.
   *
   * @param value idle connections kept in the pool; 0 or more
   * @return a copy with {@code value} as {@link #maxIdleConnections()}
   */
  public HttpOptions withMaxIdleConnections(int value) {
    return new HttpOptions(connectTimeout, readTimeout, value, keepAlive, callTimeout);
  }

  /**
   * These options with another idle time before a pooled connection is closed.
   *
   * @param value how long an idle connection is kept; positive
   * @return a copy with {@code value} as {@link #keepAlive()}
   */
  public HttpOptions withKeepAlive(Duration value) {
    return new HttpOptions(connectTimeout, readTimeout, maxIdleConnections, value, callTimeout);
  }

  /**
   * These options with another deadline for the whole call.
   *
   * @param value the call's deadline, every retry and wait included; positive
   * @return a copy with {@code value} as {@link #callTimeout()}
   */
  public HttpOptions withCallTimeout(Duration value) {
    return new HttpOptions(connectTimeout, readTimeout, maxIdleConnections, keepAlive, value);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
