package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Routing;
import dev.paykit.sandbox.Simulator;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mockserver.client.MockServerClient;

/**
 * A stateful simulator of PT API, Prepaid Technologies (contract: specs/ptapi/openapi.yaml; most of it inferred,
 * see the spec), mounted by {@link PaykitSandbox} under {@value #PATH_PREFIX}: the RPC-style operations
 * {@code POST /_ah/api/<service>endpoint/v1/<operation>} with JSON bodies.
 *
 * <p><b>Gateway.</b> Every request carries {@value #SUBSCRIPTION_KEY_HEADER}: {@value #PRIMARY_KEY} (until
 * {@link #revokePrimaryKey}) or {@value #SECONDARY_KEY}; none, another or a repeated header is Azure API
 * Management's 401 {@code {statusCode, message}}. An unknown path, or a method other than POST, is APIM's 404.
 *
 * <p><b>Sessions.</b> {@code login} with {@value #LOGIN_ID} / {@value #PASSWORD} (parent {@value #PARENT_ID})
 * or {@value #OTHER_LOGIN_ID} (parent {@value #OTHER_PARENT_ID}) answers {@code sessionId} and {@code customerId}
 * (the parent); wrong credentials 401002. Every other operation but resetPassword takes {@code sessionId} in its
 * body: missing 400003, never issued 401002, expired (after {@link #sessionLifetime}, default 20 minutes of the
 * simulator's clock, or {@link #expireSessions}) or logged out 401001. {@link #loginCount} counts logins.
 *
 * <p><b>Hierarchy.</b> Parent {@value #PARENT_ID} has {@value #BUSINESS_REWARDS} (master funds
 * {@code 10000.00}; programs {@value #PROGRAM_GIFT} gift, {@value #PROGRAM_REWARDS} rewards) and
 * {@value #BUSINESS_PAYROLL} ({@code 250.00}; {@value #PROGRAM_PAYROLL} payroll); {@value #OTHER_BUSINESS} belongs
 * to {@value #OTHER_PARENT_ID}. Another parent's business, card or cardholder is 403, an unknown one 404 (both
 * {@code {message, description}}: PT publishes no code for them).
 *
 * <p><b>Cards and cardholders</b> (seeded: the {@code CARD_*} and {@code CARDHOLDER_*} constants, and
 * {@link #INVENTORY_CARDS}, unregistered instant-issue cards of {@value #PROGRAM_GIFT}). Card statuses
 * {@link #CARD_STATUSES}; personalized digital cards start active, physical ones inactive, instant-issue ones
 * active and unregistered. Registration by {@code proxyKey} or {@code panNumber} (exactly one; 400003 otherwise)
 * makes a cardholder and answers an {@code orderId}; registerCards checks every entry before registering any.
 * Duplicating a card closes it and moves its balance to the new one.
 *
 * <p><b>Money</b> (USD, JSON numbers, whole cents, more than 0 and at most 100000.00, else 400003). A load takes
 * the amount from the card's business's master funds account; less there than the amount is
 * {@link #INSUFFICIENT_MASTER_FUNDS_CODE}. A card PT froze is 402002 (fraud) / 402003 (charged off); a cardholder
 * not active 402004 (loads); a card not active 400004; an unregistered card may not hold more than 1000.00
 * (400005, the US rule the wiki names); an unload above the card's balance 400005. {@code referenceId} is the
 * caller's, once per business (a repeat: 400004); getLoadHistory lists loads and unloads newest first.
 *
 * <p><b>Searches.</b> {@code q} is parsed for real ({@link #parseQuery}; 400001 when it does not parse or names
 * an unknown field), {@code limit} 1-100 (default 20) / {@code offset}, {@code sort_by=asc(f),desc(f)} (then by
 * id), property filters; any other query parameter is 400001. Answers carry {@code total}.
 *
 * <p><b>Caching.</b> The answers of the reads (getCustomerListByParent, getCustomerProgramList, searchCards,
 * searchCardholders, getCardholder, getLoadHistory) carry an {@code ETag} of their bytes; {@code If-None-Match}
 * naming it (or {@code *}) is a 304 without a body. logout and resetPassword answer 204 without a body.
 *
 * <p><b>Errors</b> are {@code {code, message, description}} with the wiki's codes and messages
 * ({@link #errorCodeField} names the code field {@code errorCode} instead, the other likely shape).
 *
 * <p><b>Faults</b>: {@link #failNext}, {@link #dropConnectionAfterProcessingNext},
 * {@link #dropConnectionBeforeProcessingNext} (the next requests, whatever they are, before anything else is
 * looked at) and {@link #dropConnectionAfterNextLoads} (the next loads or unloads that move money: moved, then
 * the answer cut halfway).
 *
 * <p>Thread-safe.
 */
