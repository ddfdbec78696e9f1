package dev.paykit.prune;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.prune.api.AccountsApi;
import dev.paykit.prune.model.IssuedAccount;
import dev.paykit.prune.model.IssuedAccountList;
import dev.paykit.prune.model.IssuedCurrency;
import dev.paykit.prune.model.ValidateAccountRequest;
import dev.paykit.prune.model.ValidatedAccount;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts Prune issued to the business's customers: the list (one page, or every page as you
 * iterate), one account, its balance, and the validation of a beneficiary's account. Thread-safe.
 */
public final class PruneAccounts {

  static final String LIST = "listIssuedAccounts";

  private final ClientRuntime runtime;
  private final AccountsApi api;

  PruneAccounts(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(AccountsApi.class);
  }

  /**
   * One page (from 1) of the accounts issued in this currency.
   *
   * @param currency the accounts' currency; not null
   * @param page the page number, from 1
   * @return the page
   */
  public PrunePage<IssuedAccount> list(IssuedCurrency currency, int page) {
    return list(currency, page, RequestOptions.none());
  }

  /**
   * Like {@link #list(IssuedCurrency, int)}, with options for this call.
   *
   * @param currency the accounts' currency; not null
   * @param page the page number, from 1
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the page
   */
  public PrunePage<IssuedAccount> list(IssuedCurrency currency, int page, RequestOptions options) {
    Calls.require(currency, "currency", LIST);
    IssuedAccountList r = Calls.run(LIST, options, () -> fetch(query(currency, (long) page)));
    return new PrunePage<>(r.getData(), page, r.getMeta() == null ? null : r.getMeta().getTotal());
  }

  /**
   * Every account issued in this currency, a page at a time as you iterate ({@code page} from 1, until
   * the items seen reach {@code meta.total} or a page is empty).
   *
   * @param currency the accounts' currency; not null
   * @return the accounts, fetched page by page as you iterate
   */
  public AutoPager<IssuedAccount> listAutoPaging(IssuedCurrency currency) {
    return listAutoPaging(currency, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(IssuedCurrency)}; every page is fetched with these options.
   *
   * @param currency the accounts' currency; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the accounts, fetched page by page as you iterate
   */
  public AutoPager<IssuedAccount> listAutoPaging(IssuedCurrency currency, RequestOptions options) {
    Calls.require(currency, "currency", LIST);
    Calls.require(options, "options", LIST);
    return Paging.pager(runtime.spec(), runtime.mapper(), LIST, query(currency, null), IssuedAccountList.class,
        q -> Calls.run(LIST, options, () -> fetch(q)));
  }

  private static Map<String, Object> query(IssuedCurrency currency, Long page) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("currency", currency);
    q.put("page", page);
    return q;
  }

  private IssuedAccountList fetch(Map<String, Object> query) {
    return api.listIssuedAccounts(Calls.query(new AccountsApi.ListIssuedAccountsQueryParams(), query));
  }

  /**
   * One issued account.
   *
   * @param accountId the issued account's id
   * @param currency its currency
   * @return the account
   */
  public IssuedAccount get(String accountId, IssuedCurrency currency) {
    return get(accountId, currency, RequestOptions.none());
  }

  /**
   * Like {@link #get(String, IssuedCurrency)}, with options for this call.
   *
   * @param accountId the issued account's id
   * @param currency its currency
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the account
   */
  public IssuedAccount get(String accountId, IssuedCurrency currency, RequestOptions options) {
    Calls.require(accountId, "accountId", "getIssuedAccount");
    Calls.require(currency, "currency", "getIssuedAccount");
    return Calls.run("getIssuedAccount", options, () -> api.getIssuedAccount(accountId, currency).getData());
  }

  /**
   * An issued account's balance, in its currency (as Prune wrote it, scale kept).
   *
   * @param accountId the issued account's id
   * @return the balance, scale kept
   */
  public BigDecimal balance(String accountId) {
    return balance(accountId, RequestOptions.none());
  }

  /**
   * Like {@link #balance(String)}, with options for this call.
   *
   * @param accountId the issued account's id
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the balance, scale kept
   */
  public BigDecimal balance(String accountId, RequestOptions options) {
    Calls.require(accountId, "accountId", "getAccountBalance");
    return Calls.run("getAccountBalance", options, () -> api.getAccountBalance(accountId).getData());
  }

  /**
   * The bank behind an EUR account, by IBAN and BIC. A failed lookup is Prune's 404 ("Iban details validation failed").
   *
   * @param iban the account's IBAN
   * @param bic the bank's BIC
   * @return the bank and account Prune found
   */
  public ValidatedAccount validateIban(String iban, String bic) {
    return validate(new ValidateAccountRequest().iban(iban).bic(bic), RequestOptions.none());
  }

  /**
   * The bank behind a GBP account, by account number and sort code ({@code currency: GBP}).
   *
   * @param accountNumber the UK account number
   * @param sortCode the bank's sort code
   * @return the bank and account Prune found
   */
  public ValidatedAccount validateUkAccount(String accountNumber, String sortCode) {
    return validate(new ValidateAccountRequest().accountNumber(accountNumber).sortCode(sortCode)
        .currency(IssuedCurrency.GBP), RequestOptions.none());
  }

  /**
   * Any validation request (EUR: iban and bic; GBP: accountNumber, sortCode and currency GBP). Safe to repeat.
   *
   * @param request the account details to validate; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the bank and account Prune found
   */
  public ValidatedAccount validate(ValidateAccountRequest request, RequestOptions options) {
    Calls.require(request, "request", "validateAccountDetails");
    return Calls.run("validateAccountDetails", options, () -> api.validateAccountDetails(request).getData());
  }
}
