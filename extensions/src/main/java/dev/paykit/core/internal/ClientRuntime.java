package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.HttpOptions;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.spec.ApiSpec;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.form.FormEncoder;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Everything a provider client builds once and shares across calls: the spec, the JSON mapper, the
 * pooled OkHttp client, the {@link CallPipeline} and the Feign proxies. Thread-safe.
 *
 * <p>{@link #feignBuilder()} hands the fully wired {@link Feign.Builder} to applications that target the
 * generated interfaces themselves; they get the same pipeline as the provider client.
 */
public final class ClientRuntime {

  private final String baseUrl;
  private final ObjectMapper mapper;
  private final ApiSpec spec;
  private final Redactor redactor;
  private final CallPipeline pipeline;
  private final OkHttpClient okHttp;
  private final boolean sharedTransport;
  private final java.time.Duration callTimeout;
  private final feign.Client client;
  private final Request.Options options;
  private final Decoder decoder;
  private final ErrorDecoder errorDecoder;
  private final boolean wireLogging;
  private final Map<Class<?>, Object> proxies = new ConcurrentHashMap<>();
  // thread-safe, built once per client (Feign's builder would otherwise get new ones per interface)
  private final feign.Contract contract;
  private final feign.codec.Encoder encoder;
  private final Encoders encoders;
  private final Logger logger;
  private final ConditionalReads conditionalReads;

  private ClientRuntime(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.mapper = b.mapper;
    this.spec = b.spec;
    this.redactor = b.redactor;
    this.decoder = new ResponseGuard(b.spec, b.mapper, b.redactor, Objects.requireNonNull(b.decoder, "decoder"));
    this.errorDecoder = Objects.requireNonNull(b.errorDecoder, "errorDecoder");
    this.wireLogging = b.wireLogging;
    this.contract = new SlashEncodingContract();
    this.encoders = Encoders.of(mapper);
    this.encoder = encoders.all();
    this.logger = new RedactingLogger(spec.provider(), redactor);
    HttpOptions http = b.httpOptions;
    // Resilience4j is the only retry layer: OkHttp's own retries and follow-ups are shut off.
    // a client's own transport starts from the JVM's default one (its TLS trust, read once), with a pool
    // and a dispatcher of its own
    OkHttpClient.Builder base = b.httpClient != null ? b.httpClient.newBuilder()
        : DefaultTransport.BASE.newBuilder().dispatcher(new okhttp3.Dispatcher())
            .connectionPool(new ConnectionPool(http.maxIdleConnections(), http.keepAlive().toMillis(),
                TimeUnit.MILLISECONDS));
    if (b.proxy != null) {
      base.proxy(b.proxy);
    }
    String userAgent = UserAgent.of(spec.provider());
    OkHttpClient ok = NoHiddenRetries.apply(base)
        .connectTimeout(http.connectTimeout())
        .readTimeout(http.readTimeout())
        .callTimeout(java.time.Duration.ZERO) // the call's deadline is set per attempt by the transport
        .addInterceptor(chain -> chain.proceed(chain.request().header("User-Agent") != null
            ? chain.request() : chain.request().newBuilder().header("User-Agent", userAgent).build()))
        .eventListenerFactory(OkHttpTransport.SENT_MARKER)
        .build();
    this.okHttp = ok;
    this.sharedTransport = b.httpClient != null;
    this.callTimeout = http.callTimeout();
    this.conditionalReads = new ConditionalReads(spec.provider(), mapper, b.etagCacheSize);
    // the user's own application interceptors run before paykit's and may set a User-Agent of their own:
    // then paykit's interceptors finish the request, after them, as they always did
    boolean ownInterceptors = b.httpClient != null && !b.httpClient.interceptors().isEmpty();
    this.client = conditionalReads.client(new OkHttpTransport(ok, ownInterceptors ? null : userAgent));
    this.options = new Request.Options(http.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
        http.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    FailureTranslator failures = new FailureTranslator(spec.provider(), redactor);
    RetryExecutor retries = new RetryExecutor(spec.provider(), b.retryPolicy, b.clock, b.retryRegistry);
    this.pipeline = new CallPipeline(spec, mapper, b.clock, b.idempotencyKeys, retries, failures,
        http.callTimeout(), b.authenticate, b.timestamp, b.sign, b.requestChecks)
        .observedBy(CallObservers.of(b.callObservers, b.monotonicTime))
        .conditionalReads(conditionalReads.enabled() ? conditionalReads : null);
  }

  /**
   * The request body encoders, one chain: multipart forms, then the plain-decimal form values, then
   * feign-form's url-encoded forms, then JSON. Each passes on what is not its own, so a {@link DirectCall}
   * whose method's {@code Content-Type} settles which link encodes its body may start the chain there
   * ({@code form} for a url-encoded form, {@code json} for a JSON body): the same bytes.
   */
  record Encoders(feign.codec.Encoder all, feign.codec.Encoder form, JsonBodyEncoder json) {
    static Encoders of(ObjectMapper mapper) {
      JsonBodyEncoder json = new JsonBodyEncoder(mapper);
      feign.codec.Encoder form = new PlainDecimalEncoder(new FormEncoder(json));
      return new Encoders(new MultipartEncoder(form), form, json);
    }
  }

  /**
   * OkHttp's defaults, built once per JVM, never used to call: a client's transport is derived from it
   * ({@code newBuilder()}), so the platform's trust manager, TLS socket factory and certificate chain
   * cleaner (reading the JVM's trusted certificates, most of an OkHttp client's construction) are built
   * once instead of per client. Its pool and dispatcher are replaced in every derived client.
   */
  private static final class DefaultTransport {
    static final OkHttpClient BASE = new OkHttpClient();
  }

  /** A view of {@code base} whose calls follow {@code options}; shares the pool, the retries, the codecs. */
  private ClientRuntime(ClientRuntime base, dev.paykit.core.RequestOptions options) {
    this.baseUrl = base.baseUrl;
    this.mapper = base.mapper;
    this.spec = base.spec;
    this.redactor = base.redactor;
    this.decoder = base.decoder;
    this.errorDecoder = base.errorDecoder;
    this.wireLogging = base.wireLogging;
    this.contract = base.contract;
    this.encoder = base.encoder;
    this.encoders = base.encoders;
    this.logger = base.logger;
    this.okHttp = base.okHttp;
    this.sharedTransport = base.sharedTransport;
    this.client = base.client;
    this.options = base.options;
    this.callTimeout = options.callTimeout() != null ? options.callTimeout() : base.callTimeout;
    this.conditionalReads = base.conditionalReads;
    this.pipeline = base.pipeline.withDefaults(options);
  }

  /**
   * A view of this runtime whose calls follow these options (another call timeout, extra headers, a
   * scope); a call's own options win over them. Options carrying an idempotency key are refused with an
   * {@link IllegalArgumentException}: a key belongs to one call.
   */
  public ClientRuntime withOptions(dev.paykit.core.RequestOptions options) {
    Arguments.require(options, "options", spec.provider(), "withOptions");
    return new ClientRuntime(this, options);
  }

  /**
   * Releases the connection pool's idle connections. A pool that came with the user's own OkHttp client
   * is the user's to close, so it is left alone.
   */
  public void close() {
    if (!sharedTransport) {
      okHttp.connectionPool().evictAll();
    }
  }

  public static Builder builder(ApiSpec spec, ObjectMapper mapper) {
    return new Builder(spec, mapper);
  }

  /** A Feign builder wired with the whole pipeline; target any generated interface of this provider. */
  public Feign.Builder feignBuilder() {
    return wired().addCapability(pipeline);
  }

  /**
   * The proxy of a generated interface at this client's base URL; built once per type. The pipeline wraps
   * Feign's invocation handler factory directly, as the capability of {@link #feignBuilder()} would (it
   * enriches nothing else): without a capability, Feign skips its reflective pass over the builder. Each
   * method Feign would build from its annotations alone is sent by a {@link DirectCall}, without Feign's
   * per-call request templates (the same request on the wire, a fraction of the work); the others, and every
   * method while wire logging is on, by Feign's own handler.
   */
  @SuppressWarnings("unchecked")
  public <T> T api(Class<T> type) {
    // with wire logging on, Feign's handler logs each request and answer: every call goes through it
    DirectCall.Wiring direct = wireLogging ? null
        : new DirectCall.Wiring(client, options, encoders, decoder, errorDecoder, pipeline);
    return (T) proxies.computeIfAbsent(type, t -> wired()
        .invocationHandlerFactory(pipeline.enrich(new feign.InvocationHandlerFactory.Default(), direct))
        .target(t, baseUrl));
  }

  /** Everything but the pipeline's invocation handler: the codecs, transport and logger are the runtime's. */
  private Feign.Builder wired() {
    return Feign.builder()
        .contract(contract)
        .client(client)
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(encoder)
        .decoder(decoder)
        .errorDecoder(errorDecoder)
        .requestInterceptor(pipeline.attemptInterceptor())
        .logger(logger)
        .logLevel(wireLogging ? Logger.Level.FULL : Logger.Level.NONE);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public ApiSpec spec() {
    return spec;
  }

  public Redactor redactor() {
    return redactor;
  }

  /** The ETag cache of conditional reads, shared by this runtime's views (empty and unused at size 0). */
  public ConditionalReads conditionalReads() {
    return conditionalReads;
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private final ApiSpec spec;
    private final ObjectMapper mapper;
    private String baseUrl;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpOptions httpOptions = HttpOptions.defaults();
    private Redactor redactor = Redactor.none();
    private IdempotencyKeys idempotencyKeys = IdempotencyKeys.random();
    private AttemptStep authenticate = (t, o) -> { };
    private AttemptStep timestamp = (t, o) -> { };
    private AttemptStep sign = (t, o) -> { };
    private Decoder decoder;
    private ErrorDecoder errorDecoder;
    private boolean wireLogging;
    private io.github.resilience4j.retry.RetryRegistry retryRegistry;
    private OkHttpClient httpClient;
    private java.net.Proxy proxy;
    private final Map<String, java.util.List<RequestCheck>> requestChecks = new java.util.LinkedHashMap<>();
    private java.util.List<dev.paykit.core.CallObserver> callObservers = java.util.List.of();
    private java.util.function.LongSupplier monotonicTime = System::nanoTime;
    private int etagCacheSize;

    private Builder(ApiSpec spec, ObjectMapper mapper) {
      this.spec = spec;
      this.mapper = mapper;
    }

    public Builder baseUrl(String v) { this.baseUrl = v; return this; }
    public Builder clock(Clock v) { this.clock = v; return this; }
    public Builder retryPolicy(RetryPolicy v) { this.retryPolicy = v; return this; }
    public Builder httpOptions(HttpOptions v) { this.httpOptions = v; return this; }
    public Builder redactor(Redactor v) { this.redactor = v; return this; }
    public Builder idempotencyKeys(IdempotencyKeys v) { this.idempotencyKeys = v; return this; }
    /** Step 3 of {@link CallPipeline}. */
    public Builder authenticate(AttemptStep v) { this.authenticate = v; return this; }
    /** Step 4 of {@link CallPipeline}. */
    public Builder timestamp(AttemptStep v) { this.timestamp = v; return this; }
    /** Step 5 of {@link CallPipeline}. */
    public Builder sign(AttemptStep v) { this.sign = v; return this; }
    public Builder decoder(Decoder v) { this.decoder = v; return this; }
    public Builder errorDecoder(ErrorDecoder v) { this.errorDecoder = v; return this; }
    /** Log requests and responses, redacted, at DEBUG on {@code dev.paykit.wire.<provider>}. */
    public Builder wireLogging(boolean v) { this.wireLogging = v; return this; }
    /** The user's OkHttp client to derive the transport from (null: a new one). */
    public Builder httpClient(OkHttpClient v) { this.httpClient = v; return this; }
    /** The proxy to connect through (null: none, or the user's client's). */
    public Builder proxy(java.net.Proxy v) { this.proxy = v; return this; }
    /** Where the per-operation {@code Retry} instances live (null: the client's own registry). */
    public Builder retryRegistry(io.github.resilience4j.retry.RetryRegistry v) { this.retryRegistry = v; return this; }
    /**
     * Told about every call and attempt, in this order ({@link dev.paykit.core.CallObserver}); durations from
     * {@code monotonicTime} (nanoseconds).
     */
    public Builder callObservers(java.util.List<dev.paykit.core.CallObserver> observers,
        java.util.function.LongSupplier monotonicTime) {
      this.callObservers = java.util.List.copyOf(observers);
      this.monotonicTime = Objects.requireNonNull(monotonicTime, "monotonicTime");
      return this;
    }

    /**
     * A rule of the provider's on this operation's requests that the spec cannot state, checked with the
     * spec's own before anything is sent ({@link RequestCheck}); several run in the order added.
     *
     * @throws IllegalArgumentException when the spec has no operation of that id
     */
    public Builder requestCheck(String operationId, RequestCheck check) {
      spec.operation(operationId); // an unknown id fails here, not silently never
      requestChecks.computeIfAbsent(operationId, id -> new java.util.ArrayList<>())
          .add(java.util.Objects.requireNonNull(check, "check"));
      return this;
    }

    /**
     * How many answers that carried an {@code ETag} to keep for conditional reads (least recently used
     * dropped first); 0, the default, keeps none and sends no {@code If-None-Match}. Only reads whose spec
     * lists a 304 use it ({@link ConditionalReads}).
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder etagCacheSize(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("etagCacheSize must be 0 (no cache) or more, was " + v);
      }
      this.etagCacheSize = v;
      return this;
    }

    public ClientRuntime build() {
      return new ClientRuntime(this);
    }
  }
}