public final class PtApiSimulator implements Simulator {
  /** Where this simulator is mounted: base URL {@code http://127.0.0.1:<port>/ptapi}. */
  public static final String PATH_PREFIX = "/ptapi";

  /** The gateway's header (Azure API Management's default; PT does not publish its name). */
  public static final String SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key";
  /** The sandbox's primary subscription key (see {@link #revokePrimaryKey}). Not a real credential. */
  public static final String PRIMARY_KEY = "ptapi-sandbox-primary-key-0001";
  /** The secondary subscription key; it still works after {@link #revokePrimaryKey}. */
  public static final String SECONDARY_KEY = "ptapi-sandbox-secondary-key-0002";

  /** The sandbox's PT user ({@code loginID}), of parent {@link #PARENT_ID}. Not a real credential. */
  public static final String LOGIN_ID = "admin@sandbox-group.example";
  /** The password of {@link #LOGIN_ID}. */
  public static final String PASSWORD = "sandbox-password-1";
  /** The parent (group) id of {@link #LOGIN_ID}, the {@code customerId} its login answers. */
  public static final String PARENT_ID = "100001";
  /** A user of another group, to see the hierarchy refused (403). Not a real credential. */
  public static final String OTHER_LOGIN_ID = "admin@other-group.example";
  /** The password of {@link #OTHER_LOGIN_ID}. */
  public static final String OTHER_PASSWORD = "other-password-1";
  /** The parent (group) id of {@link #OTHER_LOGIN_ID}. */
  public static final String OTHER_PARENT_ID = "100009";

  /** When the seeded cardholders were last modified (their {@code lastModified}). */
  public static final Instant SEEDED_AT = Instant.parse("2026-11-01T00:00:00Z");

  /** The default of {@link #sessionLifetime(Duration)}: 20 minutes from the login. */
  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofMinutes(20);

  /** A seeded business of {@link #PARENT_ID}, with the programs {@link #PROGRAM_GIFT} and {@link #PROGRAM_REWARDS}. */
  public static final String BUSINESS_REWARDS = "200001";
  /** The seeded master funds balance of {@link #BUSINESS_REWARDS}, in USD. */
  public static final BigDecimal MASTER_FUNDS_REWARDS = new BigDecimal("10000.00");
  /** The gift program of {@link #BUSINESS_REWARDS}; the {@link #INVENTORY_CARDS} belong to it. */
  public static final String PROGRAM_GIFT = "300001";
  /** The rewards program of {@link #BUSINESS_REWARDS}; the seeded cards of its cardholders belong to it. */
  public static final String PROGRAM_REWARDS = "300002";
  /** A seeded business of {@link #PARENT_ID}, with the program {@link #PROGRAM_PAYROLL}. */
  public static final String BUSINESS_PAYROLL = "200002";
  /** The seeded master funds balance of {@link #BUSINESS_PAYROLL}, in USD. */
  public static final BigDecimal MASTER_FUNDS_PAYROLL = new BigDecimal("250.00");
  /** The payroll program of {@link #BUSINESS_PAYROLL}. */
  public static final String PROGRAM_PAYROLL = "300003";
  /** A business of {@link #OTHER_PARENT_ID}: 403 for the sandbox user. */
  public static final String OTHER_BUSINESS = "200009";
  /** The gift program of {@link #OTHER_BUSINESS}. */
  public static final String OTHER_PROGRAM = "300009";

