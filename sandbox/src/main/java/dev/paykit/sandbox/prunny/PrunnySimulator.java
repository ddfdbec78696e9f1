package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.IdempotencyStore;
import dev.paykit.sandbox.Paging;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Routing;
import dev.paykit.sandbox.Simulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mockserver.client.MockServerClient;

/**
 * A stateful simulator of the Prunny Platform API (Nigerian Open Banking; contract:
 * specs/prunny/openapi.yaml, conventions: Prunny's platform docs), mounted by {@link PaykitSandbox}
 * under {@value #PATH_PREFIX}: accounts, balances, account types, account opening, customers,
 * statements, name enquiry, intra- and inter-bank transfers (single and bulk) with OTP completion and
 * status query, amount holds, and direct-debit mandates, over the seeded data of
 * {@link Fixtures}.
 *
 * <p><b>Every request</b> needs {@code Authorization: Bearer }{@value #API_KEY} (else 401) and
 * {@value #TIMESTAMP_HEADER}, an ISO-8601 date-time with seconds, at most millisecond precision and a
 * zone, e.g. {@code 2026-11-21T10:00:00.123Z}, within {@link #TIMESTAMP_TOLERANCE} of the
 * simulator's {@link #clock(Clock) clock} either way (else 400). Every transaction POST (and the
 * mandate PUT) needs an {@value #IDEMPOTENCY_HEADER} (else 400); name enquiry needs none.
 *
 * <p><b>Outcomes.</b> Following OBN (research notes §4.2–4.3: OBN declares only 200 responses and
 * carries the ISO-8583 code in {@code status}), one rule holds throughout:
 * <ul>
 *   <li>a request the API executed answers <b>HTTP 200</b> with the envelope {@code {status,
 *       message, data, expansionFields}} whose {@code status} is the response code: 00 done, 09 OTP
 *       required, and every business failure (07, 12, 16, 21, 51, 61, 69, 70, 94, 98, 99, 100 ...);
 *       a failed transaction's {@code data} adds {@code errorCode}, {@code errorMessage} and
 *       {@code error};
 *   <li>a request the API refused to execute answers an <b>HTTP error</b> with Prunny's error body
 *       {@code {message, status: <HTTP status>, errorCode}}: 400 invalid request, timestamp, paging
 *       signature or missing key (errorCode 30, or 63 for a stale or future timestamp), 401 (63), 404
 *       unknown path (18) or a GET of a record that does not exist (07 account, 12 transaction, 25
 *       other records), 405 (18), 409 idempotency conflict (26), and 5xx (96).
 * </ul>
 *
 * <p><b>Idempotency</b> (Prunny docs): the first answer under a key, whatever its status (a 500
 * included), is saved and replayed byte for byte, with header {@code Idempotent-Replayed: true}; the
 * key with a different method, path or body is a <b>409</b>; a 400 is not saved; keys never expire.
 * A referenceId already used by an earlier transfer (whatever its outcome) under a new key answers 94.
 *
 * <p><b>Transfers</b> check, in order: referenceId (94), source account (99), destination bank (16),
 * destination account (100), currency NGN (12), {@link #transferLimit} (61), available balance (51).
 * From {@link #otpThreshold} up they are not executed but answer 09 with {@code data.authDetails}
 * ({@code [{type: "OTP", label, message}]}), {@code validTill} and {@code expiryMinutes}
 * ({@value #OTP_EXPIRY_MINUTES}); {@code POST /v1/transactions/complete} with the transactionRef
 * and {@code "authDetails": [{"type": "OTP", "value": "123456"}]} ({@link #SANDBOX_OTP}) executes
 * them (00); a wrong OTP answers 21 and leaves the transfer waiting, the {@value #OTP_ATTEMPTS}th
 * wrong one or a late one fails it (12); an unknown transactionRef answers 12. Every transfer,
 * whatever its outcome, gets a transactionRef that {@code GET /v1/transactions/confirmation/{ref}}
 * reports on ({@code data.statusCode}). Mandates are {@code valid} as soon as they are created.
 *
 * <p><b>Paging</b> (accounts, account types, customers by BVN, statement): {@code page} from 1,
 * {@code limit} 1 to {@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}; items in
 * {@code responseData}, {@code _meta} and absolute {@code _links} (self; prev except on page 1; next
 * except on the last page). Every link carries {@code signature}, the lowercase hex SHA-256 of the
 * operationId, the filter values and the limit joined by {@code |} (e.g.
 * {@code getStatement|1000000017|||10}: account, from, to, limit); page 2 onwards without it, or any
 * request with a wrong one, is a 400.
 *
 * <p>Thread-safe: requests arrive on MockServer's Netty threads while a test configures or inspects
 * the simulator from its own thread.
 */
