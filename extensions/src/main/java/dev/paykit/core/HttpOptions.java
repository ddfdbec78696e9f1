package dev.paykit.core;

import java.time.Duration;

/**
 * Timeouts and connection pool of a client's HTTP transport (OkHttp). Immutable.
 *
 * @param connectTimeout time to establish a connection (default 10 s)
 * @param readTimeout time to wait for data once connected (default 30 s)
 * @param maxIdleConnections idle connections kept in the pool (default 5)
 * @param keepAlive how long an idle connection is kept (default 5 min)
 */
public record HttpOptions(
    Duration connectTimeout, Duration readTimeout, int maxIdleConnections, Duration keepAlive) {

  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, Duration.ofMinutes(5));
  }

  public HttpOptions withConnectTimeout(Duration value) {
    return new HttpOptions(value, readTimeout, maxIdleConnections, keepAlive);
  }

  public HttpOptions withReadTimeout(Duration value) {
    return new HttpOptions(connectTimeout, value, maxIdleConnections, keepAlive);
  }
}