  /** Cardholder of {@value #BUSINESS_REWARDS}: Joe Smith, born 1999-05-10 (27 on 2026-11-21), card balance 50.00. */
  public static final String CARDHOLDER_JOE_SMITH = "400001";
  /** Cardholder of {@value #BUSINESS_REWARDS}: Joe Brown, born 2010-01-15 (16 on 2026-11-21), card balance 0.00. */
  public static final String CARDHOLDER_JOE_BROWN = "400002";
  /** Cardholder of {@value #BUSINESS_REWARDS}: Joanna Lee, born 1991-03-02 (35 on 2026-11-21), card balance 120.00. */
  public static final String CARDHOLDER_JOANNA_LEE = "400003";
  /** Cardholder of {@value #BUSINESS_REWARDS}: Maria Garcia, born 2000-07-07 (26 on 2026-11-21), inactive. */
  public static final String CARDHOLDER_INACTIVE = "400004";
  /** Cardholder of {@value #BUSINESS_REWARDS}: Sam Taylor, born 1985-09-30 (41 on 2026-11-21), card status {@code fraud}. */
  public static final String CARDHOLDER_FRAUD = "400005";
  /** Cardholder of {@value #BUSINESS_REWARDS}: Ann Lee, born 1978-02-11 (48 on 2026-11-21), card status {@code charged_off}. */
  public static final String CARDHOLDER_CHARGED_OFF = "400006";
  /** Cardholder of {@value #BUSINESS_REWARDS}: "Mary Ann" "O'Brien-Smith", born 1995-12-01 (30 on 2026-11-21). */
  public static final String CARDHOLDER_MARY_ANN = "400007";
  /** The seeded cardholder of {@value #BUSINESS_PAYROLL}: Lee Walker, 1990-06-20. */
  public static final String CARDHOLDER_PAYROLL = "400008";
  /** The card of {@link #CARDHOLDER_JOE_SMITH} (balance 50.00). */
  public static final String CARD_JOE_SMITH = "PK0000000001";
  /** The card of {@link #CARDHOLDER_JOE_BROWN} (balance 0.00). */
  public static final String CARD_JOE_BROWN = "PK0000000002";
  /** The card of {@link #CARDHOLDER_JOANNA_LEE} (balance 120.00). */
  public static final String CARD_JOANNA_LEE = "PK0000000003";
  /** The card of {@link #CARDHOLDER_INACTIVE}, whose cardholder is not active. */
  public static final String CARD_OF_INACTIVE_CARDHOLDER = "PK0000000004";
  /** The card of {@link #CARDHOLDER_FRAUD}, status {@code fraud}. */
  public static final String CARD_FRAUD = "PK0000000005";
  /** The card of {@link #CARDHOLDER_CHARGED_OFF}, status {@code charged_off}. */
  public static final String CARD_CHARGED_OFF = "PK0000000006";
  /** The card of {@link #CARDHOLDER_MARY_ANN}. */
  public static final String CARD_MARY_ANN = "PK0000000007";
  /** The card of {@link #CARDHOLDER_PAYROLL}. */
  public static final String CARD_PAYROLL = "PK0000000021";
  /** Unregistered instant-issue cards of {@value #PROGRAM_GIFT}, and their PANs (test numbers). */
  public static final List<String> INVENTORY_CARDS = List.of("PK0000000011", "PK0000000012", "PK0000000013");
  /** The PANs of the {@link #INVENTORY_CARDS}, in the same order (test numbers). */
  public static final List<String> INVENTORY_PANS = List.of("4000000000000011", "4000000000000012", "4000000000000013");

  /** The card statuses, as PT names them. */
  public static final List<String> CARD_STATUSES =
      List.of("active", "inactive", "suspended", "lost", "stolen", "fraud", "charged_off", "closed");

  /**
   * The code a load above the master funds balance is refused with: 400004 "failed precondition" (HTTP 400).
   * PT's table names no insufficient-funds code (it is cut off after 402004), and none of 402001-402004 means
   * it; the 402 family is for the account's state.
   */
  public static final int INSUFFICIENT_MASTER_FUNDS_CODE = 400004;

  /**
   * A load or unload as booked (a snapshot).
   *
   * @param transactionId PT's id of the transaction
   * @param referenceId the caller's {@code referenceId}
   * @param type {@code load} or {@code unload}
   * @param proxyKey the card's proxy key
   * @param customerId the card's business
   * @param amount the amount moved, in USD
   * @param cardBalance the card's balance after it
   * @param masterFundsBalance the business's master funds balance after it
   */
  public record Transaction(String transactionId, String referenceId, String type, String proxyKey, String customerId,
      BigDecimal amount, BigDecimal cardBalance, BigDecimal masterFundsBalance) {}

  private final String origin;
  private final FaultInjector faults = new FaultInjector(Errors.BODY);
  private final SecureRandom random = new SecureRandom();
  private volatile Clock clock = Clock.systemUTC();
  private volatile State state;
  private volatile Duration sessionLifetime = DEFAULT_SESSION_LIFETIME;
  private volatile boolean primaryKeyRevoked;
  private volatile String errorCodeField = "code";
  private int loadCuts;

  /**
   * A simulator whose base URL is {@code origin} followed by {@value #PATH_PREFIX}.
   *
   * @param origin scheme, host and port of the MockServer, e.g. {@code http://127.0.0.1:8080}
   */
  public PtApiSimulator(String origin) {
    this.origin = origin;
    this.state = Fixtures.seed();
  }