public final class PrunnySimulator implements Simulator {
  /** Where this simulator is mounted: base URL {@code http://127.0.0.1:<port>/prunny}. */
  public static final String PATH_PREFIX = "/prunny";

  /** Sandbox API key, sent as {@code Authorization: Bearer prunny-sandbox-key}. Not a real credential. */
  public static final String API_KEY = "prunny-sandbox-key";

  /** The request timestamp header (the spec's inferred name). */
  public static final String TIMESTAMP_HEADER = "X-Request-Timestamp";

  /** The idempotency header every transaction POST (and the mandate PUT) must carry. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** How far a request timestamp may be from the simulator's clock (Prunny: 5 minutes). */
  public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

  /** Prunny's own bank code: no bank code, or this one, means an account at Prunny. */
  public static final String BANK_CODE = "999";

  /** The bank name of {@link #BANK_CODE}, as the bank list and name enquiry report it. */
  public static final String BANK_NAME = "Prunny";

  /** The one OTP that completes a transfer. */
  public static final String SANDBOX_OTP = "123456";

  /** Minutes an OTP request stays valid (its {@code expiryMinutes}). */
  public static final int OTP_EXPIRY_MINUTES = 5;

  /** Wrong OTPs that fail the transfer. */
  public static final int OTP_ATTEMPTS = 3;

  /** The default {@link #otpThreshold(BigDecimal) OTP threshold}, in naira. */
  public static final BigDecimal DEFAULT_OTP_THRESHOLD = new BigDecimal("100000.00");

  /** The default {@link #transferLimit(BigDecimal) transfer limit}, in naira. */
  public static final BigDecimal DEFAULT_TRANSFER_LIMIT = new BigDecimal("5000000.00");

  /** The default of {@link #pollsUntilSettled(int)}. */
  public static final int DEFAULT_POLLS_UNTIL_SETTLED = 2;

  /** The page size of a list without {@code limit}. */
  public static final int DEFAULT_PAGE_SIZE = 10;

  /** The largest {@code limit} a list accepts (else 400). */
  public static final int MAX_PAGE_SIZE = 100;

  private final String origin;
  private final Bank bank = new Bank(Fixtures::seed);
  private final IdempotencyStore idempotency = new IdempotencyStore();
  private final FaultInjector faults = new FaultInjector(
      (status, message) -> Envelope.errorBody(status, Codes.SYSTEM_MALFUNCTION, message));
  private volatile Clock clock = Clock.systemUTC();
  private volatile BigDecimal otpThreshold = DEFAULT_OTP_THRESHOLD;
  private volatile BigDecimal transferLimit = DEFAULT_TRANSFER_LIMIT;
  private volatile int pollsUntilSettled = DEFAULT_POLLS_UNTIL_SETTLED;
  private volatile String payloadKey;

  /**
   * A simulator whose base URL is {@code origin} followed by {@value #PATH_PREFIX}, e.g.
   * {@code http://127.0.0.1:8080}. {@link PaykitSandbox} creates and mounts one; use this only to
   * mount it on a MockServer of your own ({@link #mount}).
   *
   * @param origin scheme, host and port of the MockServer, without a trailing slash
   */
  public PrunnySimulator(String origin) {
    this.origin = origin;
  }

  /** Registers the callback for every path under the prefix (the prefix itself included). */
  @Override
  public void mount(MockServerClient mockServer) {
    Routing.mount(mockServer, PATH_PREFIX, new Router(this));
  }

  @Override
  public String name() {
    return "Prunny";
  }

