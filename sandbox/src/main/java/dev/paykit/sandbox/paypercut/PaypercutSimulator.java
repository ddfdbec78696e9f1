package dev.paykit.sandbox.paypercut;

import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.IdempotencyStore;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Routing;
import dev.paykit.sandbox.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mockserver.client.MockServerClient;

/**
 * A stateful simulator of the Paypercut API (contract: specs/paypercut/openapi.yaml; conventions:
 * https://docs.paypercut.io/api-reference), mounted by {@link PaykitSandbox} under
 * {@value #PATH_PREFIX}: accounts and connected accounts with external bank accounts, customers,
 * payment methods and test cards, payment intents through their statuses, Payments, refunds,
 * checkout sessions, setup intents, subscriptions, products, prices, payment links, wallet domains,
 * events and signed webhook deliveries. Where Paypercut documents nothing, the sandbox's own
 * conventions below apply (also tabled in sandbox/README.md).
 *
 * <p><b>Authentication.</b> {@code Authorization: Bearer }{@value #TEST_KEY}. Without the header:
 * 401 {@code authentication_required}; an {@code sk_live_} key: 401
 * {@code livemode_key_in_test_sandbox} (the sandbox is test mode only); any other key, other
 * {@code sk_test_} keys included: 401 {@code authentication_invalid}; all with
 * {@code type: invalid_request_error}. Every object answers {@code livemode: false}.
 *
 * <p><b>Accounts.</b> The platform {@value #PLATFORM_ACCOUNT} (fixture) makes connected accounts
 * ({@code POST /v1/accounts}; from a connected account: 403 {@code permission_denied}).
 * {@value #ACCOUNT_HEADER} (or {@value #ACCOUNT_HEADER_ALIAS}; both with different values: 400)
 * scopes every read and write: an object belongs to the account it was made under and is a 404
 * {@code resource_missing} for every other account; an unknown account id is a 403
 * {@code account_invalid}; no header means the platform. Idempotency keys, events and webhook
 * endpoints are per account too. External accounts: IBAN checked (ISO 13616 check digits) and
 * answered masked ({@code account_number: "**** 1234"}, {@code last4}).
 *
 * <p><b>Errors.</b> Paypercut's unwrapped error object, always with {@code type}, {@code message}
 * and {@code trace_id} ({@code trc_} and a sequence number). Bad input: 400
 * {@code invalid_request_error}, {@code code} {@code parameter_missing}, {@code parameter_invalid}
 * (types, enums, maxLengths, patterns, {@code amount} 1 to 99,999,999,999) or
 * {@code parameter_unknown} (a field the spec does not have), {@code param} naming the field
 * ({@code confirmation_token.token_id}, {@code items[0].price}); a body field naming an object the
 * account does not have: 400 {@code resource_missing} with that {@code param}; a path id: 404
 * {@code resource_missing}, {@code param: id}; an unknown path or method: 404. Card errors are HTTP
 * <b>400</b> (Paypercut documents 400, 401, 403, 404, 409, 422, 429, 500 and no 402) with
 * {@code type: card_error}, {@code code: card_declined} and the card's {@code decline_code},
 * {@code advice_code}, {@code network_decline_code}, {@code network_advice_code}. Every success is a
 * 200.
 *
 * <p><b>Test cards</b> (payment method ids present in every account): {@value #CARD_VISA} and
 * {@value #CARD_MASTERCARD} pay; {@value #CARD_DECLINED} declines {@code generic_decline} /
 * {@code try_again_later} / network 05; {@value #CARD_INSUFFICIENT_FUNDS} {@code insufficient_funds}
 * / {@code try_again_later} / 51; {@value #CARD_DO_NOT_TRY_AGAIN} {@code do_not_honor} /
 * {@code do_not_try_again} / 05; {@value #CARD_EXPIRED} {@code expired_card} /
 * {@code confirm_card_data} / 54 (network advice 02, 02, 03, 01). {@code POST /v1/payment_methods}
 * with {@code confirmation_token.token_id} {@code tok_card_declined} (the card id with {@code tok_}
 * for {@code pm_}) makes a payment method that behaves as that card; any other token makes a Visa
 * 4242.
 *
 * <p><b>Payment intents, Payments, refunds:</b> see {@link IntentsApi}. Payment {@code status}
 * keeps to the spec's enum: {@code pending} while authorized, {@code succeeded} once captured,
 * {@code failed} when declined or when the authorization was canceled; {@code latest_status} says
 * {@code declined}, {@code authorized}, {@code captured}, {@code canceled},
 * {@code partially_refunded}, {@code refunded}. Refunds never exceed captured minus refunded (400
 * {@code amount_too_large}, {@code param: amount}); nothing captured: 400
 * {@code payment_unexpected_state}; nothing left: 400 {@code charge_already_refunded}. Currencies
 * answer {@code {iso: "eur", scale: 2}} (lower case; the scale from
 * {@link java.util.Currency#getDefaultFractionDigits()}).
 *
 * <p><b>Idempotency</b>, keyed by (account, key), on POSTs only (GET, PUT and DELETE ignore keys; a
 * POST without a key simply acts): the same key with the same method, path, query and body (parsed:
 * spacing and property order do not matter) replays the first answer byte for byte with
 * {@code Idempotent-Replayed: true}; another body or path: 400 {@code idempotency_error}
 * {@code idempotency_key_reused}; a key whose request is still executing, or one hit by
 * {@link #keyInUseNext}: 409 {@code idempotency_error} {@code idempotency_key_in_use}, nothing done.
 * Saved as Stripe does: successes, card errors, state errors and 5xx; not saved: refusals before
 * execution (bad or unknown parameters, missing references, 401, 403, 404, 429, idempotency errors).
 * A key of more than 255 characters or outside {@code [a-zA-Z0-9:_\-.]}: 400,
 * {@code param: Idempotency-Key}. Keys never expire.
 *
 * <p><b>Lists:</b> most recent first, {@code limit} 1 to {@value #MAX_PAGE_SIZE} (default
 * {@value #DEFAULT_PAGE_SIZE}, else 400), {@code last_key} an opaque cursor (Base64 of
 * {@code {"lastId","lastCreatedAt"}} as in the docs' example), null on the last page, 400
 * {@code param: last_key} when it does not decode ({@link Lists}). Webhook endpoints and domains are
 * unpaged {@code {items}}.
 *
 * <p><b>Webhooks</b> ({@link Deliveries}): each event goes to every endpoint of its account whose
 * {@code enabled_events} has its type, as a POST of the exact event JSON signed
 * {@code Paypercut-Signature: t=<unix>,v1=hex(HMAC-SHA256(secret, t + "." + body))} with the
 * simulator's clock; loopback URLs only (others are recorded as refused); asynchronous, retried on
 * failure after {@code 1 s, 2 s, 4 s, 8 s} of the simulator's clock ({@link #retryBackoff}), at
 * most {@value #MAX_DELIVERY_ATTEMPTS} attempts, each with a {@link #deliveryTimeout} of 2 s. Events:
 * {@code payment_intent.authorized} and {@code payment_intent.captured} (see {@link IntentsApi}),
 * {@code checkout_session.completed} ({@link #completeCheckout}),
 * {@code account.external_account.created}.
 *
 * <p>Thread-safe: requests arrive on MockServer's Netty threads and deliveries run on their own
 * thread while a test configures or inspects the simulator from its own.
 */
