package dev.paykit.sandbox.prune;

import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Routing;
import dev.paykit.sandbox.Simulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mockserver.client.MockServerClient;

/**
 * A stateful simulator of the Prune Payments API (contract: specs/prune/openapi.yaml; docs:
 * docs.prunepayments.net), mounted by {@link PaykitSandbox} under {@value #PATH_PREFIX}: account
 * requests with their documents, issued EUR and GBP accounts with balances, account validation, the
 * acceptable documents, transfers out of issued accounts, payouts out of the business's payout account,
 * and their status operations, over the seeded data listed below.
 *
 * <p><b>Keys.</b> {@code Authorization: Bearer }{@value #TEST_KEY} opens the test environment,
 * {@value #LIVE_KEY} the live one (Prune's live keys start {@code sk_live_}); each sees only its own
 * records (the same fixtures, with ids of their own: {@link #liveTwin}). Any other key, or none, is the
 * envelope 401.
 *
 * <p><b>Answers.</b> Every answer is Prune's envelope {@code {status, message, data, code}} (lists add
 * {@code meta.total}), {@code code} equal to the HTTP status: 200 for reads, 201 for a filed account
 * request, 202 for a booked transfer or payout; failures {@code {status: false, message, code}}: 400
 * ("One or more fields are missing or invalid: ..." naming every problem; insufficient funds; an
 * account that is not ACTIVE; an update of a request that is no longer PENDING), 401, 404 (an unknown
 * record or path; "Iban details validation failed"), 405, 500 ("Failed to validate GBP account", as in
 * the docs). {@link #failuresWithHttp200} sends every failure with HTTP 200 instead, its code unchanged.
 *
 * <p><b>Documents</b> are re-checked as the spec states them: the parts of each form, country codes,
 * currencies, ID and proof-of-address types (case-sensitive), {@code .jpeg/.jpg/.png/.pdf} files with a
 * matching content type, not empty and at most 512000 bytes, the back side of every ID that is not a
 * passport, and for a company director 1, shareholder 1 and every director and shareholder sent
 * complete. The bytes of every file are kept: {@link #documents}.
 *
 * <p><b>Account requests</b> start INPROGRESS for a {@link #trustedBusiness trusted business}, PENDING for
 * an untrusted one (docs); only a PENDING request can be updated. {@link #approveAccountRequest} issues
 * the account (an IBAN; for GBP also an account number and sort code {@value #SORT_CODE}),
 * {@link #rejectAccountRequest} refuses it with a reason.
 *
 * <p><b>Transfers and payouts</b> (no idempotency keys: every valid request books a new one) are PENDING
 * until {@link #confirmTransaction} (CONFIRMED; a transfer to an account the sandbox issued is credited
 * then) or {@link #failTransaction} (REJECTED); the amount leaves the balance when booked and comes back
 * when it fails. A payout's disbursement request is APPROVED at once for a trusted business, PENDING
 * for an untrusted one until {@link #approvePayout} or {@link #rejectPayout} (REJECTED, its transaction
 * CANCELLED). {@link #transfers()} and {@link #payouts()} list what was booked.
 *
 * <p><b>Paging</b>: {@code GET /v1/accounts?currency=&page=} in pages of {@link #pageSize} (default
 * {@value #DEFAULT_PAGE_SIZE}; Prune documents no size), pages from 1, {@code meta.total} the whole
 * list's count; a page past the end is empty.
 *
 * <p><b>Faults</b>: {@link #failNext}, {@link #dropConnectionAfterProcessingNext} (the next requests,
 * whatever they are) and {@link #dropConnectionAfterBookingNextTransfer} /
 * {@link #dropConnectionAfterBookingNextPayout} (the next request that books one: booked, then its answer
 * cut halfway, {@code FaultInjector#cutMidResponse}).
 *
 * <p>Thread-safe: requests arrive on MockServer's Netty threads while a test configures or inspects
 * the simulator from its own thread.
 */
public final class PruneSimulator implements Simulator {
  /** Where this simulator is mounted: base URL {@code http://127.0.0.1:<port>/prune}. */
  public static final String PATH_PREFIX = "/prune";

