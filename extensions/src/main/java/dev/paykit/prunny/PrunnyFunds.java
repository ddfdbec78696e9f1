package dev.paykit.prunny;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prunny.api.FundsApi;
import dev.paykit.prunny.model.HeldFunds;
import dev.paykit.prunny.model.HoldFundsRequest;
import dev.paykit.prunny.model.ReleaseFundsRequest;

/**
 * Holds on an account's funds: a hold lowers the available balance until it is released. Both are
 * transaction POSTs with idempotency keys. Thread-safe.
 */
public final class PrunnyFunds {

  private final FundsApi api;

  PrunnyFunds(ClientRuntime runtime) {
    this.api = runtime.api(FundsApi.class);
  }

  /**
   * Holds funds under a new idempotency key; {@link BlockFailedException} when they cannot be held.
   *
   * @param request the account, amount and your reference of the hold; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult hold(HoldFundsRequest request) {
    return hold(request, RequestOptions.none());
  }

  /**
   * Holds funds, with options for this call (your idempotency key, a deadline...).
   *
   * @param request the account, amount and your reference of the hold; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult hold(HoldFundsRequest request, RequestOptions options) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "holdFunds");
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "holdFunds");
    return PrunnyTransfers.fromTransaction(request.getReferenceId(), TransactionCalls.run("referenceId",
        request.getReferenceId(), null, options, () -> api.holdFunds(null, request)));
  }

  /**
   * Releases held funds under a new key; {@link UnblockFailedException} when they cannot be released.
   *
   * @param request the hold to release; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult release(ReleaseFundsRequest request) {
    return release(request, RequestOptions.none());
  }

  /**
   * Releases held funds, with options for this call.
   *
   * @param request the hold to release; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult release(ReleaseFundsRequest request, RequestOptions options) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "releaseFunds");
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "releaseFunds");
    return PrunnyTransfers.fromTransaction(request.getReferenceId(), TransactionCalls.run("referenceId",
        request.getReferenceId(), null, options, () -> api.releaseFunds(null, request)));
  }

  /**
   * The hold with this reference on this account.
   *
   * @param accountNumber the account the funds are held on
   * @param referenceId your reference of the hold
   * @return the hold
   */
  public HeldFunds held(String accountNumber, String referenceId) {
    return held(accountNumber, referenceId, RequestOptions.none());
  }

  /**
   * Like {@link #held(String, String)}, with options for this call.
   *
   * @param accountNumber the account the funds are held on
   * @param referenceId your reference of the hold
   * @param options the options of this call (deadline, headers); not null
   * @return the hold
   */
  public HeldFunds held(String accountNumber, String referenceId, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getHeldFunds");
    var r = CallReport.run(options, () -> api.getHeldFunds(accountNumber, referenceId));
    return r.getData();
  }
}