public final class PaypercutSimulator implements Simulator {
  /** Where this simulator is mounted: base URL {@code http://127.0.0.1:<port>/paypercut}. */
  public static final String PATH_PREFIX = "/paypercut";

  /** The sandbox's secret key, sent as {@code Authorization: Bearer sk_test_paykit_sandbox}. Not a real credential. */
  public static final String TEST_KEY = "sk_test_paykit_sandbox";

  /** The platform account (fixture): what a request acts for without {@value #ACCOUNT_HEADER}. */
  public static final String PLATFORM_ACCOUNT = "acct_paykit_platform";

  /** The header naming the account a request acts for (connected accounts); none means the platform. */
  public static final String ACCOUNT_HEADER = "Paypercut-Account";
  /** An alternative name of {@link #ACCOUNT_HEADER}; both with different values answer 400. */
  public static final String ACCOUNT_HEADER_ALIAS = "X-Paypercut-Account";
  /** The idempotency header of POSTs, keyed per account. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  /** The webhook signature header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}. */
  public static final String SIGNATURE_HEADER = "Paypercut-Signature";
  /** The header carrying a webhook delivery attempt's delivery id. */
  public static final String DELIVERY_ID_HEADER = "Paypercut-Delivery-Id";
  /** The header carrying the delivered event's id. */
  public static final String EVENT_ID_HEADER = "Paypercut-Event-Id";

