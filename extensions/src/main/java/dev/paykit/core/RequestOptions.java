package dev.paykit.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for one call, or for every call of a client view, over the client's defaults. Every facade
 * method takes them as its last, optional argument. Immutable and thread-safe.
 *
 * <pre>{@code
 * // one call: your idempotency key (repeat the call with the same key to repeat it safely) and a deadline
 * TransferResult r = prunny.transfers().interBank(request, RequestOptions.builder()
 *     .idempotencyKey("order-1001-payout")
 *     .callTimeout(Duration.ofSeconds(20))
 *     .build());
 *
 * // a view: every call of it ends within 5 s and carries a tracing header
 * PromptCashClient quick = client.withOptions(RequestOptions.builder()
 *     .callTimeout(Duration.ofSeconds(5)).header("X-Trace-Id", traceId).build());
 * }</pre>
 *
 * <ul>
 *   <li>{@link #idempotencyKey()}: for operations that take one; without it the client makes a new key
 *       for the call (sent on every retry of it, never on another call) and tells it in the result and in
 *       an {@link OutcomeUnknownException}. An operation that takes no key refuses one (it would not make
 *       the call safe to repeat), and a client view refuses one (a key belongs to one call).
 *   <li>{@link #callTimeout()}: the whole call's deadline, retries and waits included.
 *   <li>{@link #headers()}: extra headers, e.g. tracing. A header the client sets itself (credentials,
 *       idempotency key, signatures, timestamps, content and connection headers, Accept-Encoding) or that
 *       the spec describes as a parameter cannot be set this way: the call is refused with a
 *       {@link ValidationException}.
 *   <li>{@link #scope()}: the provider's scoping of a call to another account where it has one (e.g. a
 *       connected account); refused by providers that have none.
 * </ul>
 *
 * Unset values ({@code null}) fall back to the client view's, then to the client's.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(null, null, Map.of(), null);

  private final String idempotencyKey;
  private final Duration callTimeout;
  private final Map<String, String> headers;
  private final String scope;

  private RequestOptions(String idempotencyKey, Duration callTimeout, Map<String, String> headers,
      String scope) {
    this.idempotencyKey = idempotencyKey;
    this.callTimeout = callTimeout;
    this.headers = headers;
    this.scope = scope;
  }

  /** {@return no overrides: the client's own settings} */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Options carrying only an idempotency key.
   *
   * @param key the call's idempotency key, checked against the provider's rules when the call is made
   * @return options with only {@code key} set
   */
  public static RequestOptions ofIdempotencyKey(String key) {
    return builder().idempotencyKey(key).build();
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.idempotencyKey = idempotencyKey;
    b.callTimeout = callTimeout;
    b.headers.putAll(headers);
    b.scope = scope;
    return b;
  }

  /** {@return the call's idempotency key, or null for a new one per call} */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * The whole call's deadline (every attempt, every wait), or null for the client's
   * {@link HttpOptions#callTimeout()}.
   *
   * @return the call's deadline, or null
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** {@return extra headers, in the order given; empty when none} */
  public Map<String, String> headers() {
    return headers;
  }

  /** {@return the account the call acts for (the provider's scoping header), or null} */
  public String scope() {
    return scope;
  }

  /**
   * These options over {@code defaults}: each value set here wins, headers are merged (a name set here
   * replaces the default's, names compared ignoring case).
   *
   * @param defaults the options to fall back to (a client view's); not null
   * @return the merged options
   * @throws NullPointerException when {@code defaults} is null
   */
  public RequestOptions over(RequestOptions defaults) {
    Objects.requireNonNull(defaults, "defaults");
    if (defaults == NONE) {
      return this;
    }
    if (this == NONE) {
      return defaults;
    }
    Map<String, String> merged = new LinkedHashMap<>();
    defaults.headers.forEach((k, v) -> {
      if (!containsIgnoreCase(headers, k)) {
        merged.put(k, v);
      }
    });
    merged.putAll(headers);
    return new RequestOptions(idempotencyKey != null ? idempotencyKey : defaults.idempotencyKey,
        callTimeout != null ? callTimeout : defaults.callTimeout, Collections.unmodifiableMap(merged),
        scope != null ? scope : defaults.scope);
  }

  private static boolean containsIgnoreCase(Map<String, String> map, String name) {
    for (String k : map.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions r && Objects.equals(r.idempotencyKey, idempotencyKey)
        && Objects.equals(r.callTimeout, callTimeout) && r.headers.equals(headers)
        && Objects.equals(r.scope, scope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(idempotencyKey, callTimeout, headers, scope);
  }

  /** Names what is set; never a key's, header's or scope's value. */
  @Override
  public String toString() {
    return "RequestOptions[idempotencyKey=" + (idempotencyKey == null ? "none" : "set")
        + ", callTimeout=" + callTimeout + ", headers=" + headers.keySet()
        + ", scope=" + (scope == null ? "none" : "set") + "]";
  }

  /** Builder; not thread-safe. Setting a value to {@code null} unsets it. */
  public static final class Builder {
    private String idempotencyKey;
    private Duration callTimeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String scope;

    private Builder() {}

    /**
     * The call's idempotency key; the provider's rules for keys (length, characters) are checked when
     * the call is made, before anything is sent.
     *
     * @param value the key, or null for a new one per call
     * @return this builder
     */
    public Builder idempotencyKey(String value) {
      this.idempotencyKey = value;
      return this;
    }

    /**
     * The whole call's deadline, every attempt and wait included.
     *
     * @param value a positive duration, or null for the client's
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is zero or negative
     */
    public Builder callTimeout(Duration value) {
      if (value != null && (value.isNegative() || value.isZero())) {
        throw new IllegalArgumentException("callTimeout must be positive");
      }
      this.callTimeout = value;
      return this;
    }

    /**
     * An extra header (a null value removes it). The name must be an HTTP token; the value is checked
     * when the call is made, like every header.
     *
     * @param name the header's name; one set before under the same name (ignoring case) is replaced
     * @param value the header's value, or null to remove the header
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is null, empty or not an HTTP token
     */
    public Builder header(String name, String value) {
      if (name == null || name.isEmpty() || !isToken(name)) {
        throw new IllegalArgumentException("a header name must be a non-empty HTTP token");
      }
      headers.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
      if (value != null) {
        headers.put(name, value);
      }
      return this;
    }

    /**
     * The account the call acts for, sent in the provider's scoping header.
     *
     * @param value the account id, or null for the client view's
     * @return this builder
     */
    public Builder scope(String value) {
      this.scope = value;
      return this;
    }

    /** {@return the options set so far; {@link RequestOptions#none()} when nothing was set} */
    public RequestOptions build() {
      if (idempotencyKey == null && callTimeout == null && headers.isEmpty() && scope == null) {
        return NONE;
      }
      return new RequestOptions(idempotencyKey, callTimeout,
          Collections.unmodifiableMap(new LinkedHashMap<>(headers)), scope);
    }

    private static boolean isToken(String name) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }
}