  /**
   * The canonical form of a {@code q} expression as this simulator parses it, e.g.
   * {@code firstName:joe AND age:[20 TO 30]} is {@code (and (eq firstName "joe") (range age ["20" "30"]))}: the
   * structure ({@code and}, {@code or}, {@code not}, {@code eq}, {@code like} with {@code *} / {@code ?} for
   * wildcards, {@code range} with {@code [ ]} inclusive / {@code { }} exclusive and {@code *} open bounds) and
   * every value as the string it stands for (escapes resolved), quoted with {@code \} and {@code "} escaped. For
   * tests that a client's escaping keeps values values.
   *
   * @param q the expression, not null
   * @return the canonical form
   * @throws IllegalArgumentException naming where the expression stops being one
   */
  public static String parseQuery(String q) {
    return Query.canonical(Query.parse(Objects.requireNonNull(q, "q")));
  }

  @Override
  public String name() {
    return "PT API";
  }

  @Override
  public String description() {
    return "sessions, businesses and programs, cards, cardholders, q search, master-funded loads";
  }

  @Override
  public String pathPrefix() {
    return PATH_PREFIX;
  }

  @Override
  public String baseUrl() {
    return origin + PATH_PREFIX;
  }

  @Override
  public void mount(MockServerClient mockServer) {
    Routing.mount(mockServer, PATH_PREFIX, new Router(this));
  }

  @Override
  public synchronized void reset() {
    faults.clear();
    clock = Clock.systemUTC();
    sessionLifetime = DEFAULT_SESSION_LIFETIME;
    primaryKeyRevoked = false;
    errorCodeField = "code";
    loadCuts = 0;
    state = Fixtures.seed();
  }

  @Override
  public List<String> bannerLines() {
    return List.of(
        Simulator.bannerLine("subscription key", PRIMARY_KEY + " (primary), " + SECONDARY_KEY + " (secondary), header "
            + SUBSCRIPTION_KEY_HEADER),
        Simulator.bannerLine("login", LOGIN_ID + " / " + PASSWORD + " (parent " + PARENT_ID + ")"),
        Simulator.bannerLine("businesses", BUSINESS_REWARDS + " (programs " + PROGRAM_GIFT + ", " + PROGRAM_REWARDS
            + "; master funds " + MASTER_FUNDS_REWARDS.toPlainString() + "), " + BUSINESS_PAYROLL + " ("
            + PROGRAM_PAYROLL + "; " + MASTER_FUNDS_PAYROLL.toPlainString() + ")"),
        Simulator.bannerLine("cards", CARD_JOE_SMITH + " (Joe Smith), inventory " + String.join(", ", INVENTORY_CARDS)));
  }

  // ---- test controls ----

  /**
   * Sets the clock sessions expire by and records are stamped with.
   *
   * @param clock the clock to use, not null
   * @return this simulator
   */
  public PtApiSimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** {@return the simulator's clock now} */
  public Instant now() {
    return clock.instant();
  }

  /**
   * How long a session lasts from its login (default 20 minutes).
   *
   * @param lifetime the lifetime, positive
   * @return this simulator
   * @throws IllegalArgumentException for a zero or negative lifetime
   */
  public PtApiSimulator sessionLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    this.sessionLifetime = lifetime;
    return this;
  }

  Duration sessionLifetime() {
    return sessionLifetime;
  }

  /**
   * Expires every session now (their next use is 401001).
   *
   * @return how many sessions were still open
   */
  public int expireSessions() {
    State s = state;
    synchronized (s) {
      int open = 0;
      for (State.Session session : s.sessions.values()) {
        if (!session.ended && now().isBefore(session.expiresAt)) {
          open++;
        }
        session.ended = true;
      }
      return open;
    }
  }

  /** {@return how many logins succeeded since the last reset} */
  public int loginCount() {
    State s = state;
    synchronized (s) {
      return s.logins;
    }
  }

  /** {@return the loginIDs resetPassword was asked for, in order} */
  public List<String> passwordResets() {
    State s = state;
    synchronized (s) {
      return List.copyOf(s.passwordResets);
    }
  }

  /** The primary subscription key is refused from now on (until reset); the secondary still works. */
  public void revokePrimaryKey() {
    primaryKeyRevoked = true;
  }

  boolean primaryKeyRevoked() {
    return primaryKeyRevoked;
  }