  /** A test card (payment method id) that pays. */
  public static final String CARD_VISA = "pm_card_visa";
  /** A test card (payment method id) that pays. */
  public static final String CARD_MASTERCARD = "pm_card_mastercard";
  /** A test card that declines: {@code generic_decline}, {@code try_again_later}, network 05. */
  public static final String CARD_DECLINED = "pm_card_declined";
  /** A test card that declines: {@code insufficient_funds}, {@code try_again_later}, network 51. */
  public static final String CARD_INSUFFICIENT_FUNDS = "pm_card_insufficient_funds";
  /** A test card that declines: {@code do_not_honor}, {@code do_not_try_again}, network 05. */
  public static final String CARD_DO_NOT_TRY_AGAIN = "pm_card_do_not_try_again";
  /** A test card that declines: {@code expired_card}, {@code confirm_card_data}, network 54. */
  public static final String CARD_EXPIRED = "pm_card_expired";

  /** The page size of a list without {@code limit}. */
  public static final int DEFAULT_PAGE_SIZE = 10;
  /** The largest {@code limit} a list accepts (else 400). */
  public static final int MAX_PAGE_SIZE = 100;

  /** Attempts per event and endpoint, the first included. */
  public static final int MAX_DELIVERY_ATTEMPTS = Deliveries.MAX_ATTEMPTS;
  /** The default of {@link #retryBackoff(Duration)}: 1 s before the first retry. */
  public static final Duration DEFAULT_RETRY_BACKOFF = Deliveries.DEFAULT_BACKOFF;
  /** The default of {@link #deliveryTimeout(Duration)}: 2 s. */
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Deliveries.DEFAULT_TIMEOUT;

  private final String origin;
  private volatile Clock clock = Clock.systemUTC();
  private final Deliveries deliveries = new Deliveries(this::now);
  private final Store store = new Store(deliveries::dispatch);
  private final IdempotencyStore idempotency = new IdempotencyStore();
  private final FaultInjector faults =
      new FaultInjector((status, message) -> Errors.SHAPE.render(status, message).put("trace_id", nextTraceId()));
  private final AtomicInteger keyInUse = new AtomicInteger();
  private final AtomicLong traces = new AtomicLong();
  private Router router;

  /**
   * A simulator whose base URL is {@code origin} followed by {@value #PATH_PREFIX}, e.g.
   * {@code http://127.0.0.1:8080}. {@link PaykitSandbox} creates and mounts one; use this only to
   * mount it on a MockServer of your own ({@link #mount}).
   *
   * @param origin scheme, host and port of the MockServer, without a trailing slash
   */
  public PaypercutSimulator(String origin) {
    this.origin = origin;
  }

  /** Registers the callback for every path under the prefix (the prefix itself included). */
  @Override
  public synchronized void mount(MockServerClient mockServer) {
    Routing.mount(mockServer, PATH_PREFIX, router());
  }

  synchronized Router router() {
    if (router == null) {
      router = new Router(this);
    }
    return router;
  }

  @Override
  public String name() {
    return "Paypercut";
  }

  @Override
  public String description() {
    return "payment intents, payments, refunds, connected accounts and signed webhooks";
  }

  /** {@value #PATH_PREFIX}. */
  @Override
  public String pathPrefix() {
    return PATH_PREFIX;
  }

