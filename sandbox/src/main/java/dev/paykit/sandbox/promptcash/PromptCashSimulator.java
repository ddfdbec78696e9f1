package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Routing;
import dev.paykit.sandbox.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mockserver.client.MockServerClient;
import org.mockserver.mock.action.ExpectationResponseCallback;

/**
 * A stateful simulator of the Prompt.Cash REST API (docs: https://prompt.cash/pub/docs/), mounted
 * by {@link PaykitSandbox} under {@value #PATH_PREFIX}: payments ({@code create-payment},
 * {@code get-payment/{tx_id}}, {@code get-payments}) and the URL shortener ({@code surl/*}), with
 * the provider's authentication, optional request signatures and injectable faults.
 *
 * <p>Every request must carry {@code Authorization: }{@value #SECRET_TOKEN}; {@code create-payment}
 * must name {@value #PUBLIC_TOKEN} in its {@code token} field. Both are sandbox-only values, never
 * real credentials. Amounts are {@link java.math.BigDecimal} throughout; non-BCH amounts convert at
 * a fixed 243.000 per BCH.
 *
 * <p>Thread-safe: requests arrive on MockServer's Netty threads while a test configures or
 * inspects the simulator from its own thread.
 */
public final class PromptCashSimulator implements Simulator {
  /** Sandbox public token, sent by clients as the {@code token} form field. Not a real credential. */
  public static final String PUBLIC_TOKEN = "1-sandboxPub";

  /** Sandbox secret token: the raw {@code Authorization} header and the signing key. Not a real credential. */
  public static final String SECRET_TOKEN = "sandbox-secret-token";

  /** Where this simulator is mounted; other providers get their own prefix. */
  public static final String PATH_PREFIX = "/promptcash/api/v1";

  /** The payment statuses {@link #setPaymentStatus} accepts: the docs' list. */
  public static final Set<String> STATUSES =
      Set.of("PENDING", "CONFIRMING", "PAID", "CANCELLED", "EXPIRED", "HOLD", "REFUNDED");

  /**
   * How {@code create-payment} signatures are computed when enforced. The sources disagree
   * (research-notes section 3.5); see each constant. Immutable, hence thread-safe.
   */
  public enum SignatureScheme {
    /**
     * Current docs: lowercase hex SHA-256 of {@code secret + "token=..&tx_id=..&..."} over the
     * parameters sent (signature excluded), in the docs' table order, values decoded.
     */
    QUERY_STRING,
    /**
     * Official 2021 integration examples: SHA-256 hex of {@code secret + token + tx_id + amount +
     * currency + desc + callback + return + time}, plain values, missing ones as "".
     */
    LEGACY_VALUES
  }

  private final String origin;
  private final Store store = new Store();
  private final FaultInjector faults = new FaultInjector(Errors.SHAPE);
  private volatile boolean enforceSignatures;
  private volatile SignatureScheme scheme = SignatureScheme.QUERY_STRING;
  private volatile Clock clock = Clock.systemUTC();

  /**
   * A simulator whose base URL is {@code origin} followed by {@value #PATH_PREFIX}, e.g.
   * {@code http://127.0.0.1:8080}. {@link PaykitSandbox} creates and mounts one; use this only to
   * mount it on a MockServer of your own ({@link #mount}).
   *
   * @param origin scheme, host and port of the MockServer, without a trailing slash
   */
  public PromptCashSimulator(String origin) {
    this.origin = origin;
  }

  /** Registers the callback for every path under the prefix (the prefix itself included). */
  @Override
  public void mount(MockServerClient mockServer) {
    ExpectationResponseCallback router = new Router(this);
    Routing.mount(mockServer, PATH_PREFIX, router);
  }

  @Override
  public String name() {
    return "Prompt.Cash";
  }

  @Override
  public String description() {
    return "payments (create, get, list) and the URL shortener";
  }

  /** {@value #PATH_PREFIX}. */
  @Override
  public String pathPrefix() {
    return PATH_PREFIX;
  }

  /** {@code http://127.0.0.1:<port>/promptcash/api/v1}: the client's base URL. */
  @Override
  public String baseUrl() {
    return origin + PATH_PREFIX;
  }

  /** The raw secret token for {@code Authorization} and the public token for {@code token}. */
  @Override
  public List<String> bannerLines() {
    return List.of(
        Simulator.bannerLine("Authorization", SECRET_TOKEN),
        Simulator.bannerLine("public token", PUBLIC_TOKEN));
  }

