package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.AccountsApi;
import dev.paykit.paypercut.model.Account;
import dev.paykit.paypercut.model.AccountCreateRequest;
import dev.paykit.paypercut.model.ExternalAccountCreateRequest;
import dev.paykit.paypercut.model.ExternalAccountEntry;

/**
 * Accounts: the current account ({@link #retrieveCurrent}, or the connected account of the options'
 * scope), connected accounts and their external bank accounts. Act as a connected account with
 * {@link PaypercutClient#forAccount(String)} or {@code RequestOptions.builder().scope(accountId)}.
 * Thread-safe.
 */
public final class PaypercutAccounts {

  private final AccountsApi api;

  PaypercutAccounts(ClientRuntime runtime) {
    this.api = runtime.api(AccountsApi.class);
  }

  /**
   * Retrieves the key's own account ({@code GET /v1/account}).
   *
   * @return the account
   */
  public Account retrieveCurrent() {
    return retrieveCurrent(RequestOptions.none());
  }

  /**
   * {@code GET /v1/account}: the key's account, or with a scope the connected account.
   *
   * @param options the options of this call; with a scope, the connected account is read
   * @return the account
   */
  public Account retrieveCurrent(RequestOptions options) {
    return Calls.run("getAccount", options, api::getAccount);
  }

  /**
   * Creates a connected account.
   *
   * @param request the account to create; not null
   * @return the created account
   */
  public Account create(AccountCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a connected account.
   *
   * @param request the account to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created account
   */
  public Account create(AccountCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createAccount");
    return Calls.run("createAccount", options, () -> api.createAccount(null, request));
  }

  /**
   * Adds a bank account (IBAN) to a connected account.
   *
   * @param accountId the connected account's id
   * @param request the bank account to add; not null
   * @return the bank account as Paypercut stored it
   */
  public ExternalAccountEntry createExternalAccount(String accountId, ExternalAccountCreateRequest request) {
    return createExternalAccount(accountId, request, RequestOptions.none());
  }

  /**
   * Adds a bank account (IBAN) to a connected account.
   *
   * @param accountId the connected account's id
   * @param request the bank account to add; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the bank account as Paypercut stored it
   */
  public ExternalAccountEntry createExternalAccount(String accountId, ExternalAccountCreateRequest request,
      RequestOptions options) {
    Calls.require(accountId, "accountId", "createExternalAccount");
    Calls.require(request, "request", "createExternalAccount");
    return Calls.run("createExternalAccount", options, () -> api.createExternalAccount(accountId, null, request));
  }
}
