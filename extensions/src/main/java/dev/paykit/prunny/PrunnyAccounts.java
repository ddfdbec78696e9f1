package dev.paykit.prunny;

import dev.paykit.core.AutoPager;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.prunny.api.AccountsApi;
import dev.paykit.prunny.invoker.EncodingUtils;
import dev.paykit.prunny.model.Account;
import dev.paykit.prunny.model.AccountBalance;
import dev.paykit.prunny.model.AccountOpening;
import dev.paykit.prunny.model.AccountPage;
import dev.paykit.prunny.model.AccountType;
import dev.paykit.prunny.model.AccountTypePage;
import dev.paykit.prunny.model.OpenAccountRequest;
import dev.paykit.prunny.model.OpenAccountResponse;
import dev.paykit.prunny.model.StatementPage;
import dev.paykit.prunny.model.StatementTransaction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts, balances, account types, account opening and statements. List methods return one typed page
 * (with {@code _meta} totals and {@code _links}); {@code ...AutoPaging} methods walk every page by
 * following {@code next} links. Thread-safe.
 */
public final class PrunnyAccounts {

  /** OBN's statement date format, DDMMYYYY. */
  private static final DateTimeFormatter STATEMENT_DATE = DateTimeFormatter.ofPattern("ddMMyyyy");

  private final ClientRuntime runtime;
  private final AccountsApi api;
  private final TransactionCalls calls;

  PrunnyAccounts(ClientRuntime runtime, TransactionCalls calls) {
    this.runtime = runtime;
    this.api = runtime.api(AccountsApi.class);
    this.calls = calls;
  }

  /** One page of a customer's accounts. */
  public AccountPage list(String customerId, Integer page, Integer limit) {
    return fetchAccounts(customerId, query(page, limit));
  }

  /** Every account of a customer. */
  public AutoPager<Account> listAutoPaging(String customerId) {
    return Paging.pager(runtime.spec(), runtime.mapper(), "listAccounts", Map.of(), AccountPage.class,
        q -> fetchAccounts(customerId, q));
  }

  /** The account with this number. */
  public Account get(String accountNumber) {
    var r = api.getAccount(accountNumber, null);
    List<Account> data = r.getData();
    return data.isEmpty() ? null : data.get(0);
  }

  public AccountBalance balance(String accountNumber) {
    var r = api.getAccountBalance(accountNumber, null);
    return r.getData();
  }

  public AccountTypePage listTypes(Integer page, Integer limit) {
    return fetchTypes(query(page, limit));
  }

  public AutoPager<AccountType> listTypesAutoPaging() {
    return Paging.pager(runtime.spec(), runtime.mapper(), "listAccountTypes", Map.of(),
        AccountTypePage.class, this::fetchTypes);
  }

  public AccountType getType(String accountTypeId) {
    var r = api.getAccountType(accountTypeId, null);
    return r.getData();
  }

  /**
   * Opens an account, under your idempotency key (null: a new one);
   * {@link dev.paykit.prunny.AccountAlreadyExistsException} (98) if it exists already.
   */
  public PrunnyResult<AccountOpening> open(OpenAccountRequest request, String idempotencyKey) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "openAccount");
    String key = calls.key(idempotencyKey);
    OpenAccountResponse r = calls.run(request.getRequestId(), key, k -> api.openAccount(k, null, request));
    AccountOpening data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(), null,
        request.getRequestId(), key, null), r.getStatus(), r.getMessage(), key, data);
  }

  /** One page of an account's statement between two dates (inclusive, per OBN). */
  public StatementPage statement(String accountId, LocalDate from, LocalDate to, Integer page, Integer limit) {
    Map<String, Object> q = query(page, limit);
    q.putAll(dates(from, to));
    return fetchStatement(accountId, q);
  }

  /** Every statement line of an account between two dates (either may be null), in pages of the largest size. */
  public AutoPager<StatementTransaction> statementAutoPaging(String accountId, LocalDate from, LocalDate to) {
    return statementAutoPaging(accountId, from, to, null);
  }

  /** Every statement line of an account between two dates, fetched {@code pageSize} at a time. */
  public AutoPager<StatementTransaction> statementAutoPaging(String accountId, LocalDate from, LocalDate to,
      Integer pageSize) {
    Map<String, Object> q = query(null, pageSize);
    q.putAll(dates(from, to));
    return Paging.pager(runtime.spec(), runtime.mapper(), "getStatement", q,
        StatementPage.class, params -> fetchStatement(accountId, params));
  }

  private AccountPage fetchAccounts(String customerId, Map<String, Object> q) {
    AccountsApi.ListAccountsQueryParams params = new AccountsApi.ListAccountsQueryParams();
    q.forEach((k, v) -> params.put(k, EncodingUtils.encode(v)));
    return api.listAccounts(customerId, null, params);
  }

  private AccountTypePage fetchTypes(Map<String, Object> q) {
    AccountsApi.ListAccountTypesQueryParams params = new AccountsApi.ListAccountTypesQueryParams();
    q.forEach((k, v) -> params.put(k, EncodingUtils.encode(v)));
    return api.listAccountTypes(null, params);
  }

  private StatementPage fetchStatement(String accountId, Map<String, Object> q) {
    AccountsApi.GetStatementQueryParams params = new AccountsApi.GetStatementQueryParams();
    q.forEach((k, v) -> params.put(k, EncodingUtils.encode(v)));
    return api.getStatement(accountId, null, params);
  }

  static Map<String, Object> query(Integer page, Integer limit) {
    Map<String, Object> q = new HashMap<>();
    if (page != null) {
      q.put("page", page);
    }
    if (limit != null) {
      q.put("limit", limit);
    }
    return q;
  }

  private static Map<String, Object> dates(LocalDate from, LocalDate to) {
    Map<String, Object> q = new HashMap<>();
    if (from != null) {
      q.put("from", STATEMENT_DATE.format(from));
    }
    if (to != null) {
      q.put("to", STATEMENT_DATE.format(to));
    }
    return q;
  }
}
