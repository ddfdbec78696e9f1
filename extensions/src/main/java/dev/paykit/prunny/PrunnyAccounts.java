package dev.paykit.prunny;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.prunny.api.AccountsApi;
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

  PrunnyAccounts(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(AccountsApi.class);
  }

  /**
   * One page of a customer's accounts.
   *
   * @param customerId Prunny's customer id
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @return the page, with its totals and links
   */
  public AccountPage list(String customerId, Integer page, Integer limit) {
    return list(customerId, page, limit, RequestOptions.none());
  }

  /**
   * Like {@link #list(String, Integer, Integer)}, with options for this call.
   *
   * @param customerId Prunny's customer id
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @param options the options of this call (deadline, headers); not null
   * @return the page, with its totals and links
   */
  public AccountPage list(String customerId, Integer page, Integer limit, RequestOptions options) {
    require(options, "listAccounts");
    return CallReport.run(options, () -> fetchAccounts(customerId, query(page, limit)));
  }

  /**
   * Every account of a customer.
   *
   * @param customerId Prunny's customer id
   * @return the accounts, fetched page by page as you iterate
   */
  public AutoPager<Account> listAutoPaging(String customerId) {
    return listAutoPaging(customerId, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(String)}; every page is fetched with these options.
   *
   * @param customerId Prunny's customer id
   * @param options the options of this call (deadline, headers); not null
   * @return the accounts, fetched page by page as you iterate
   */
  public AutoPager<Account> listAutoPaging(String customerId, RequestOptions options) {
    require(options, "listAccounts");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listAccounts", Map.of(), AccountPage.class,
        q -> CallReport.run(options, () -> fetchAccounts(customerId, q)));
  }

  /**
   * The account with this number.
   *
   * @param accountNumber the account number
   * @return the account
   */
  public Account get(String accountNumber) {
    return get(accountNumber, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param accountNumber the account number
   * @param options the options of this call (deadline, headers); not null
   * @return the account
   */
  public Account get(String accountNumber, RequestOptions options) {
    require(options, "getAccount");
    var r = CallReport.run(options, () -> api.getAccount(accountNumber));
    List<Account> data = r.getData();
    return data.isEmpty() ? null : data.get(0);
  }

  /**
   * The balances of the account with this number.
   *
   * @param accountNumber the account number
   * @return the account's balances, amounts as decimals
   */
  public AccountBalance balance(String accountNumber) {
    return balance(accountNumber, RequestOptions.none());
  }

  /**
   * Like {@link #balance(String)}, with options for this call.
   *
   * @param accountNumber the account number
   * @param options the options of this call (deadline, headers); not null
   * @return the account's balances, amounts as decimals
   */
  public AccountBalance balance(String accountNumber, RequestOptions options) {
    require(options, "getAccountBalance");
    var r = CallReport.run(options, () -> api.getAccountBalance(accountNumber));
    return r.getData();
  }

  /**
   * One page of the account types that can be opened.
   *
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @return the page, with its totals and links
   */
  public AccountTypePage listTypes(Integer page, Integer limit) {
    return listTypes(page, limit, RequestOptions.none());
  }

  /**
   * Like {@link #listTypes(Integer, Integer)}, with options for this call.
   *
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @param options the options of this call (deadline, headers); not null
   * @return the page, with its totals and links
   */
  public AccountTypePage listTypes(Integer page, Integer limit, RequestOptions options) {
    require(options, "listAccountTypes");
    return CallReport.run(options, () -> fetchTypes(query(page, limit)));
  }

  /** {@return every account type, fetched page by page as you iterate} */
  public AutoPager<AccountType> listTypesAutoPaging() {
    return listTypesAutoPaging(RequestOptions.none());
  }

  /**
   * Like {@link #listTypesAutoPaging()}; every page is fetched with these options.
   *
   * @param options the options of this call (deadline, headers); not null
   * @return the account types, fetched page by page as you iterate
   */
  public AutoPager<AccountType> listTypesAutoPaging(RequestOptions options) {
    require(options, "listAccountTypes");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listAccountTypes", Map.of(),
        AccountTypePage.class, q -> CallReport.run(options, () -> fetchTypes(q)));
  }

  /**
   * The account type with this id.
   *
   * @param accountTypeId the type's id, as listed by {@link #listTypes(Integer, Integer)}
   * @return the account type
   */
  public AccountType getType(String accountTypeId) {
    return getType(accountTypeId, RequestOptions.none());
  }

  /**
   * Like {@link #getType(String)}, with options for this call.
   *
   * @param accountTypeId the type's id, as listed by {@link #listTypes(Integer, Integer)}
   * @param options the options of this call (deadline, headers); not null
   * @return the account type
   */
  public AccountType getType(String accountTypeId, RequestOptions options) {
    require(options, "getAccountType");
    var r = CallReport.run(options, () -> api.getAccountType(accountTypeId));
    return r.getData();
  }

  /**
   * Opens an account under a new idempotency key; {@link AccountAlreadyExistsException} (98) if it
   * exists already.
   *
   * @param request the account to open; not null
   * @return the opening and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<AccountOpening> open(OpenAccountRequest request) {
    return open(request, RequestOptions.none());
  }

  /**
   * Opens an account, with options for this call (your idempotency key, a deadline...).
   *
   * @param request the account to open; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the opening and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<AccountOpening> open(OpenAccountRequest request, RequestOptions options) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "openAccount");
    require(options, "openAccount");
    var keyed = TransactionCalls.run("requestId", request.getRequestId(), null, options,
        () -> api.openAccount(null, request));
    OpenAccountResponse r = keyed.response();
    String key = keyed.key();
    AccountOpening data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(), null,
        request.getRequestId(), key, null), r.getStatus(), r.getMessage(), key, data);
  }

  /**
   * One page of an account's statement between two dates (inclusive, per OBN).
   *
   * @param accountId the account's id
   * @param from first day, or null for no lower bound
   * @param to last day, or null for no upper bound
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @return the page of statement lines
   */
  public StatementPage statement(String accountId, LocalDate from, LocalDate to, Integer page, Integer limit) {
    return statement(accountId, from, to, page, limit, RequestOptions.none());
  }

  /**
   * Like {@link #statement(String, LocalDate, LocalDate, Integer, Integer)}, with options for this call.
   *
   * @param accountId the account's id
   * @param from first day, or null for no lower bound
   * @param to last day, or null for no upper bound
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @param options the options of this call (deadline, headers); not null
   * @return the page of statement lines
   */
  public StatementPage statement(String accountId, LocalDate from, LocalDate to, Integer page, Integer limit,
      RequestOptions options) {
    require(options, "getStatement");
    Map<String, Object> q = query(page, limit);
    q.putAll(dates(from, to));
    return CallReport.run(options, () -> fetchStatement(accountId, q));
  }

  /**
   * Every statement line of an account between two dates (either may be null), in pages of the largest size.
   *
   * @param accountId the account's id
   * @param from first day, or null for no lower bound
   * @param to last day, or null for no upper bound
   * @return the statement lines, fetched page by page as you iterate
   */
  public AutoPager<StatementTransaction> statementAutoPaging(String accountId, LocalDate from, LocalDate to) {
    return statementAutoPaging(accountId, from, to, null, RequestOptions.none());
  }

  /**
   * Every statement line of an account between two dates, fetched {@code pageSize} at a time.
   *
   * @param accountId the account's id
   * @param from first day, or null for no lower bound
   * @param to last day, or null for no upper bound
   * @param pageSize lines per page, or null for the largest
   * @return the statement lines, fetched page by page as you iterate
   */
  public AutoPager<StatementTransaction> statementAutoPaging(String accountId, LocalDate from, LocalDate to,
      Integer pageSize) {
    return statementAutoPaging(accountId, from, to, pageSize, RequestOptions.none());
  }

  /**
   * Like {@link #statementAutoPaging(String, LocalDate, LocalDate, Integer)}; every page with these options.
   *
   * @param accountId the account's id
   * @param from first day, or null for no lower bound
   * @param to last day, or null for no upper bound
   * @param pageSize lines per page, or null for the largest
   * @param options the options of this call (deadline, headers); not null
   * @return the statement lines, fetched page by page as you iterate
   */
  public AutoPager<StatementTransaction> statementAutoPaging(String accountId, LocalDate from, LocalDate to,
      Integer pageSize, RequestOptions options) {
    require(options, "getStatement");
    Map<String, Object> q = query(null, pageSize);
    q.putAll(dates(from, to));
    return Paging.pager(runtime.spec(), runtime.mapper(), "getStatement", q,
        StatementPage.class, params -> CallReport.run(options, () -> fetchStatement(accountId, params)));
  }

  private static void require(RequestOptions options, String operationId) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, operationId);
  }

  private AccountPage fetchAccounts(String customerId, Map<String, Object> q) {
    AccountsApi.ListAccountsQueryParams params = new AccountsApi.ListAccountsQueryParams();
    q.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.listAccounts(customerId, params);
  }

  private AccountTypePage fetchTypes(Map<String, Object> q) {
    AccountsApi.ListAccountTypesQueryParams params = new AccountsApi.ListAccountTypesQueryParams();
    q.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.listAccountTypes(params);
  }

  private StatementPage fetchStatement(String accountId, Map<String, Object> q) {
    AccountsApi.GetStatementQueryParams params = new AccountsApi.GetStatementQueryParams();
    q.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.getStatement(accountId, params);
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