  @Override
  public String description() {
    return "accounts, customers, transfers with OTP, holds and direct-debit mandates";
  }

  /** {@value #PATH_PREFIX}. */
  @Override
  public String pathPrefix() {
    return PATH_PREFIX;
  }

  /** {@code http://127.0.0.1:<port>/prunny}: the client's base URL. */
  @Override
  public String baseUrl() {
    return origin + PATH_PREFIX;
  }

  /** The API key, the timestamp header, the OTP and the seeded accounts with their balances. */
  @Override
  public List<String> bannerLines() {
    return List.of(
        Simulator.bannerLine("Authorization", "Bearer " + API_KEY),
        Simulator.bannerLine(TIMESTAMP_HEADER, "now, ISO-8601 UTC (+/- 5 minutes)"),
        Simulator.bannerLine("OTP", SANDBOX_OTP + " (transfers from "
            + DEFAULT_OTP_THRESHOLD.toPlainString() + " NGN)"),
        Simulator.bannerLine("accounts", Fixtures.ACCOUNT_ADAEZE + " ("
            + Fixtures.BALANCE_ADAEZE.toPlainString() + "), " + Fixtures.ACCOUNT_BABATUNDE + " ("
            + Fixtures.BALANCE_BABATUNDE.toPlainString() + "), " + Fixtures.ACCOUNT_CHIAMAKA + " ("
            + Fixtures.BALANCE_CHIAMAKA.toPlainString() + ")"));
  }

  /**
   * The clock for timestamp checks, transaction times, OTP expiry and statement defaults; UTC.
   *
   * @param clock the clock to use, not null
   * @return this simulator
   */
  public PrunnySimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Transfers of at least this amount need an OTP; default {@link #DEFAULT_OTP_THRESHOLD}.
   *
   * @param amount the threshold in naira, greater than 0
   * @return this simulator
   * @throws IllegalArgumentException when {@code amount} is not greater than 0
   */
  public PrunnySimulator otpThreshold(BigDecimal amount) {
    this.otpThreshold = positive(amount, "otpThreshold");
    return this;
  }

  /**
   * Transfers above this amount answer 61; default {@link #DEFAULT_TRANSFER_LIMIT}.
   *
   * @param amount the limit in naira, greater than 0
   * @return this simulator
   * @throws IllegalArgumentException when {@code amount} is not greater than 0
   */
  public PrunnySimulator transferLimit(BigDecimal amount) {
    this.transferLimit = positive(amount, "transferLimit");
    return this;
  }

  /**
   * How many status queries of a transfer answered 97, 01 or 09 by {@link #respondNextWithCode}
   * still report 09 before the next reports 00; default {@value #DEFAULT_POLLS_UNTIL_SETTLED}.
   *
   * @param polls how many queries report 09, not negative
   * @return this simulator
   * @throws IllegalArgumentException for a negative {@code polls}
   */
  public PrunnySimulator pollsUntilSettled(int polls) {
    if (polls < 0) {
      throw new IllegalArgumentException("polls must not be negative: " + polls);
    }
    this.pollsUntilSettled = polls;
    return this;
  }

  /**
   * Every 200 answer from now on carries its payload (single object or page items) under {@code key}:
   * {@code data} (OBN's key; the sandbox's own choice for single objects) or {@code responseData}
   * (Prunny's key for page items, the sandbox's own choice there; Prunny may use it for single objects
   * too). Null: the sandbox's own choice again, as after {@link #reset()}. A replayed answer keeps the key
   * it was saved with.
   *
   * @param key {@code data}, {@code responseData} or null
   * @return this simulator
   * @throws IllegalArgumentException for any other key
   */
  public PrunnySimulator payloadKey(String key) {
    if (key != null && !key.equals("data") && !key.equals("responseData")) {
      throw new IllegalArgumentException("payload key must be data or responseData: " + key);
    }
    this.payloadKey = key;
    return this;
  }

  /** The payload key set by {@link #payloadKey(String)}, or null for the sandbox's own choice. */
  String payloadKey() {
    return payloadKey;
  }

  /**
   * The next {@code n} requests under the prefix are answered with {@code status} (400-599) and
   * Prunny's error body (errorCode 96) without being authenticated or processed: no state changes,
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
   * The next {@code n} requests are processed in full (state changes, the answer is saved under its
   * idempotency key), then the connection is cut halfway through the body, as for Prompt.Cash
   * ({@code FaultInjector#cutMidResponse}). Faults queue in call order with {@link #failNext}.
   *
   * @param n how many requests are processed and then cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionAfterProcessingNext(int n) {
    faults.dropConnectionAfterProcessingNext(n);
  }

  /**
   * The next {@code n} transfers that pass validation (single or bulk transfer POSTs and mandate
   * debits; not replays) answer {@code code}. For 97, 01 and 09 the transfer is checked and, unless a
   * check fails, executed (no OTP asked) but reported with that code, and its status query reports 09
   * {@link #pollsUntilSettled} times, then 00. Any other code: nothing is executed, the transfer is
   * recorded as failed with that code.
   *
   * @param n how many transfers answer {@code code}, not negative
   * @param code a response code of Prunny's table other than 00
   * @throws IllegalArgumentException for a negative {@code n} or a code not in the table (or 00)
   */
  public void respondNextWithCode(int n, String code) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    if (!Codes.isResponseCode(code) || Codes.APPROVED.equals(code)) {
      throw new IllegalArgumentException("not a failure or pending code of Prunny's table: " + code);
    }
    bank.apply(s -> {
      for (int i = 0; i < n; i++) {
        s.codeOverrides.addLast(code);
      }
      return null;
    });
  }