  /** The sandbox's test key. Not a real credential. */
  public static final String TEST_KEY = "sk_test_prune_sandbox_key";

  /** The sandbox's live key (Prune's live keys start {@code sk_live_}). Not a real credential. */
  public static final String LIVE_KEY = "sk_live_prune_sandbox_key";

  /** The sandbox business's company name, as account requests and accounts show it; also in the payout account's name. */
  public static final String COMPANY_NAME = "Sandbox Business Ltd";

  /** The sandbox bank's BIC for EUR accounts, and its bank code in their (Lithuanian-form) IBANs. */
  public static final String BIC = "PRUNLT21XXX";
  static final String LT_BANK_CODE = "39990";

  /** The sandbox bank's BIC, IBAN bank code and sort code for GBP accounts. */
  public static final String GB_BIC = "PRUNGB21XXX";
  static final String GB_BANK_CODE = "PRUN";
  /** The sort code of the GBP accounts the sandbox bank issues. */
  public static final String SORT_CODE = "040075";

  /** The default of {@link #pageSize(int)}. */
  public static final int DEFAULT_PAGE_SIZE = 10;

  // ---- fixtures (test environment ids; liveTwin gives the live one) ----

  /** Amelie Laurent's EUR account (USER). */
  public static final String ACCOUNT_EUR = "00000000-0000-4000-8000-000000000001";
  /** The account number of {@link #ACCOUNT_EUR}. */
  public static final String NUMBER_EUR = "10000000001";
  /** The IBAN of {@link #ACCOUNT_EUR}. */
  public static final String IBAN_EUR = Iban.of("LT", LT_BANK_CODE + NUMBER_EUR);
  /** The seeded balance of {@link #ACCOUNT_EUR}, in EUR. */
  public static final BigDecimal BALANCE_EUR = new BigDecimal("5000.00");

  /** Jonas Becker's EUR account (USER). */
  public static final String ACCOUNT_EUR_2 = "00000000-0000-4000-8000-000000000002";
  /** The account number of {@link #ACCOUNT_EUR_2}. */
  public static final String NUMBER_EUR_2 = "10000000002";
  /** The IBAN of {@link #ACCOUNT_EUR_2}. */
  public static final String IBAN_EUR_2 = Iban.of("LT", LT_BANK_CODE + NUMBER_EUR_2);
  /** The seeded balance of {@link #ACCOUNT_EUR_2}, in EUR. */
  public static final BigDecimal BALANCE_EUR_2 = new BigDecimal("1200.00");

  /** Laurent &amp; Becker SARL's EUR account (CORPORATE). */
  public static final String ACCOUNT_EUR_CORPORATE = "00000000-0000-4000-8000-000000000003";
  /** The account number of {@link #ACCOUNT_EUR_CORPORATE}. */
  public static final String NUMBER_EUR_CORPORATE = "10000000003";
  /** The IBAN of {@link #ACCOUNT_EUR_CORPORATE}. */
  public static final String IBAN_EUR_CORPORATE = Iban.of("LT", LT_BANK_CODE + NUMBER_EUR_CORPORATE);
  /** The seeded balance of {@link #ACCOUNT_EUR_CORPORATE}, in EUR. */
  public static final BigDecimal BALANCE_EUR_CORPORATE = new BigDecimal("25000.00");

  /** Oliver Hughes's GBP account (USER), sort code {@value #SORT_CODE}. */
  public static final String ACCOUNT_GBP = "00000000-0000-4000-8000-000000000004";
  /** The account number of {@link #ACCOUNT_GBP}. */
  public static final String NUMBER_GBP = "41000001";
  /** The IBAN of {@link #ACCOUNT_GBP}. */
  public static final String IBAN_GBP = Iban.of("GB", GB_BANK_CODE + SORT_CODE + NUMBER_GBP);
  /** The seeded balance of {@link #ACCOUNT_GBP}, in GBP. */
  public static final BigDecimal BALANCE_GBP = new BigDecimal("2500.00");

