package dev.paykit.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ClientBuilder;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.SpecAuthentication;
import dev.paykit.core.internal.spec.ApiSpec;
import feign.Feign;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client for the Prune Payments API (docs.prunepayments.net): EUR and GBP accounts issued to
 * individuals and companies (requests with their documents), transfers out of them, payouts from the
 * business's own account. Build one per API key and share it: thread-safe, pooled.
 *
 * <pre>{@code
 * PruneClient prune = PruneClient.builder()
 *     .apiKey(System.getenv("PRUNE_API_KEY"))          // the dashboard's test or live key
 *     .build();                                        // https://dps.prunepayments.net
 * prune.mode();                                        // LIVE for an sk_live_ key
 * Transaction t = prune.transfers().send(new SendMoneyRequest()...reference("inv-1001"));
 * prune.transfers().awaitFinalStatus(t.getId());       // PENDING until CONFIRMED or REJECTED
 * }</pre>
 *
 * <p>Every request carries {@code Authorization: Bearer <key>}; test and live share one host and the key
 * decides ({@link #mode()}). Prune's envelope is unwrapped: a call returns its {@code data}, and a
 * {@code status: false} answer throws the typed exception of its {@code code} (with Prune's message),
 * whatever the HTTP status. Prune has no idempotency keys: transfers and payouts are sent once and never
 * repeated once they may have reached Prune; an unknown outcome is a {@link PruneOutcomeUnknownException}
 * to {@linkplain PruneTransfers#resolve resolve}. Reads are retried as usual. Every request is checked
 * against the spec before it is sent, documents included.
 */
public final class PruneClient implements AutoCloseable {

  /** Live and test alike (the key decides). */
  public static final String BASE_URL = "https://dps.prunepayments.net";

  private final ClientRuntime runtime;
  private final PruneMode mode;
  private final MoneyCalls money;

  private PruneClient(Builder b) {
    if (b.apiKey == null || b.apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is required (the key from Prune's dashboard, Settings, API Keys)");
    }
    String key = b.apiKey;
    if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("apiKey holds a space, a line break or a character outside visible ASCII ("
          + key.length() + " characters, not shown): a copy-and-paste slip? An HTTP header cannot carry it");
    }
    this.mode = PruneMode.ofKey(key);
    ObjectMapper mapper = PaykitJson.shared();
    ApiSpec spec = ApiSpec.load(PruneResponses.PROVIDER);
    Redactor redactor = Redactor.of(List.of(key), spec.sensitiveNames("Authorization"));
    var decoder = PruneResponses.decoder(mapper, redactor, spec);
    References references = new References(b.referenceMemory);
    this.runtime = ClientRuntime.builder(spec, mapper)
        .baseUrl(b.baseUrl)
        .clock(b.clock())
        .retryPolicy(b.retryPolicy())
        .httpOptions(b.httpOptions())
        .redactor(redactor)
        .authenticate(new SpecAuthentication(spec, Map.of("bearer", () -> key)))
        .decoder(decoder)
        .errorDecoder(new ProviderErrorDecoder(PruneResponses.PROVIDER, mapper, redactor, b.clock(),
            decoder::readError, PruneResponses::mapError, null))
        .requestCheck(DocumentRules.OPERATION, new DocumentRules())
        .requestCheck(PruneTransfers.SEND, references)
        .requestCheck(PrunePayouts.DISBURSE, references)
        .wireLogging(b.wireLogging())
        .retryRegistry(b.retryRegistry())
        .httpClient(b.httpClient())
        .proxy(b.proxy())
        .callObservers(b.callObservers(), b.monotonicTime())
        .build();
    this.money = new MoneyCalls(references, b.pollPolicy, b.clock());
  }

  private PruneClient(PruneClient base, ClientRuntime runtime) {
    this.runtime = runtime;
    this.mode = base.mode;
    this.money = base.money;
  }

  /** {@return a builder; the API key is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose calls follow {@code options} (a call timeout, extra headers); a call's own
   * options win. It shares the pool, the key, the retry layer and the references already used. Options
   * carrying an idempotency key are refused: Prune takes none.
   *
   * @param options the options every call of the view follows; not null, without an idempotency key
   * @return the view; closing it closes this client too
   */
  public PruneClient withOptions(RequestOptions options) {
    return new PruneClient(this, runtime.withOptions(options));
  }

  /** Releases the connection pool; views made by {@link #withOptions} share it. */
  @Override
  public void close() {
    runtime.close();
  }

  /**
   * Test or live as the key's prefix says ({@code sk_live_}), {@link PruneMode#UNKNOWN} when it says nothing.
   *
   * @return the mode of the client's key
   */
  public PruneMode mode() {
    return mode;
  }

  /** {@return individual and corporate account requests, their documents and states} */
  public PruneAccountRequests accountRequests() {
    return new PruneAccountRequests(runtime);
  }

  /** {@return issued accounts, balances, account validation} */
  public PruneAccounts accounts() {
    return new PruneAccounts(runtime);
  }

  /** {@return transfers out of issued accounts, their status and the resolution of unknown outcomes} */
  public PruneTransfers transfers() {
    return new PruneTransfers(runtime, money);
  }

  /** {@return payouts from the business's payout account, their disbursement requests and resolution} */
  public PrunePayouts payouts() {
    return new PrunePayouts(runtime, money, transfers());
  }

  /**
   * A generated interface ({@code AccountsApi}, ...) with the whole pipeline. Calls through it are checked
   * against the references the facades claimed, but do not claim their own: two {@code sendMoney} calls
   * through it under one reference both go out. Send money through {@link #transfers()} and
   * {@link #payouts()}, which never send a reference twice.
   *
   * @param <T> the interface
   * @param type one of the generated interfaces of Prune
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
    return "PruneClient[" + runtime.baseUrl() + ", " + mode + "]";
  }

  /** Builder; not thread-safe. {@link #toString()} never shows the key. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String apiKey;
    private String baseUrl = BASE_URL;
    private RetryPolicy pollPolicy = RetryPolicy.builder().maxAttempts(10)
        .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
        .maxElapsed(Duration.ofMinutes(5)).build();
    private int referenceMemory = 100_000;

    private Builder() {}

    /**
     * Your API key from Prune's dashboard (sent as {@code Authorization: Bearer <key>}).
     *
     * @param v the API key; never logged or shown
     * @return this builder
     */
    public Builder apiKey(String v) { this.apiKey = v; return this; }
    /**
     * Default {@link #BASE_URL}; point it at the sandbox in tests.
     *
     * @param v the base URL, not null
     * @return this builder
     */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }
    /**
     * How {@code awaitFinalStatus} and {@code resolve} poll: attempts, backoff, total time and the sleeper
     * (default 10 polls, 1 s doubling to 30 s, at most 5 minutes).
     *
     * @param v the policy, not null
     * @return this builder
     */
    public Builder pollPolicy(RetryPolicy v) { this.pollPolicy = Objects.requireNonNull(v, "pollPolicy"); return this; }
    /**
     * How many of the latest transfer and payout references the client keeps to refuse a second payment
     * under one (default 100 000; 0 keeps none).
     *
     * @param v 0 or more references
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is negative
     */
    public Builder referenceMemory(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("referenceMemory must not be negative");
      }
      this.referenceMemory = v;
      return this;
    }

    /**
     * The client, with its own connection pool; close it when done.
     *
     * @return the client
     * @throws IllegalArgumentException when the API key is missing or blank, or holds a space, a line break or a
     *     character outside visible ASCII
     */
    public PruneClient build() {
      return new PruneClient(this);
    }

    @Override
    public String toString() {
      return "PruneClient.Builder[" + baseUrl + ", apiKey=" + (apiKey == null ? null : Redactor.MASK) + "]";
    }
  }
}
