package dev.paykit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for the calls of one client view, over the client's defaults. Immutable and thread-safe.
 *
 * <pre>{@code
 * PromptCashClient quick = client.withOptions(RequestOptions.builder()
 *     .callTimeout(Duration.ofSeconds(5))
 *     .build());
 * quick.payments().get("order-1001");     // this call, retries included, ends within 5 s
 * }</pre>
 *
 * A view shares the client's connection pool, retry layer and credentials; building one is cheap.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(null);

  private final Duration callTimeout;

  private RequestOptions(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** No overrides: the client's own settings. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The whole call's deadline (every attempt, every wait), or null for the client's
   * {@link HttpOptions#callTimeout()}.
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions r && Objects.equals(r.callTimeout, callTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(callTimeout);
  }

  @Override
  public String toString() {
    return "RequestOptions[callTimeout=" + callTimeout + "]";
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private Duration callTimeout;

    private Builder() {}

    /** The whole call's deadline; must be positive. */
    public Builder callTimeout(Duration value) {
      Objects.requireNonNull(value, "callTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive");
      }
      this.callTimeout = value;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(callTimeout);
    }
  }
}