  /** The business's own EUR payout account, which disburse pays from (not an issued account). */
  public static final String PAYOUT_ACCOUNT = "00000000-0000-4000-8000-000000000005";
  /** The account number of {@link #PAYOUT_ACCOUNT}. */
  public static final String NUMBER_PAYOUT = "19999999999";
  /** The seeded balance of {@link #PAYOUT_ACCOUNT}, in EUR. */
  public static final BigDecimal BALANCE_PAYOUT = new BigDecimal("100000.00");

  /** A Commerzbank IBAN that validation knows; this and the other banks' are the usual example IBANs. */
  public static final String IBAN_COMMERZBANK = "DE89370400440532013000";
  /** The BIC of {@link #IBAN_COMMERZBANK}. */
  public static final String BIC_COMMERZBANK = "COBADEFFXXX";
  /** A La Banque Postale IBAN that validation knows. */
  public static final String IBAN_BANQUE_POSTALE = "FR1420041010050500013M02606";
  /** The BIC of {@link #IBAN_BANQUE_POSTALE}. */
  public static final String BIC_BANQUE_POSTALE = "PSSTFRPPXXX";
  /** A NatWest IBAN that validation knows. */
  public static final String IBAN_NATWEST = "GB29NWBK60161331926819";
  /** The BIC of {@link #IBAN_NATWEST}. */
  public static final String BIC_NATWEST = "NWBKGB2L";
  /** The sort code of {@link #IBAN_NATWEST}. */
  public static final String SORT_CODE_NATWEST = "601613";
  /** The account number of {@link #IBAN_NATWEST}. */
  public static final String NUMBER_NATWEST = "31926819";

  /**
   * A file the sandbox received with an account request.
   *
   * @param requestId the account request
   * @param part the part's name, e.g. {@code idFile} or {@code director_2_poaFile}
   * @param fileName the file name as sent
   * @param contentType the part's Content-Type as sent
   * @param bytes exactly the bytes received (a copy)
   */
  public record Document(String requestId, String part, String fileName, String contentType, byte[] bytes) {
    /**
     * Keeps a copy of {@code bytes}.
     *
     * @param requestId the account request
     * @param part the part's name
     * @param fileName the file name as sent
     * @param contentType the part's Content-Type as sent
     * @param bytes the bytes received; copied
     */
    public Document {
      bytes = bytes.clone();
    }