  /**
   * Ledger minus held amounts.
   *
   * @param accountNumber the account's number
   * @return the available balance in naira
   * @throws IllegalArgumentException for an unknown account
   */
  public BigDecimal availableBalance(String accountNumber) {
    return bank.apply(s -> known(s, accountNumber).availableBalance());
  }

  /**
   * The booked balance; holds do not change it.
   *
   * @param accountNumber the account's number
   * @return the ledger balance in naira
   * @throws IllegalArgumentException for an unknown account
   */
  public BigDecimal ledgerBalance(String accountNumber) {
    return bank.apply(s -> known(s, accountNumber).ledgerBalance());
  }

  /** {@return how many transfers moved money (OTP-pending and failed ones not counted)} */
  public int transferCount() {
    return (int) transfers().stream().filter(Transfer::executed).count();
  }

  /** {@return every transfer recorded, in order, whatever its outcome (snapshots)} */
  public List<Transfer> transfers() {
    return bank.apply(State::transfers);
  }

  /**
   * How many requests carried this {@value #IDEMPOTENCY_HEADER}, replays and injected faults included.
   *
   * @param idempotencyKey the key's value
   * @return the number of requests, 0 for a key never seen
   */
  public int requestsWithKey(String idempotencyKey) {
    return idempotency.requests(idempotencyKey);
  }

  /** Back to the fixtures: no saved keys, no queued faults or codes, default settings and payload keys. */
  @Override
  public void reset() {
    faults.clear();
    idempotency.clear();
    bank.reset();
    clock = Clock.systemUTC();
    otpThreshold = DEFAULT_OTP_THRESHOLD;
    transferLimit = DEFAULT_TRANSFER_LIMIT;
    pollsUntilSettled = DEFAULT_POLLS_UNTIL_SETTLED;
    payloadKey = null;
  }

  private static Account known(State s, String accountNumber) {
    return s.account(accountNumber).orElseThrow(
        () -> new IllegalArgumentException("no account " + accountNumber + " at Prunny"));
  }

  private static BigDecimal positive(BigDecimal amount, String name) {
    if (Objects.requireNonNull(amount, name).signum() <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0: " + amount);
    }
    return amount;
  }

  Bank bank() {
    return bank;
  }

  IdempotencyStore idempotency() {
    return idempotency;
  }

  FaultInjector faults() {
    return faults;
  }

  BigDecimal otpThreshold() {
    return otpThreshold;
  }

  BigDecimal transferLimit() {
    return transferLimit;
  }

  int pollsUntilSettled() {
    return pollsUntilSettled;
  }

  Instant now() {
    return clock.instant();
  }
}
