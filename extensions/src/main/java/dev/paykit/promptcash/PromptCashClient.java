package dev.paykit.promptcash;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ClientBuilder;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.DerivedValues;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.SpecAuthentication;
import dev.paykit.core.internal.spec.ApiSpec;
import feign.Feign;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client for the Prompt.Cash REST API (Bitcoin Cash payments and a URL shortener). Build one per
 * account and share it: it is thread-safe and holds a connection pool.
 *
 * <pre>{@code
 * PromptCashClient client = PromptCashClient.builder()
 *     .publicToken("1-bOLAua5k")
 *     .secretToken(System.getenv("PROMPTCASH_SECRET"))
 *     .build();
 * CreatePaymentResponse created = client.payments().create(
 *     CreatePaymentRequest.builder("order-1001", new BigDecimal("25.00"), "USD").build());
 * }</pre>
 *
 * <p>The client sends the secret token as the {@code Authorization} header, fills the public
 * {@code token}, {@code time} and {@code signature} of {@code create-payment} itself (per attempt, from
 * the injected {@link Clock}), validates every request against the spec before sending, retries
 * transient failures of operations that are safe to repeat, and throws typed
 * {@link dev.paykit.core.PaykitException}s. The generated Feign interfaces
 * ({@code dev.paykit.promptcash.api}) are available through {@link #api(Class)} with the same behaviour.
 */
public final class PromptCashClient implements AutoCloseable {

  /** The live API. */
  public static final String LIVE_URL = "https://prompt.cash/api/v1";

  private final ClientRuntime runtime;
  private final PromptCashPayments payments;
  private final PromptCashShortUrls shortUrls;
  private final PromptCashCallbacks callbacks;
  private final SignatureScheme scheme;

  private PromptCashClient(Builder b) {
    String secret = requireText(b.secretToken, "secretToken");
    String publicToken = requireText(b.publicToken, "publicToken");
    ObjectMapper mapper = PaykitJson.shared();
    ApiSpec spec = ApiSpec.load(PromptCashResponses.PROVIDER);
    Redactor redactor = Redactor.of(List.of(secret), spec.sensitiveNames("Authorization", "signature"));
    Clock clock = b.clock();
    SignatureScheme signing = b.signatureScheme; // copied: reusing the builder must not change this client
    Supplier<String> time = () -> signing == SignatureScheme.NONE
        ? null : Long.toString(clock.instant().getEpochSecond());
    this.scheme = signing;
    this.runtime = ClientRuntime.builder(spec, mapper)
        .baseUrl(b.baseUrl)
        .clock(clock)
        .retryPolicy(b.retryPolicy())
        .httpOptions(b.httpOptions())
        .redactor(redactor)
        .authenticate(new SpecAuthentication(spec, Map.of("secretToken", () -> secret))
            .andThen(new DerivedValues("public-token", () -> publicToken)))
        .timestamp(new DerivedValues("timestamp", time))
        .sign(new PromptCashSigner(secret, signing))
        .decoder(new PromptCashResponses(mapper, redactor))
        .errorDecoder(new ProviderErrorDecoder(PromptCashResponses.PROVIDER, mapper, redactor, clock,
            PromptCashResponses::readError, null, null))
        .wireLogging(b.wireLogging())
        .retryRegistry(b.retryRegistry())
        .httpClient(b.httpClient())
        .proxy(b.proxy())
        .callObservers(b.callObservers(), b.monotonicTime())
        .build();
    this.payments = new PromptCashPayments(runtime);
    this.shortUrls = new PromptCashShortUrls(runtime);
    this.callbacks = new PromptCashCallbacks(secret, mapper);
  }

  private PromptCashClient(PromptCashClient base, ClientRuntime runtime) {
    this.runtime = runtime;
    this.scheme = base.scheme;
    this.callbacks = base.callbacks;
    this.payments = new PromptCashPayments(runtime);
    this.shortUrls = new PromptCashShortUrls(runtime);
  }

  /** {@return a builder; the public and secret tokens are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of this client whose calls follow {@code options} (e.g. a shorter call timeout). It shares
   * this client's connection pool, credentials and retry layer; building one is cheap.
   *
   * @param options the options every call of the view follows; not null
   * @return the view; closing it closes this client too
   */
  public PromptCashClient withOptions(RequestOptions options) {
    return new PromptCashClient(this, runtime.withOptions(options));
  }

  /**
   * Releases the connection pool. Views made by {@link #withOptions} share it, so they are closed too.
   * Calls after closing still work: they open new connections, which the pool keeps alive again, so
   * close the client once nothing uses it any more.
   */
  @Override
  public void close() {
    runtime.close();
  }

  /** {@return payments: create, get, list} */
  public PromptCashPayments payments() {
    return payments;
  }

  /** {@return the URL shortener and its paywalls} */
  public PromptCashShortUrls shortUrls() {
    return shortUrls;
  }

  /**
   * Verifies the callbacks Prompt.Cash sends to your {@code callback} URL.
   *
   * @return the verifier, holding your secret token
   */
  public PromptCashCallbacks callbacks() {
    return callbacks;
  }

  /**
   * A generated interface ({@code PaymentsApi}, {@code UrlShortenerApi}) with the whole pipeline. Pass
   * null for {@code token}, {@code time} and {@code signature}: the SDK fills them.
   *
   * @param <T> the interface
   * @param type one of the generated interfaces of Prompt.Cash
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
    return "PromptCashClient[" + runtime.baseUrl() + ", signatures=" + scheme + "]";
  }

  private static String requireText(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  /** Builder; not thread-safe. {@link #toString()} never shows the tokens. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String publicToken;
    private String secretToken;
    private String baseUrl = LIVE_URL;
    private SignatureScheme signatureScheme = SignatureScheme.QUERY_STRING;

    private Builder() {}

    /**
     * Your public account token (sent as the {@code token} field of create-payment).
     *
     * @param v the public token
     * @return this builder
     */
    public Builder publicToken(String v) { this.publicToken = v; return this; }
    /**
     * Your secret account token (the {@code Authorization} header and the signature key).
     *
     * @param v the secret token; never logged or shown
     * @return this builder
     */
    public Builder secretToken(String v) { this.secretToken = v; return this; }
    /**
     * Default {@link #LIVE_URL}; point it at the sandbox in tests.
     *
     * @param v the base URL, not null
     * @return this builder
     */
    public Builder baseUrl(String v) { this.baseUrl = Objects.requireNonNull(v); return this; }
    /**
     * Default {@link SignatureScheme#QUERY_STRING}; {@link SignatureScheme#NONE} turns signing off.
     *
     * @param v the scheme, not null
     * @return this builder
     */
    public Builder signatureScheme(SignatureScheme v) { this.signatureScheme = Objects.requireNonNull(v); return this; }

    /**
     * The client, with its own connection pool; close it when done.
     *
     * @return the client
     * @throws IllegalArgumentException when the public or secret token is missing or blank
     */
    public PromptCashClient build() {
      return new PromptCashClient(this);
    }

    @Override
    public String toString() {
      return "PromptCashClient.Builder[" + baseUrl + ", publicToken=" + (publicToken == null ? null : Redactor.MASK)
          + ", secretToken=" + (secretToken == null ? null : Redactor.MASK) + "]";
    }
  }
}