  /** {@code http://127.0.0.1:<port>/paypercut}: the client's base URL. */
  @Override
  public String baseUrl() {
    return origin + PATH_PREFIX;
  }

  /** The key, the platform account, the test cards and where webhooks go. */
  @Override
  public List<String> bannerLines() {
    return List.of(
        Simulator.bannerLine("Authorization", "Bearer " + TEST_KEY),
        Simulator.bannerLine("platform account", PLATFORM_ACCOUNT + " (" + ACCOUNT_HEADER
            + " for connected ones)"),
        Simulator.bannerLine("cards that pay", CARD_VISA + ", " + CARD_MASTERCARD),
        Simulator.bannerLine("cards that decline", CARD_DECLINED + ", " + CARD_INSUFFICIENT_FUNDS + ", "
            + CARD_DO_NOT_TRY_AGAIN + ", " + CARD_EXPIRED),
        Simulator.bannerLine("webhooks", "POSTed to loopback URLs only, signed " + SIGNATURE_HEADER));
  }

  // ---- time ----

  /**
   * The clock for {@code created} times, signatures' {@code t=} and when retries fall due; UTC.
   *
   * @param clock the clock to use, not null
   * @return this simulator
   */
  public PaypercutSimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    deliveries.kick();
    return this;
  }

  /**
   * Moves the clock on by {@code duration} (retries that fall due are then made, see {@link #flushDeliveries}).
   *
   * @param duration how far to move, not null or negative
   * @return this simulator
   * @throws IllegalArgumentException for a negative duration
   */
  public PaypercutSimulator advanceClock(Duration duration) {
    if (Objects.requireNonNull(duration, "duration").isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + duration);
    }
    return clock(Clock.offset(clock, duration));
  }

  /** {@return the simulator's clock now} */
  public Instant now() {
    return clock.instant();
  }

  // ---- faults ----

  /**
   * The next {@code n} POSTs that carry an {@value #IDEMPOTENCY_HEADER} (of the right form, after
   * authentication) answer 409 {@code idempotency_key_in_use} without acting or touching the key,
   * as if a request with the key were still executing.
   *
   * @param n how many such POSTs answer 409, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void keyInUseNext(int n) {
    requireCount(n);
    keyInUse.addAndGet(n);
  }

  /**
   * The next {@code n} requests answer 429 {@code {type: invalid_request_error, code: rate_limited}}
   * without being authenticated or processed; with {@code Retry-After} in seconds (rounded up) only
   * when {@code retryAfter} is not null (Paypercut documents no such header). Queued with the other
   * faults, in call order.
   *
   * @param n how many requests answer 429, not negative
   * @param retryAfter the {@code Retry-After} delay, or null for no header
   * @throws IllegalArgumentException for a negative {@code n} or delay
   */
  public void rateLimitNext(int n, Duration retryAfter) {
    faults.failNext(n, 429, Optional.ofNullable(retryAfter));
  }

  /**
   * The next {@code n} requests answer {@code status} (400-599) with Paypercut's error body
   * ({@code api_error} for 5xx) without being authenticated or processed: no state changes,
   * nothing saved under their idempotency key.
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
   * The next {@code n} requests are not processed, and their 500 answer is cut halfway through the
   * body: the client cannot tell what happened, and nothing did.
   *
   * @param n how many requests are cut unprocessed, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionBeforeProcessingNext(int n) {
    faults.dropConnectionBeforeProcessingNext(n);
  }

  /**
   * The next {@code n} requests are processed in full (state changes, the answer is saved under its
   * idempotency key), then the connection is cut halfway through the body.
   *
   * @param n how many requests are processed and then cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionAfterProcessingNext(int n) {
    faults.dropConnectionAfterProcessingNext(n);
  }

  // ---- webhooks ----

  /** {@return every delivery attempt so far, in the order made (refused ones included)} */
  public List<Delivery> deliveries() {
    return deliveries.records();
  }

  /** {@return how many attempts are not made yet: due now, or retries due later by the simulator's clock} */
  public int pendingDeliveries() {
    return deliveries.pendingCount();
  }

  /**
   * Makes every delivery attempt that is due by the simulator's clock (first attempts, and retries
   * whose time has come) and returns when they are done, so that {@link #deliveries()} is complete.
   *
   * @throws IllegalStateException when that takes more than 30 s
   */
  public void flushDeliveries() {
    if (!awaitDeliveries(Duration.ofSeconds(30))) {
      throw new IllegalStateException("webhook deliveries did not finish within 30 s");
    }
  }

  /**
   * As {@link #flushDeliveries()}, waiting at most {@code max}.
   *
   * @param max the longest wait, not null
   * @return true when every due attempt was made, false when time ran out
   */
  public boolean awaitDeliveries(Duration max) {
    return deliveries.await(Objects.requireNonNull(max, "max"));
  }

  /**
   * How long an endpoint has to answer an attempt; default {@link #DEFAULT_DELIVERY_TIMEOUT}.
   *
   * @param timeout the timeout, positive
   * @return this simulator
   * @throws IllegalArgumentException for a zero or negative timeout
   */
  public PaypercutSimulator deliveryTimeout(Duration timeout) {
    if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    deliveries.timeout(timeout);
    return this;
  }

  /**
   * The wait before the first retry, doubled for each later one; default {@link #DEFAULT_RETRY_BACKOFF}.
   *
   * @param backoff the first wait, not negative
   * @return this simulator
   * @throws IllegalArgumentException for a negative backoff
   */
  public PaypercutSimulator retryBackoff(Duration backoff) {
    if (Objects.requireNonNull(backoff, "backoff").isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative: " + backoff);
    }
    deliveries.backoff(backoff);
    return this;
  }

  // ---- checkout ----

  /**
   * Completes an open checkout session (of any account) as if its customer paid with
   * {@value #CARD_VISA}: see {@link CatalogApi#complete}. Returns the payment intent's id (mode
   * {@code payment}), or null.
   *
   * @param checkoutId the checkout session's id
   * @return the payment intent's id, or null when the session's mode is not {@code payment}
   * @throws IllegalArgumentException for an unknown session
   * @throws IllegalStateException for a session that is not open
   */
  public String completeCheckout(String checkoutId) {
    Instant now = Render.second(now());
    return store.apply(s -> CatalogApi.complete(s, checkoutId, now));
  }

  // ---- inspection ----

  /** {@return every Payment booked, in order, whatever its outcome (snapshots)} */
  public List<Payment> payments() {
    return store.apply(State::payments);
  }

  /** {@return every payment intent, in order of creation (snapshots)} */
  public List<PaymentIntent> paymentIntents() {
    return store.apply(State::paymentIntents);
  }

  /**
   * How many requests carried this {@value #IDEMPOTENCY_HEADER} (in any account), replays and
   * injected faults included. Requests themselves are recorded by MockServer
   * ({@code sandbox.mockServer().retrieveRecordedRequests(...)}).
   *
   * @param idempotencyKey the key's value
   * @return the number of requests, 0 for a key never seen
   */
  public int requestsWithKey(String idempotencyKey) {
    return idempotency.requests(idempotencyKey);
  }

  /**
   * Back to the fixtures (the platform account, the test cards): no other object, no saved keys,
   * no queued faults or keys in use, no deliveries pending or recorded, default settings, the
   * system clock, sequences (ids, trace ids) restarted.
   */
  @Override
  public void reset() {
    faults.clear();
    idempotency.clear();
    keyInUse.set(0);
    store.reset();
    deliveries.reset();
    traces.set(0);
    clock = Clock.systemUTC();
  }

  private static void requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
  }

  // ---- for the package ----

  /** Takes one queued {@link #keyInUseNext} if there is one. */
  boolean takeKeyInUse() {
    return keyInUse.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  String nextTraceId() {
    return String.format("trc_%012d", traces.incrementAndGet());
  }

  Store store() {
    return store;
  }

  Deliveries outbox() {
    return deliveries;
  }

  IdempotencyStore idempotency() {
    return idempotency;
  }

  FaultInjector faults() {
    return faults;
  }
}
