package dev.paykit.prunny;

import dev.paykit.core.internal.Arguments;
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
  private final TransactionCalls calls;

  PrunnyFunds(ClientRuntime runtime, TransactionCalls calls) {
    this.api = runtime.api(FundsApi.class);
    this.calls = calls;
  }

  /** Holds funds; {@link dev.paykit.prunny.BlockFailedException} when they cannot be held. */
  public TransferResult hold(HoldFundsRequest request, String idempotencyKey) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "holdFunds");
    String key = calls.key(idempotencyKey);
    return PrunnyTransfers.fromTransaction(request.getReferenceId(), key,
        calls.run(request.getReferenceId(), key, k -> api.holdFunds(k, null, request)));
  }

  /** Releases held funds; {@link dev.paykit.prunny.UnblockFailedException} when they cannot be released. */
  public TransferResult release(ReleaseFundsRequest request, String idempotencyKey) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "releaseFunds");
    String key = calls.key(idempotencyKey);
    return PrunnyTransfers.fromTransaction(request.getReferenceId(), key,
        calls.run(request.getReferenceId(), key, k -> api.releaseFunds(k, null, request)));
  }

  /** The hold with this reference on this account. */
  public HeldFunds held(String accountNumber, String referenceId) {
    var r = api.getHeldFunds(accountNumber, referenceId, null);
    return r.getData();
  }
}
