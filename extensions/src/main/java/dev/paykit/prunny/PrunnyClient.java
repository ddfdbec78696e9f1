package dev.paykit.prunny;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ClientBuilder;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.DerivedValues;
import dev.paykit.core.internal.IdempotencyKeys;
import dev.paykit.core.internal.IsoTimestamp;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.SpecAuthentication;
import dev.paykit.core.internal.spec.ApiSpec;
import feign.Feign;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client for the Prunny Platform API (Open Banking Nigeria): accounts, customers, transfers with OTP
 * completion, holds and direct-debit mandates. Build one per API key and share it: thread-safe, pooled.
 *
 * <pre>{@code
 * PrunnyClient prunny = PrunnyClient.builder()
 *     .apiKey(System.getenv("PRUNNY_API_KEY"))
 *     .environment(PrunnyEnvironment.LIVE)
 *     .build();
 * TransferResult r = prunny.transfers().intraBank(new IntraBankTransferRequest()...);
 * if (r.isPending()) prunny.transfers().awaitFinalStatus(r.transactionRef());
 * }</pre>
 *
 * <p>Every request carries {@code Authorization: Bearer <key>} and a request timestamp (UTC, millisecond
 * precision, fresh per attempt; Prunny drops requests older than 5 minutes). The timestamp header's name
 * is not documented: it defaults to the spec's {@code X-Request-Timestamp} and can be changed with
 * {@link Builder#timestampHeader(String)}. Every transaction POST carries an idempotency key, the same
 * on every retry of the call.
 */
public final class PrunnyClient implements AutoCloseable {


  private final ClientRuntime runtime;
  private final PrunnyAccounts accounts;
  private final PrunnyCustomers customers;
  private final PrunnyTransfers transfers;
  private final PrunnyFunds funds;
  private final PrunnyMandates mandates;
  private final RetryPolicy pollPolicy;
  private final Clock clock;

  private PrunnyClient(Builder b) {
    if (b.apiKey == null || b.apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is required");
    }
    String apiKey = b.apiKey;
    ObjectMapper mapper = PaykitJson.shared();
    ApiSpec spec = ApiSpec.load(PrunnyResponses.PROVIDER);
    Redactor redactor = Redactor.of(List.of(apiKey), spec.sensitiveNames("Authorization"));
    Clock clock = b.clock();
    IdempotencyKeys keys = new IdempotencyKeys(b.uuids);
    this.runtime = ClientRuntime.builder(spec, mapper)
        .baseUrl(b.baseUrl != null ? b.baseUrl : b.environment.baseUrl())
        .clock(clock)
        .retryPolicy(b.retryPolicy())
        .httpOptions(b.httpOptions())
        .redactor(redactor)
        .idempotencyKeys(keys)
        .authenticate(new SpecAuthentication(spec, Map.of("bearer", () -> apiKey)))
        .timestamp(new DerivedValues("timestamp",
            // UTC, at most millisecond precision (Prunny docs "Request Timestamp")
            () -> IsoTimestamp.millis(clock.instant()), b.timestampHeader))
        .decoder(PrunnyResponses.decoder(mapper, redactor, spec))
        .errorDecoder(new ProviderErrorDecoder(PrunnyResponses.PROVIDER, mapper, redactor, clock,
            PrunnyResponses::readError, PrunnyResponses::mapError, null))
        .wireLogging(b.wireLogging())
        .retryRegistry(b.retryRegistry())
        .httpClient(b.httpClient())
        .proxy(b.proxy())
        .callObservers(b.callObservers(), b.monotonicTime())
        .build();
    this.pollPolicy = b.pollPolicy;
    this.clock = clock;
    this.accounts = new PrunnyAccounts(runtime);
    this.customers = new PrunnyCustomers(runtime);
    this.transfers = new PrunnyTransfers(runtime, pollPolicy, clock);
    this.funds = new PrunnyFunds(runtime);
    this.mandates = new PrunnyMandates(runtime);
  }

  private PrunnyClient(PrunnyClient base, ClientRuntime runtime) {
    this.runtime = runtime;
    this.pollPolicy = base.pollPolicy;
    this.clock = base.clock;
    this.accounts = new PrunnyAccounts(runtime);
    this.customers = new PrunnyCustomers(runtime);
    this.transfers = new PrunnyTransfers(runtime, pollPolicy, clock);
    this.funds = new PrunnyFunds(runtime);
    this.mandates = new PrunnyMandates(runtime);
  }

  /**
   * A view of this client whose calls follow {@code options} (e.g. a shorter call timeout). It shares
   * this client's connection pool, API key, idempotency keys and retry layer; building one is cheap.
   *
   * @param options the options every call of the view follows; not null
   * @return the view; closing it closes this client too
   */
  public PrunnyClient withOptions(RequestOptions options) {
    return new PrunnyClient(this, runtime.withOptions(options));
  }

  /** Releases the connection pool. Views made by {@link #withOptions} share it, so they are closed too. */
  @Override
  public void close() {
    runtime.close();
  }

  /** {@return a builder; the API key is required, the environment is the sandbox unless set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return customers' accounts, account types, account opening and statements} */
  public PrunnyAccounts accounts() {
    return accounts;
  }

  /** {@return customers, by id or by BVN} */
  public PrunnyCustomers customers() {
    return customers;
  }

  /** {@return name enquiry, transfers, OTP completion and the status query} */
  public PrunnyTransfers transfers() {
    return transfers;
  }

  /** {@return holds on funds and their release} */
  public PrunnyFunds funds() {
    return funds;
  }

  /** {@return direct-debit mandates and their charges} */
  public PrunnyMandates mandates() {
    return mandates;
  }

  /**
   * A generated interface ({@code TransfersApi}...) with the whole pipeline; pass null for the timestamp.
   *
   * @param <T> the interface
   * @param type one of the generated interfaces of Prunny
   * @return a proxy of {@code type} whose calls go through the whole pipeline
   */
  public <T> T api(Class<T> type) {
    return runtime.api(type);
  }

  /** {@return a Feign builder with the whole pipeline, for applications that target the interfaces themselves} */
  public Feign.Builder feignBuilder() {
    return runtime.feignBuilder();
  }

  /** {@return the base URL the client sends to} */
  public String baseUrl() {
    return runtime.baseUrl();
  }

  @Override
  public String toString() {
    return "PrunnyClient[" + runtime.baseUrl() + "]";
  }

  /** Builder; not thread-safe. {@link #toString()} never shows the key. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String apiKey;
    private PrunnyEnvironment environment = PrunnyEnvironment.SANDBOX;
    private String baseUrl;
    private String timestampHeader;
    private RetryPolicy pollPolicy = RetryPolicy.builder().maxAttempts(10)
        .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
        .maxElapsed(Duration.ofMinutes(5)).build();
    private Supplier<UUID> uuids = UUID::randomUUID;

    private Builder() {}

    /**
     * Your API key (sent as {@code Authorization: Bearer <key>}).
     *
     * @param v the API key; never logged or shown
     * @return this builder
     */
    public Builder apiKey(String v) { this.apiKey = v; return this; }
    /**
     * Sandbox (default) or live.
     *
     * @param v the environment, not null
     * @return this builder
     */
    public Builder environment(PrunnyEnvironment v) { this.environment = Objects.requireNonNull(v); return this; }
    /**
     * Overrides the environment's URL (e.g. the local paykit sandbox).
     *
     * @param v the base URL, or null for the environment's
     * @return this builder
     */
    public Builder baseUrl(String v) { this.baseUrl = v; return this; }
    /**
     * The request timestamp header's name (default {@code X-Request-Timestamp}, inferred).
     *
     * @param v the header's name, or null for the default
     * @return this builder
     */
    public Builder timestampHeader(String v) { this.timestampHeader = v; return this; }
    /**
     * How {@link PrunnyTransfers#awaitFinalStatus(String)} polls (default 10 polls, 1 s doubling to 30 s, 5 min).
     *
     * @param v the policy, not null
     * @return this builder
     */
    public Builder pollPolicy(RetryPolicy v) { this.pollPolicy = Objects.requireNonNull(v); return this; }
    /**
     * Source of generated idempotency keys (default random UUIDs).
     *
     * @param v gives a new UUID per call, not null
     * @return this builder
     */
    public Builder idempotencyKeySource(Supplier<UUID> v) { this.uuids = Objects.requireNonNull(v); return this; }

    /**
     * The client, with its own connection pool; close it when done.
     *
     * @return the client
     * @throws IllegalArgumentException when the API key is missing or blank
     */
    public PrunnyClient build() {
      return new PrunnyClient(this);
    }

    @Override
    public String toString() {
      return "PrunnyClient.Builder[" + (baseUrl != null ? baseUrl : environment) + ", apiKey="
          + (apiKey == null ? null : Redactor.MASK) + "]";
    }
  }
}