  /**
   * Names the code field of PT errors: {@code code} (default) or {@code errorCode}.
   *
   * @param name {@code code} or {@code errorCode}
   * @return this simulator
   * @throws IllegalArgumentException for any other name
   */
  public PtApiSimulator errorCodeField(String name) {
    if (!name.equals("code") && !name.equals("errorCode")) {
      throw new IllegalArgumentException("code or errorCode: " + name);
    }
    this.errorCodeField = name;
    return this;
  }

  /**
   * A business's master funds balance.
   *
   * @param customerId the business's id
   * @return the balance in USD, scale 2
   * @throws IllegalArgumentException for an unknown business
   */
  public BigDecimal masterFundsBalance(String customerId) {
    State s = state;
    synchronized (s) {
      return business(s, customerId).masterFunds;
    }
  }

  /**
   * Sets a business's master funds balance (at most 2 decimals, not negative).
   *
   * @param customerId the business's id
   * @param balance the new balance in USD
   * @throws IllegalArgumentException for an unknown business, or a negative balance or one with more than 2 decimals
   */
  public void masterFundsBalance(String customerId, BigDecimal balance) {
    if (balance.signum() < 0 || balance.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("a balance in whole cents, not negative: " + balance);
    }
    State s = state;
    synchronized (s) {
      business(s, customerId).masterFunds = balance.setScale(2);
    }
  }

  /**
   * A card's balance.
   *
   * @param proxyKey the card's proxy key
   * @return the balance in USD
   * @throws IllegalArgumentException for an unknown card
   */
  public BigDecimal cardBalance(String proxyKey) {
    State s = state;
    synchronized (s) {
      return card(s, proxyKey).balance;
    }
  }

  /**
   * A card's status.
   *
   * @param proxyKey the card's proxy key
   * @return one of {@link #CARD_STATUSES}
   * @throws IllegalArgumentException for an unknown card
   */
  public String cardStatus(String proxyKey) {
    State s = state;
    synchronized (s) {
      return card(s, proxyKey).status;
    }
  }

  /** {@return every load and unload booked since the last reset, in order (snapshots)} */
  public List<Transaction> transactions() {
    State s = state;
    synchronized (s) {
      return s.transactions.stream().map(t -> new Transaction(t.transactionId(), t.referenceId(), t.type(),
          t.proxyKey(), t.customerId(), t.amount(), t.cardBalance(), t.masterFundsBalance())).toList();
    }
  }

  /**
   * The next {@code n} requests answer {@code status} (400-599) without being processed.
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
    faults.failNext(n, status, Optional.of(retryAfter));
  }

  /**
   * The next {@code n} requests, whatever they are, are processed and their answer cut halfway.
   *
   * @param n how many requests are processed and then cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionAfterProcessingNext(int n) {
    faults.dropConnectionAfterProcessingNext(n);
  }

  /**
   * The next {@code n} requests are not processed; a 500 answer is cut halfway.
   *
   * @param n how many requests are cut unprocessed, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionBeforeProcessingNext(int n) {
    faults.dropConnectionBeforeProcessingNext(n);
  }

  /**
   * The next {@code n} loads or unloads that move money: moved, then their answer cut halfway.
   *
   * @param n how many loads or unloads are cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public synchronized void dropConnectionAfterNextLoads(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    loadCuts += n;
  }

  // ---- for the package ----

  FaultInjector faults() {
    return faults;
  }

  State state() {
    return state;
  }

  SecureRandom random() {
    return random;
  }

  synchronized boolean takeLoadCut() {
    if (loadCuts > 0) {
      loadCuts--;
      return true;
    }
    return false;
  }

  /** A PT error body with its code under {@link #errorCodeField}. */
  ObjectNode rename(ObjectNode body) {
    if (errorCodeField.equals("errorCode") && body.has("code")) {
      ObjectNode out = dev.paykit.sandbox.Json.object();
      body.fields().forEachRemaining(e -> out.set(e.getKey().equals("code") ? "errorCode" : e.getKey(), e.getValue()));
      return out;
    }
    return body;
  }

  private static State.Business business(State s, String customerId) {
    State.Business b = s.businesses.get(customerId);
    if (b == null) {
      throw new IllegalArgumentException("no business " + customerId);
    }
    return b;
  }

  private static State.Card card(State s, String proxyKey) {
    State.Card c = s.cards.get(proxyKey);
    if (c == null) {
      throw new IllegalArgumentException("no card " + proxyKey);
    }
    return c;
  }
}
