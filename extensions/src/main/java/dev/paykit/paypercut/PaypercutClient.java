package dev.paykit.paypercut;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ClientBuilder;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.TreeDecoder;
import dev.paykit.core.internal.IdempotencyKeys;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.SpecAuthentication;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.paypercut.invoker.ApiResponseDecoder;
import feign.Feign;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client for the Paypercut API (card payments in the Stripe mould). Build one per secret key and share
 * it: thread-safe, pooled.
 *
 * <pre>{@code
 * PaypercutClient paypercut = PaypercutClient.builder()
 *     .secretKey(System.getenv("PAYPERCUT_SECRET_KEY"))     // sk_test_… or sk_live_…
 *     .build();
 * PaymentIntent intent = paypercut.paymentIntents().create(new PaymentIntentCreateRequest()
 *     .amount(2500L).currency("EUR").paymentMethod("pm_…").confirm(true));
 * PaypercutClient connected = paypercut.forAccount("acct_…");   // Paypercut-Account on every call
 * }</pre>
 *
 * <p>Every request carries {@code Authorization: Bearer <secret key>}; the key's prefix decides test or
 * live mode ({@link #mode()}). Every POST carries an {@code Idempotency-Key}: the caller's
 * ({@link RequestOptions#ofIdempotencyKey}) or a UUID made once per call, the same on every retry, and
 * named by {@link dev.paykit.core.OutcomeUnknownException} when the answer is lost. Retries (connection
 * failures, 409 {@code idempotency_error} from concurrent use of one key, 429, 5xx) repeat only what is
 * safe: POSTs with their key, reads. Errors are typed by Paypercut's {@code type} and {@code code}
 * ({@link CardDeclinedException}, {@link PaypercutInvalidRequestException}, ...; {@link PaypercutFailure}
 * carries the error object), with {@code trace_id} as the request id. Requests are validated against the
 * spec before anything is sent.
 */
public final class PaypercutClient implements AutoCloseable {

  /** Live and test mode alike (the key decides). */
  public static final String LIVE_URL = "https://api.paypercut.io";

  private final ClientRuntime runtime;
  private final PaypercutMode mode;

  private PaypercutClient(Builder b) {
    this.mode = PaypercutMode.ofSecretKey(b.secretKey);
    String key = b.secretKey;
    ObjectMapper mapper = PaykitJson.shared();
    ApiSpec spec = ApiSpec.load(PaypercutErrors.PROVIDER);
    Redactor redactor = Redactor.of(List.of(key), spec.sensitiveNames("Authorization", "secret"));
    this.runtime = ClientRuntime.builder(spec, mapper)
        .baseUrl(b.baseUrl)
        .clock(b.clock())
        .retryPolicy(b.retryPolicy())
        .httpOptions(b.httpOptions())
        .redactor(redactor)
        .idempotencyKeys(new IdempotencyKeys(b.uuids))
        .authenticate(new SpecAuthentication(spec, Map.of("secretKey", () -> key)))
        .decoder(new TreeDecoder(mapper, new ApiResponseDecoder(mapper)))
        .errorDecoder(ProviderErrorDecoder.withBodyMapper(PaypercutErrors.PROVIDER, mapper, redactor, b.clock(),
            PaypercutErrors::readError, (details, json) -> PaypercutErrors.map(details, json, redactor), null))
        .wireLogging(b.wireLogging())
        .retryRegistry(b.retryRegistry())
        .httpClient(b.httpClient())
        .proxy(b.proxy())
        .callObservers(b.callObservers(), b.monotonicTime())
        .build();
  }

  private PaypercutClient(PaypercutClient base, ClientRuntime runtime) {
    this.runtime = runtime;
    this.mode = base.mode;
  }

  /** {@return a builder; the secret key is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose calls follow {@code options} (a connected account as the scope, a call
   * timeout, extra headers); a call's own options win. It shares the pool, key and retry layer; cheap.
   * Options carrying an idempotency key are refused: a key belongs to one call.
   *
   * @param options the options every call of the view follows; not null, without an idempotency key
   * @return the view; closing it closes this client too
   */
  public PaypercutClient withOptions(RequestOptions options) {
    return new PaypercutClient(this, runtime.withOptions(options));
  }

  /**
   * A view acting as this connected account: {@code Paypercut-Account: <accountId>} on every call.
   *
   * @param accountId the connected account's id
   * @return the view; closing it closes this client too
   */
  public PaypercutClient forAccount(String accountId) {
    Calls.require(accountId, "accountId", "forAccount");
    return withOptions(RequestOptions.builder().scope(accountId).build());
  }

  /** Releases the connection pool; views made by {@link #withOptions} share it. */
  @Override
  public void close() {
    runtime.close();
  }

  /**
   * Test or live, as the secret key's prefix says.
   *
   * @return the mode of the client's secret key
   */
  public PaypercutMode mode() {
    return mode;
  }

  /** {@return whether this client acts in live mode (real money)} */
  public boolean isLivemode() {
    return mode == PaypercutMode.LIVE;
  }

  /** {@return checkout sessions} */
  public PaypercutCheckouts checkouts() {
    return new PaypercutCheckouts(runtime);
  }

  /** {@return payment intents: create, confirm, capture, cancel} */
  public PaypercutPaymentIntents paymentIntents() {
    return new PaypercutPaymentIntents(runtime);
  }

  /** {@return payments (charges): retrieve and list} */
  public PaypercutPayments payments() {
    return new PaypercutPayments(runtime);
  }

  /** {@return refunds of payments} */
  public PaypercutRefunds refunds() {
    return new PaypercutRefunds(runtime);
  }

  /** {@return customers} */
  public PaypercutCustomers customers() {
    return new PaypercutCustomers(runtime);
  }

  /** {@return payment methods: create, retrieve, detach} */
  public PaypercutPaymentMethods paymentMethods() {
    return new PaypercutPaymentMethods(runtime);
  }

  /**
   * Products, prices, setup intents and subscriptions.
   *
   * @return the billing calls
   */
  public PaypercutBilling billing() {
    return new PaypercutBilling(runtime);
  }

  /** {@return payment links} */
  public PaypercutPaymentLinks paymentLinks() {
    return new PaypercutPaymentLinks(runtime);
  }

  /**
   * Registering webhook endpoints; to verify deliveries, see {@link PaypercutWebhooks}.
   *
   * @return the webhook endpoint calls
   */
  public PaypercutWebhookEndpoints webhookEndpoints() {
    return new PaypercutWebhookEndpoints(runtime);
  }

  /** {@return events, as webhooks deliver them} */
  public PaypercutEvents events() {
    return new PaypercutEvents(runtime);
  }

  /** {@return the key's account and connected accounts} */
  public PaypercutAccounts accounts() {
    return new PaypercutAccounts(runtime);
  }

  /** {@return the domains on which wallets such as Apple Pay may be offered} */
  public PaypercutPaymentMethodDomains paymentMethodDomains() {
    return new PaypercutPaymentMethodDomains(runtime);
  }

  /**
   * A generated interface ({@code PaymentIntentApi}, ...) with the whole pipeline; pass null for the key.
   *
   * @param <T> the interface
   * @param type one of the generated interfaces of Paypercut
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
    return "PaypercutClient[" + runtime.baseUrl() + ", " + mode + "]";
  }

  /** Builder; not thread-safe. {@link #toString()} never shows the key. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String secretKey;
    private String baseUrl = LIVE_URL;
    private Supplier<UUID> uuids = UUID::randomUUID;

    private Builder() {}

    /**
     * Your secret key, {@code sk_test_…} or {@code sk_live_…} (checked when building).
     *
     * @param v the secret key; never logged or shown
     * @return this builder
     */
    public Builder secretKey(String v) { this.secretKey = v; return this; }
    /**
     * Default {@link #LIVE_URL}; point it at the sandbox in tests.
     *
     * @param v the base URL, not null
     * @return this builder
     */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }
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
     * @throws IllegalArgumentException when the secret key is missing or not a Paypercut secret key
     */
    public PaypercutClient build() {
      return new PaypercutClient(this);
    }

    @Override
    public String toString() {
      return "PaypercutClient.Builder[" + baseUrl + ", secretKey=" + (secretKey == null ? null : Redactor.MASK) + "]";
    }
  }
}