    /** {@return exactly the bytes received (a copy)} */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return "Document[" + requestId + " " + part + " " + fileName + " " + contentType + ", " + bytes.length + " bytes]";
    }
  }

  /**
   * A transfer or payout the sandbox booked, as {@link #transfers()} and {@link #payouts()} show it: a
   * snapshot, later changes are not reflected.
   *
   * @param id the {@code id} the answer gave (a number for transfers, a UUID for payouts)
   * @param environment TEST or LIVE
   * @param fromAccount the account debited (an issued account, or {@link #PAYOUT_ACCOUNT})
   * @param amount what left the account
   * @param currency its currency
   * @param reference the caller's reference
   * @param recipientIban where the money goes
   * @param status PENDING, CONFIRMED, REJECTED or CANCELLED
   * @param requestStatus a payout's disbursement request (PENDING, APPROVED, REJECTED); null for a transfer
   */
  public record Booking(String id, String environment, String fromAccount, BigDecimal amount, String currency,
      String reference, String recipientIban, String status, String requestStatus) {}

  private final String origin;
  private final Store store = new Store(Fixtures::seed);
  private final FaultInjector faults = new FaultInjector(Envelope.FAILURE);
  private volatile Clock clock = Clock.systemUTC();
  private volatile boolean trustedBusiness = true;
  private volatile int pageSize = DEFAULT_PAGE_SIZE;
  private volatile boolean failuresWithHttp200;
  private int transferCuts;
  private int payoutCuts;

  /**
   * A simulator whose base URL is {@code origin} followed by {@value #PATH_PREFIX}, e.g.
   * {@code http://127.0.0.1:8080}. {@link PaykitSandbox} creates and mounts one; use this only to mount
   * it on a MockServer of your own ({@link #mount}).
   *
   * @param origin scheme, host and port of the MockServer, without a trailing slash
   */
  public PruneSimulator(String origin) {
    this.origin = origin;
  }

  @Override
  public void mount(MockServerClient mockServer) {
    Routing.mount(mockServer, PATH_PREFIX, new Router(this));
  }

  @Override
  public String name() {
    return "Prune";
  }

  @Override
  public String description() {
    return "account requests with documents, EUR/GBP accounts, transfers and payouts";
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
  public List<String> bannerLines() {
    return List.of(
        Simulator.bannerLine("Authorization", "Bearer " + TEST_KEY + " (test)"),
        Simulator.bannerLine("Authorization", "Bearer " + LIVE_KEY + " (live)"),
        Simulator.bannerLine("EUR accounts", ACCOUNT_EUR + " " + IBAN_EUR + " (" + BALANCE_EUR.toPlainString() + ")"),
        Simulator.bannerLine("GBP account", ACCOUNT_GBP + " " + NUMBER_GBP + " / " + SORT_CODE + " ("
            + BALANCE_GBP.toPlainString() + ")"),
        Simulator.bannerLine("payout account", PAYOUT_ACCOUNT + " (" + BALANCE_PAYOUT.toPlainString() + " EUR)"));
  }

  /**
   * The live environment's id of a fixture's (or any test record's) id: {@code -8000-} becomes {@code -9000-}.
   *
   * @param testId a test environment id
   * @return the live environment's id
   */
  public static String liveTwin(String testId) {
    return testId.replace("-4000-8000-", "-4000-9000-");
  }

  // ---- settings ----

  /**
   * The clock for createdAt and updatedAt; UTC.
   *
   * @param clock the clock to use, not null
   * @return this simulator
   */
  public PruneSimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Whether the business is trusted by Prune (default true): its account requests start INPROGRESS
   * (else PENDING) and its payouts' disbursement requests are APPROVED at once (else PENDING). Applies to
   * what is filed from now on.
   *
   * @param trusted true for a trusted business
   * @return this simulator
   */
  public PruneSimulator trustedBusiness(boolean trusted) {
    this.trustedBusiness = trusted;
    return this;
  }

  /**
   * Issued accounts per page of the list (default {@value #DEFAULT_PAGE_SIZE}).
   *
   * @param size the page size, at least 1
   * @return this simulator
   * @throws IllegalArgumentException for a size below 1
   */
  public PruneSimulator pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1: " + size);
    }
    this.pageSize = size;
    return this;
  }

  /**
   * Every failure (401, 400, 404, 500, ...) answered with HTTP 200, its envelope code unchanged.
   *
   * @param on true to answer failures with HTTP 200, false for their own status (the default)
   * @return this simulator
   */
  public PruneSimulator failuresWithHttp200(boolean on) {
    this.failuresWithHttp200 = on;
    return this;
  }

  // ---- faults ----

  /**
   * The next {@code n} requests under the prefix are answered with {@code status} (400-599) and the
   * failure envelope without being authenticated or processed: nothing is booked.
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
   * The next {@code n} requests, whatever they are, are processed in full (a transfer is booked), then
   * the connection is cut halfway through the answer. Queued in call order with {@link #failNext}.
   *
   * @param n how many requests are processed and then cut, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public void dropConnectionAfterProcessingNext(int n) {
    faults.dropConnectionAfterProcessingNext(n);
  }

  /**
   * The next request that books a transfer (a valid sendMoney; reads and refused requests pass through
   * untouched) is booked, then its answer is cut halfway: the money has left, the client cannot know.
   */
  public synchronized void dropConnectionAfterBookingNextTransfer() {
    transferCuts++;
  }

  /** As {@link #dropConnectionAfterBookingNextTransfer()}, for the next booked payout (disburse). */
  public synchronized void dropConnectionAfterBookingNextPayout() {
    payoutCuts++;
  }

  /** Whether the answer of this booking is to be cut, using up one queued cut. */
  synchronized boolean takeCut(Transaction.Kind kind) {
    if (kind == Transaction.Kind.TRANSFER && transferCuts > 0) {
      transferCuts--;
      return true;
    }
    if (kind == Transaction.Kind.PAYOUT && payoutCuts > 0) {
      payoutCuts--;
      return true;
    }
    return false;
  }

  // ---- Prune's review: account requests ----

  /**
   * Approves a PENDING or INPROGRESS account request, as Prune's review would, and issues its account
   * (balance 0.00, ACTIVE). Returns the issued account's id.
   *
   * @param requestId the account request's id (either environment)
   * @return the issued account's id
   * @throws IllegalArgumentException for an unknown request
   * @throws IllegalStateException for a request already approved, rejected or cancelled
   */
  public String approveAccountRequest(String requestId) {
    return onRequest(requestId, (s, r) -> {
      open(r, "approved");
      IssuedAccount a = issue(s, r, now());
      r.status = "APPROVED";
      r.issuedAccountId = a.id;
      r.updatedAt = now();
      return a.id;
    });
  }

  /**
   * Rejects a PENDING or INPROGRESS account request with a reason.
   *
   * @param requestId the account request's id (either environment)
   * @param reason the reason the request shows
   * @throws IllegalArgumentException for an unknown request
   * @throws IllegalStateException for a request already approved, rejected or cancelled
   */
  public void rejectAccountRequest(String requestId, String reason) {
    Objects.requireNonNull(reason, "reason");
    onRequest(requestId, (s, r) -> {
      open(r, "rejected");
      r.status = "REJECTED";
      r.reason = reason;
      r.updatedAt = now();
      return null;
    });
  }

  /**
   * A request's state.
   *
   * @param requestId the account request's id (either environment)
   * @return PENDING, INPROGRESS, APPROVED or REJECTED
   * @throws IllegalArgumentException for an unknown request
   */
  public String accountRequestStatus(String requestId) {
    return onRequest(requestId, (s, r) -> r.status);
  }

  /**
   * Every file received with this request (after updates: the current ones), in the order sent.
   *
   * @param requestId the account request's id (either environment)
   * @return the files, copies
   * @throws IllegalArgumentException for an unknown request
   */
  public List<Document> documents(String requestId) {
    return onRequest(requestId, (s, r) -> {
      List<Document> out = new ArrayList<>();
      r.parts.values().stream().filter(MultipartForm.Part::isFile).forEach(p ->
          out.add(new Document(r.id, p.name(), p.fileName(), p.contentType(), p.bytes())));
      return out;
    });
  }

  /**
   * A text part of this request as received.
   *
   * @param requestId the account request's id (either environment)
   * @param part the part's name, e.g. {@code firstName}
   * @return the part's text; null when it was not sent (or is a file)
   * @throws IllegalArgumentException for an unknown request
   */
  public String requestText(String requestId, String part) {
    return onRequest(requestId, (s, r) -> {
      MultipartForm.Part p = r.parts.get(part);
      return p == null || p.isFile() ? null : p.text();
    });
  }

  private static void open(AccountRequest r, String verb) {
    if (!r.status.equals("PENDING") && !r.status.equals("INPROGRESS")) {
      throw new IllegalStateException("account request " + r.id + " is " + r.status + " and cannot be " + verb);
    }
  }

  private static IssuedAccount issue(State s, AccountRequest r, Instant now) {
    boolean individual = r.kind == Documents.Kind.INDIVIDUAL;
    IssuedAccount a = new IssuedAccount(s.nextId(), s.nextAccountId(), s.environment, r.kind.accountType(),
        individual ? r.text("firstName") : null, individual ? r.text("lastName") : null, r.accountName(),
        r.currency(), s.nextAccountNumber(r.currency()), r.trusted, new BigDecimal("0.00"), now);
    s.accounts.put(a.id, a);
    return a;
  }

  // ---- balances and accounts ----

  /**
   * An issued account's (or the payout account's) balance.
   *
   * @param accountId the account's id (either environment)
   * @return the balance in the account's currency
   * @throws IllegalArgumentException for an unknown id
   */
  public BigDecimal balance(String accountId) {
    return onAccount(accountId, a -> a.balance);
  }

  /**
   * Sets an issued account's (or the payout account's) balance, e.g. for a deposit.
   *
   * @param accountId the account's id (either environment)
   * @param balance the new balance in the account's currency: 0 or more, whole cents
   * @throws IllegalArgumentException for an unknown id, or a negative balance or one finer than cents
   */
  public void setBalance(String accountId, BigDecimal balance) {
    if (Objects.requireNonNull(balance, "balance").signum() < 0 || balance.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("a balance is 0 or more, in cents: " + balance);
    }
    onAccount(accountId, a -> a.balance = balance.setScale(2));
  }

  /**
   * Sets an issued account's status (only an ACTIVE one can send money).
   *
   * @param accountId the account's id (either environment)
   * @param status ACTIVE, INACTIVE or FROZEN
   * @throws IllegalArgumentException for an unknown id or another status
   */
  public void setAccountStatus(String accountId, String status) {
    if (!List.of("ACTIVE", "INACTIVE", "FROZEN").contains(status)) {
      throw new IllegalArgumentException("status must be ACTIVE, INACTIVE or FROZEN: " + status);
    }
    onAccount(accountId, a -> a.status = status);
  }

  // ---- Prune's processing: transfers and payouts ----

  /**
   * Confirms a PENDING transfer or payout (CONFIRMED). A transfer to an IBAN of an account the sandbox
   * issued, in the same currency and environment, credits that account (a CREDIT transaction).
   *
   * @throws IllegalArgumentException for an unknown transaction
   * @param transactionId the transfer's or payout's id (either environment)
   * @throws IllegalStateException when it is not PENDING, or is a payout whose request is not APPROVED
   */
  public void confirmTransaction(String transactionId) {
    onTransaction(transactionId, (s, t) -> {
      pending(t, "confirmed");
      if (t.kind == Transaction.Kind.PAYOUT && !"APPROVED".equals(t.requestStatus)) {
        throw new IllegalStateException("payout " + t.id + " waits for approval (" + t.requestStatus
            + "): approvePayout first");
      }
      t.status = "CONFIRMED";
      t.updatedAt = now();
      s.byIban(t.recipientIban).filter(a -> a.currency.equals(t.currency)).ifPresent(a -> {
        a.balance = a.balance.add(t.amount);
        Transaction credit = new Transaction(s.nextId(), false, Transaction.Kind.CREDIT, s.environment,
            s.nextDpsId(), t.amount, t.reference, t.reason, t.sender, a.iban, a.accountName, a.bic,
            "Prune Payments (sandbox)", "Lithuania", now());
        credit.status = "CONFIRMED";
        s.transactions.put(credit.id, credit);
      });
      return null;
    });
  }

  /**
   * Fails a PENDING transfer or payout (REJECTED, with this reason); the amount goes back.
   *
   * @param transactionId the transfer's or payout's id (either environment)
   * @param reason the reason the transaction shows
   * @throws IllegalArgumentException for an unknown transaction
   * @throws IllegalStateException when it is not PENDING
   */
  public void failTransaction(String transactionId, String reason) {
    Objects.requireNonNull(reason, "reason");
    onTransaction(transactionId, (s, t) -> {
      pending(t, "failed");
      refund(t, "REJECTED", reason);
      return null;
    });
  }

  /**
   * A transaction's status.
   *
   * @param transactionId the transaction's id (either environment)
   * @return PENDING, CONFIRMED, REJECTED or CANCELLED
   * @throws IllegalArgumentException for an unknown transaction
   */
  public String transactionStatus(String transactionId) {
    return onTransaction(transactionId, (s, t) -> t.status);
  }

  /**
   * Approves a payout's PENDING disbursement request (an untrusted business's); it stays PENDING until confirmed.
   *
   * @param payoutId the payout's id (either environment)
   * @throws IllegalArgumentException for an unknown id or a transfer's
   * @throws IllegalStateException when its request is not PENDING
   */
  public void approvePayout(String payoutId) {
    onPayout(payoutId, t -> t.requestStatus = "APPROVED");
  }

  /**
   * Rejects a payout's PENDING disbursement request: REJECTED, its transaction CANCELLED, the amount back.
   *
   * @param payoutId the payout's id (either environment)
   * @param reason the reason the transaction shows
   * @throws IllegalArgumentException for an unknown id or a transfer's
   * @throws IllegalStateException when its request is not PENDING
   */
  public void rejectPayout(String payoutId, String reason) {
    Objects.requireNonNull(reason, "reason");
    onPayout(payoutId, t -> {
      t.requestStatus = "REJECTED";
      refund(t, "CANCELLED", reason);
    });
  }

  private void onPayout(String payoutId, java.util.function.Consumer<Transaction> change) {
    onTransaction(payoutId, (s, t) -> {
      if (t.kind != Transaction.Kind.PAYOUT) {
        throw new IllegalArgumentException(payoutId + " is a transfer, not a payout");
      }
      if (!"PENDING".equals(t.requestStatus)) {
        throw new IllegalStateException("payout " + payoutId + "'s request is " + t.requestStatus + ", not PENDING");
      }
      change.accept(t);
      return null;
    });
  }

  private void refund(Transaction t, String status, String reason) {
    t.status = status;
    t.rejectionReason = reason;
    t.updatedAt = now();
    t.sender.balance = t.sender.balance.add(t.amount);
  }

  private static void pending(Transaction t, String verb) {
    if (!t.status.equals("PENDING")) {
      throw new IllegalStateException("transaction " + t.id + " is " + t.status + " and cannot be " + verb);
    }
  }

  /** {@return every transfer booked (sendMoney), both environments, in order (snapshots)} */
  public List<Booking> transfers() {
    return bookings(Transaction.Kind.TRANSFER);
  }

  /** {@return every payout booked (disburse), both environments, in order (snapshots)} */
  public List<Booking> payouts() {
    return bookings(Transaction.Kind.PAYOUT);
  }

  private List<Booking> bookings(Transaction.Kind kind) {
    return store.applyAll(states -> {
      List<Booking> out = new ArrayList<>();
      for (State s : states) {
        s.transactions.values().stream().filter(t -> t.kind == kind).forEach(t -> out.add(new Booking(t.id,
            t.environment.name(), t.sender.id, t.amount, t.currency, t.reference, t.recipientIban, t.status,
            t.requestStatus)));
      }
      return out;
    });
  }

  /** Back to the fixtures: no queued faults or cuts, default settings, the system clock. */
  @Override
  public void reset() {
    faults.clear();
    store.reset();
    clock = Clock.systemUTC();
    trustedBusiness = true;
    pageSize = DEFAULT_PAGE_SIZE;
    failuresWithHttp200 = false;
    synchronized (this) {
      transferCuts = 0;
      payoutCuts = 0;
    }
  }

  // ---- lookups across both environments ----

  private <T> T onRequest(String id, java.util.function.BiFunction<State, AccountRequest, T> f) {
    return store.applyAll(states -> {
      for (State s : states) {
        AccountRequest r = s.requests.get(id);
        if (r != null) {
          return f.apply(s, r);
        }
      }
      throw new IllegalArgumentException("no account request " + id);
    });
  }

  private <T> T onTransaction(String id, java.util.function.BiFunction<State, Transaction, T> f) {
    return store.applyAll(states -> {
      for (State s : states) {
        Transaction t = s.transactions.get(id);
        if (t != null) {
          return f.apply(s, t);
        }
      }
      throw new IllegalArgumentException("no transaction " + id);
    });
  }

  private <T> T onAccount(String id, Function<IssuedAccount, T> f) {
    return store.applyAll(states -> {
      for (State s : states) {
        Optional<IssuedAccount> a = s.anyAccount(id);
        if (a.isPresent()) {
          return f.apply(a.get());
        }
      }
      throw new IllegalArgumentException("no account " + id);
    });
  }

  // ---- for the package ----

  Store store() {
    return store;
  }

  FaultInjector faults() {
    return faults;
  }

  boolean trustedBusiness() {
    return trustedBusiness;
  }

  int pageSize() {
    return pageSize;
  }

  boolean failuresWithHttp200() {
    return failuresWithHttp200;
  }

  Instant now() {
    return clock.instant();
  }
}
