package dev.paykit.prunny;

import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prunny.api.MandatesApi;
import dev.paykit.prunny.model.Mandate;
import dev.paykit.prunny.model.MandateCancellation;
import dev.paykit.prunny.model.MandatePayment;
import dev.paykit.prunny.model.MandatePaymentRequest;
import dev.paykit.prunny.model.MandateRequest;
import dev.paykit.prunny.model.MandateResult;
import java.math.BigDecimal;

/**
 * Direct-debit mandates: create, charge, read, update, cancel. Every change carries an idempotency key
 * (yours, or a new one per call) and returns a {@link PrunnyResult} whose outcome says whether it is
 * done, pending or waiting for authorization; a {@code 97} answer throws
 * {@link TransferOutcomeUnknownException}. Thread-safe.
 */
public final class PrunnyMandates {

  private final MandatesApi api;
  private final TransactionCalls calls;

  PrunnyMandates(ClientRuntime runtime, TransactionCalls calls) {
    this.api = runtime.api(MandatesApi.class);
    this.calls = calls;
  }

  public PrunnyResult<MandateResult> create(MandateRequest request, String idempotencyKey) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "createMandate");
    String key = calls.key(idempotencyKey);
    var r = calls.run(request.getReferenceId(), key, k -> api.createMandate(k, null, request));
    MandateResult data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), request.getReferenceId(), key,
        data == null ? null : data.getAuthDetails()), r.getStatus(), r.getMessage(), key, data);
  }

  /** Charges a mandate. */
  public PrunnyResult<MandatePayment> pay(String mandateId, BigDecimal amount, String idempotencyKey) {
    String key = calls.key(idempotencyKey);
    var r = calls.run(mandateId, key,
        k -> api.payMandate(mandateId, k, null, new MandatePaymentRequest().amount(amount)));
    MandatePayment data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), mandateId, key, null), r.getStatus(), r.getMessage(), key, data);
  }

  public Mandate get(String account, String mandateId) {
    var r = api.getMandate(account, mandateId, null);
    return r.getData();
  }

  public PrunnyResult<MandateResult> update(String account, String mandateId, MandateRequest request,
      String idempotencyKey) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "updateMandate");
    String key = calls.key(idempotencyKey);
    var r = calls.run(request.getReferenceId(), key, k -> api.updateMandate(account, mandateId, k, null, request));
    MandateResult data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), request.getReferenceId(), key,
        data == null ? null : data.getAuthDetails()), r.getStatus(), r.getMessage(), key, data);
  }

  public PrunnyResult<MandateCancellation> cancel(String mandateId, String idempotencyKey) {
    String key = calls.key(idempotencyKey);
    var r = calls.run(mandateId, key, k -> api.cancelMandate(mandateId, k, null));
    MandateCancellation data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), mandateId, key, null), r.getStatus(), r.getMessage(), key, data);
  }
}