  /**
   * Whether {@code create-payment} requires {@code time} and a valid {@code signature}; default off.
   *
   * @param on true to require and check them
   * @return this simulator
   */
  public PromptCashSimulator enforceSignatures(boolean on) {
    this.enforceSignatures = on;
    return this;
  }

  /**
   * The signature algorithm checked when enforced; default {@link SignatureScheme#QUERY_STRING}.
   *
   * @param s the scheme, not null
   * @return this simulator
   */
  public PromptCashSimulator signatureScheme(SignatureScheme s) {
    this.scheme = Objects.requireNonNull(s, "scheme");
    return this;
  }

  /**
   * The clock for {@code created_at} and {@code paid}; its zone gives their offset.
   *
   * @param clock the clock to use, not null
   * @return this simulator
   */
  public PromptCashSimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The next {@code n} requests under the prefix are answered with {@code status} (400-599) and
   * {@code {"error": "..."}} without being authenticated or processed: no state changes.
   *
   * @param n how many requests fail, not negative
   * @param status the HTTP status to answer with, 400-599
   * @throws IllegalArgumentException for a negative {@code n} or a status outside 400-599
   */
  public void failNext(int n, int status) {
    faults.failNext(n, status, Optional.empty());
  }

  /**
   * As {@link #failNext(int, int)}, with {@code Retry-After} in seconds (rounded up).
   *
   * @param n how many requests fail, not negative
   * @param status the HTTP status to answer with, 400-599
   * @param retryAfter the {@code Retry-After} delay, not null or negative
   * @throws IllegalArgumentException for a negative {@code n} or delay, or a status outside 400-599
   */
  public void failNext(int n, int status, Duration retryAfter) {
    faults.failNext(n, status, Optional.of(Objects.requireNonNull(retryAfter, "retryAfter")));
  }

  /**
   * The next {@code n} requests are processed in full (state changes), then the connection is cut
   * while the response is being sent: the headers announce the whole body, half of it is written,
   * the socket closes. The JDK HttpClient throws {@code IOException} ("fixed content-length: N,
   * bytes received: M"); Feign over OkHttp throws a {@code FeignException} caused by
   * {@code ProtocolException: unexpected end of stream}. Faults queue in call order with
   * {@link #failNext}. Details in {@code FaultInjector#cutMidResponse}.
   *
   * @param n how many requests are processed and then cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionAfterProcessingNext(int n) {
    faults.dropConnectionAfterProcessingNext(n);
  }

  /** {@return how many payments are stored (a repeated tx_id counts once)} */
  public int paymentCount() {
    return store.paymentCount();
  }

  /**
   * The stored payment as the API renders it (a copy: changing it changes nothing here).
   *
   * @param txId the payment's {@code tx_id}
   * @return the payment, or empty when none has that tx_id
   */
  public Optional<JsonNode> payment(String txId) {
    return store.payment(txId).map(Payment::toJson);
  }

  /**
   * Moves a payment to {@code status} (one of {@link #STATUSES}), as a customer paying or an
   * expiry would. PAID also sets {@code paid} to the clock's time, {@code paid_amount_crypto} to the
   * full amount and {@code remaining_amount_crypto} to 0; other statuses change the status only.
   *
   * @param txId the payment's {@code tx_id}
   * @param status the new status, one of {@link #STATUSES}
   * @throws IllegalArgumentException for an unknown status or tx_id
   */
  public void setPaymentStatus(String txId, String status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status '" + status + "', expected one of " + STATUSES);
    }
    OffsetDateTime now = now();
    if (!store.updatePayment(txId, payment -> payment.withStatus(status, now))) {
      throw new IllegalArgumentException("no payment with tx_id '" + txId + "'");
    }
  }

  /** {@return how many short URLs are stored (deleted ones not counted)} */
  public int shortUrlCount() {
    return store.shortUrlCount();
  }

  /** Back to a fresh simulator: no state, no queued faults, default settings. */
  @Override
  public void reset() {
    faults.clear();
    store.clear();
    enforceSignatures = false;
    scheme = SignatureScheme.QUERY_STRING;
    clock = Clock.systemUTC();
  }

  String origin() {
    return origin;
  }

  Store store() {
    return store;
  }

  FaultInjector faults() {
    return faults;
  }

  boolean signaturesEnforced() {
    return enforceSignatures;
  }

  SignatureScheme scheme() {
    return scheme;
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
