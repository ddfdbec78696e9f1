package dev.paykit.ptapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ClientBuilder;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.TreeDecoder;
import dev.paykit.core.internal.DerivedValues;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.ptapi.api.UserApi;
import dev.paykit.ptapi.invoker.ApiResponseDecoder;
import dev.paykit.ptapi.model.ResetPasswordRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client for PT API (Prepaid Technologies): prepaid cards of businesses organised as a group
 * ({@code parentId}), its businesses ({@code customerId}) and their programs, loaded from a master funds
 * account. Build one per PT user and share it: thread-safe, pooled.
 *
 * <pre>{@code
 * try (PtApiClient pt = PtApiClient.builder()
 *     .baseUrl(PtApiClient.SANDBOX_GATEWAY)           // production: the host PT gives you (not published)
 *     .subscriptionKey(primary).secondaryKey(secondary) // the developer portal's subscription keys
 *     .loginId("api-user").password(System.getenv("PT_PASSWORD"))
 *     .build()) {
 *   CustomerList businesses = pt.hierarchy().businesses();   // logs in on first use
 *   LoadTransaction t = pt.cards().load(new LoadRequest().proxyKey(pk)
 *       .amount(new BigDecimal("25.00")).referenceId("payroll-2026-12-01-17"));
 * }                                                           // logs out
 * }</pre>
 *
 * <p>Two auth layers. The gateway subscription key rides on every request (header
 * {@code Ocp-Apim-Subscription-Key} by default: PT does not publish the name, see
 * {@link Builder#subscriptionKeyHeader}); when the gateway rejects the primary key the client switches to
 * the secondary, if given, and repeats the call once (the gateway answered: PT never saw it). The session
 * comes from a login made on first use with the configured login id and password; its id is filled into
 * every JSON body the spec marks {@code x-paykit-derived: session}. When PT answers 401001 (expired
 * session) the client logs in again, one login for all the callers that failed on that session, and
 * repeats the call once where repeating is safe (see {@link PtApiCards} for loads). {@link #close()} logs
 * out. The password, the keys and the session id are never in a log line, a message or a
 * {@code toString()}.
 *
 * <p>PT's numeric error codes are typed exceptions ({@link PtApiFailure}: {@link PtApiInvalidQueryException}
 * ... {@link PtApiCardholderNotActiveException}), read from {@code code} or {@code errorCode}, {@code message}
 * and {@code description}; any other error shape gives the HTTP status's exception.
 */
public final class PtApiClient implements AutoCloseable {

  /** The documented sandbox gateway (wiki Quick Start). PT publishes no production host: there is no default. */
  public static final String SANDBOX_GATEWAY = "https://pt-api.azure-api.net";

  /** Azure API Management's default subscription key header (inferred: PT does not publish the name). */
  public static final String DEFAULT_KEY_HEADER = "Ocp-Apim-Subscription-Key";

  /** Answers kept for conditional reads by default ({@link Builder#etagCacheSize}). */
  public static final int DEFAULT_ETAG_CACHE_SIZE = 256;

  private final ClientRuntime runtime;
  private final Calls calls;
  private final GatewayKeys keys;
  private final java.util.Map<Class<?>, Object> rawApis = new java.util.concurrent.ConcurrentHashMap<>();

  private PtApiClient(Builder b) {
    List<String> missing = new ArrayList<>();
    if (b.baseUrl == null || b.baseUrl.isBlank()) {
      missing.add("baseUrl (the gateway PT gives you; the sandbox is " + SANDBOX_GATEWAY + ")");
    }
    if (blank(b.subscriptionKey)) {
      missing.add("subscriptionKey (the primary key of the developer portal's subscription)");
    }
    if (blank(b.loginId)) {
      missing.add("loginId");
    }
    if (blank(b.password)) {
      missing.add("password");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("PtApiClient needs " + String.join(", ", missing));
    }
    checkHeaderValue("subscriptionKey", b.subscriptionKey);
    if (b.secondaryKey != null) {
      checkHeaderValue("secondaryKey", b.secondaryKey);
    }
    ObjectMapper mapper = PaykitJson.shared();
    ApiSpec spec = ApiSpec.load(PtApiErrors.PROVIDER);
    String specHeader = spec.securityScheme("subscriptionKey").path("name").asText();
    List<String> secrets = new ArrayList<>(List.of(b.subscriptionKey, b.password));
    if (b.secondaryKey != null) {
      secrets.add(b.secondaryKey);
    }
    Session[] session = new Session[1];
    // the session id is masked by name in JSON, and by value wherever a message or a logged answer echoes it
    Redactor redactor = Redactor.of(secrets, spec.sensitiveNames(specHeader, b.keyHeader, "sessionId"))
        .withLiveSecrets(() -> session[0] == null ? List.of() : session[0].recentIds());
    this.keys = new GatewayKeys(specHeader, b.keyHeader, b.subscriptionKey, b.secondaryKey);
    Calls[] calls = new Calls[1];
    ClientRuntime.Builder rb = ClientRuntime.builder(spec, mapper);
    for (OperationSpec op : spec.operations()) {
      if (!op.derivedJsonProperties("session").isEmpty()) {
        // the lazy login: after the call's request passed the spec's checks (nothing is sent for bad input,
        // not even a login) and before its first attempt, so a failed login is never the call's outcome
        rb.requestCheck(op.operationId(), (request, violations) -> {
          if (violations.isEmpty()) {
            calls[0].withKeyFallback(session[0]::ensure);
          }
        });
      }
    }
    this.runtime = rb
        .baseUrl(b.baseUrl)
        .clock(b.clock())
        .retryPolicy(b.retryPolicy())
        .httpOptions(b.httpOptions())
        .redactor(redactor)
        .authenticate(keys.andThen(new DerivedValues("session", () -> session[0].attemptValue())))
        .decoder(new TreeDecoder(mapper, new ApiResponseDecoder(mapper)))
        .errorDecoder(ProviderErrorDecoder.withBodyMapper(PtApiErrors.PROVIDER, mapper, redactor, b.clock(),
            PtApiErrors::readError, PtApiErrors::map, null))
        .wireLogging(b.wireLogging())
        .retryRegistry(b.retryRegistry())
        .httpClient(b.httpClient())
        .proxy(b.proxy())
        .callObservers(b.callObservers(), b.monotonicTime())
        .etagCacheSize(b.etagCacheSize)
        .build();
    session[0] = new Session(runtime.api(UserApi.class), b.loginId, b.password);
    this.calls = new Calls(spec, session[0], keys);
    calls[0] = this.calls;
  }

  private PtApiClient(PtApiClient base, ClientRuntime runtime) {
    this.runtime = runtime;
    this.keys = base.keys;
    this.calls = base.calls;
  }

  /** {@return a builder; the gateway URL, subscription key, login id and password are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose calls follow {@code options} (a call timeout, extra headers); it shares the
   * pool, the keys and the session (the facades of a view use the view's runtime).
   *
   * @param options the options every call of the view follows; not null
   * @return the view
   */
  public PtApiClient withOptions(RequestOptions options) {
    return new PtApiClient(this, runtime.withOptions(options));
  }

  /** {@return the businesses under a parent and their programs (unscoped: every id from the call, or the login)} */
  public PtApiHierarchy hierarchy() {
    return unscoped().hierarchy();
  }

  /**
   * Cards: orders, registrations, searches, status, loads and unloads (unscoped).
   *
   * @return the card calls
   */
  public PtApiCards cards() {
    return unscoped().cards();
  }

  /**
   * Cardholders: search, read, edit (unscoped).
   *
   * @return the cardholder calls
   */
  public PtApiCardholders cardholders() {
    return unscoped().cardholders();
  }

  /**
   * A view scoped to a group: {@code hierarchy().businesses()} lists its businesses.
   *
   * @param parentId the group's id
   * @return the scoped view
   */
  public PtApiScope forParent(String parentId) {
    return unscoped().forParent(parentId);
  }

  /**
   * A view scoped to a business: programs, searches, orders and registrations take its {@code customerId}.
   *
   * @param customerId the business's id
   * @return the scoped view
   */
  public PtApiScope forBusiness(String customerId) {
    return unscoped().forBusiness(customerId);
  }

  /**
   * A view scoped to a program: orders and registrations take its {@code customerProgramId}.
   *
   * @param customerProgramId the program's id
   * @return the scoped view
   */
  public PtApiScope forProgram(String customerProgramId) {
    return unscoped().forProgram(customerProgramId);
  }

  private PtApiScope unscoped() {
    return new PtApiScope(calls, runtime, Scope.NONE);
  }

  /** {@return the business the login named ({@code customerId}; the group's {@code parentId}); logs in when needed} */
  public String loginCustomerId() {
    return calls.withKeyFallback(calls.session()::customerId);
  }

  /**
   * Asks PT to reset a user's password (no session needed). 204: nothing comes back.
   *
   * @param loginId the user's login id
   */
  public void resetPassword(String loginId) {
    resetPassword(loginId, RequestOptions.none());
  }

  /**
   * Like {@link #resetPassword(String)}, with options for this call.
   *
   * @param loginId the user's login id
   * @param options the options of this call (deadline, headers...); not null
   */
  public void resetPassword(String loginId, RequestOptions options) {
    Calls.require(loginId, "loginId", "resetPassword");
    UserApi user = runtime.api(UserApi.class);
    calls.runWithoutSession("resetPassword", options, () -> {
      user.resetPassword(new ResetPasswordRequest().loginId(loginId));
      return null;
    });
  }

  /**
   * A generated interface ({@code CardsApi}, {@code CardholdersApi}, {@code HierarchyApi}, {@code UserApi})
   * with the whole pipeline (key and its fallback, session id with the lazy login, validation, typed errors,
   * the ETag cache) and the facades' session renewal: a call of an operation that carries the session and is
   * refused with 401001 logs in again (one login shared with the other callers) and is repeated once where
   * that is safe, exactly as through the facades; a load or unload that may have been processed is not.
   * Built once per type.
   *
   * @param <T> the interface
   * @param type one of the generated interfaces of PT API
   * @return a proxy of {@code type} whose calls go through the whole pipeline
   */
  @SuppressWarnings("unchecked")
  public <T> T api(Class<T> type) {
    return (T) rawApis.computeIfAbsent(type, t -> renewing(t, runtime.api(t)));
  }

  private Object renewing(Class<?> type, Object target) {
    ApiSpec spec = runtime.spec();
    return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> args != null && proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "paykit PT API " + type.getSimpleName() + " (renews the session)";
            };
          }
          String name = method.getName().replaceFirst("WithHttpInfo$", "");
          OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals(name)).findFirst()
              .orElse(null);
          if (op == null || op.derivedJsonProperties("session").isEmpty()) {
            return invoke(target, method, args);
          }
          return calls.run(name, RequestOptions.none(), () -> invoke(target, method, args));
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return the gateway URL the client sends to} */
  public String baseUrl() {
    return runtime.baseUrl();
  }

  /**
   * Logs out (when a session is open) and releases the connection pool. A logout that fails is not
   * reported: the session expires by itself at PT. Views made by {@link #withOptions} share the session.
   */
  @Override
  public void close() {
    try {
      calls.withKeyFallback(() -> {
        calls.session().logout();
        return null;
      });
    } catch (PaykitException logoutFailed) {
      // the session ends by itself when it expires; closing must still release the pool
    } finally {
      runtime.close();
    }
  }

  @Override
  public String toString() {
    return "PtApiClient[" + runtime.baseUrl() + ", " + keys + ", " + calls.session() + "]";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void checkHeaderValue(String name, String key) {
    if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(name + " holds a space, a line break or a character outside visible ASCII ("
          + key.length() + " characters, not shown): an HTTP header cannot carry it");
    }
  }

  /** Builder; not thread-safe. {@link #toString()} never shows a key or the password. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String baseUrl;
    private String subscriptionKey;
    private String secondaryKey;
    private String keyHeader = DEFAULT_KEY_HEADER;
    private String loginId;
    private String password;
    private int etagCacheSize = DEFAULT_ETAG_CACHE_SIZE;

    private Builder() {}

    /**
     * How many read answers that carried an {@code ETag} to keep, least recently used dropped first
     * (default {@value PtApiClient#DEFAULT_ETAG_CACHE_SIZE}); 0 turns conditional reads off. A read whose answer
     * is cached sends {@code If-None-Match}; PT's 304 then returns the cached answer, decoded afresh.
     *
     * @param v 0 or more answers
     * @return this builder
     */
    public Builder etagCacheSize(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("etagCacheSize must be 0 (no cache) or more, was " + v);
      }
      this.etagCacheSize = v;
      return this;
    }

    /**
     * Required: the gateway's URL ({@link #SANDBOX_GATEWAY} for PT's sandbox; production is PT's to give).
     *
     * @param v the gateway URL, not null
     * @return this builder
     */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }
    /**
     * Required: the subscription's primary key.
     *
     * @param v the primary key; never logged or shown
     * @return this builder
     */
    public Builder subscriptionKey(String v) { this.subscriptionKey = v; return this; }
    /**
     * The subscription's secondary key, used once the gateway rejects the primary (e.g. while rotating it).
     *
     * @param v the secondary key, or null for none; never logged or shown
     * @return this builder
     */
    public Builder secondaryKey(String v) { this.secondaryKey = v; return this; }
    /**
     * The header carrying the key; default {@link #DEFAULT_KEY_HEADER} (PT does not publish it).
     *
     * @param v an HTTP header name, not null
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is not an HTTP header name
     */
    public Builder subscriptionKeyHeader(String v) {
      Objects.requireNonNull(v, "subscriptionKeyHeader");
      if (!v.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("subscriptionKeyHeader is not an HTTP header name: " + v);
      }
      this.keyHeader = v;
      return this;
    }
    /**
     * Required: the PT user's login id ({@code loginID}).
     *
     * @param v the login id
     * @return this builder
     */
    public Builder loginId(String v) { this.loginId = v; return this; }
    /**
     * Required: the PT user's password; never logged.
     *
     * @param v the password; never logged or shown
     * @return this builder
     */
    public Builder password(String v) { this.password = v; return this; }

    /**
     * The client; it logs in on the first call that needs a session.
     *
     * @return the client
     * @throws IllegalArgumentException naming every required setting that is missing
     */
    public PtApiClient build() {
      return new PtApiClient(this);
    }

    @Override
    public String toString() {
      return "PtApiClient.Builder[" + baseUrl + ", loginId=" + loginId + ", subscriptionKey="
          + (subscriptionKey == null ? null : Redactor.MASK) + ", secondaryKey="
          + (secondaryKey == null ? null : Redactor.MASK) + ", password=" + (password == null ? null : Redactor.MASK) + "]";
    }
  }
}
