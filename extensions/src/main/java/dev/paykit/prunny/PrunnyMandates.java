package dev.paykit.prunny;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
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

  PrunnyMandates(ClientRuntime runtime) {
    this.api = runtime.api(MandatesApi.class);
  }

  /** Creates a mandate under a new idempotency key. */
  public PrunnyResult<MandateResult> create(MandateRequest request) {
    return create(request, RequestOptions.none());
  }

  /** Creates a mandate, with options for this call (your idempotency key, a deadline...). */
  public PrunnyResult<MandateResult> create(MandateRequest request, RequestOptions options) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "createMandate");
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "createMandate");
    var keyed = TransactionCalls.run("referenceId", request.getReferenceId(), null, options,
        () -> api.createMandate(null, request));
    var r = keyed.response();
    String key = keyed.key();
    MandateResult data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), request.getReferenceId(), key,
        data == null ? null : data.getAuthDetails()), r.getStatus(), r.getMessage(), key, data);
  }

  /** Charges a mandate under a new idempotency key. */
  public PrunnyResult<MandatePayment> pay(String mandateId, BigDecimal amount) {
    return pay(mandateId, amount, RequestOptions.none());
  }

  /** Charges a mandate, with options for this call (your idempotency key, a deadline...). */
  public PrunnyResult<MandatePayment> pay(String mandateId, BigDecimal amount, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "payMandate");
    var keyed = TransactionCalls.run("mandateId", mandateId, null, options,
        () -> api.payMandate(mandateId, null, new MandatePaymentRequest().amount(amount)));
    var r = keyed.response();
    String key = keyed.key();
    MandatePayment data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), mandateId, key, null), r.getStatus(), r.getMessage(), key, data);
  }

  public Mandate get(String account, String mandateId) {
    return get(account, mandateId, RequestOptions.none());
  }

  /** Like {@link #get(String, String)}, with options for this call. */
  public Mandate get(String account, String mandateId, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getMandate");
    var r = CallReport.run(options, () -> api.getMandate(account, mandateId));
    return r.getData();
  }

  /** Updates a mandate under a new idempotency key. */
  public PrunnyResult<MandateResult> update(String account, String mandateId, MandateRequest request) {
    return update(account, mandateId, request, RequestOptions.none());
  }

  /** Updates a mandate, with options for this call (your idempotency key, a deadline...). */
  public PrunnyResult<MandateResult> update(String account, String mandateId, MandateRequest request,
      RequestOptions options) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, "updateMandate");
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "updateMandate");
    var keyed = TransactionCalls.run("referenceId", request.getReferenceId(), null, options,
        () -> api.updateMandate(account, mandateId, null, request));
    var r = keyed.response();
    String key = keyed.key();
    MandateResult data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), request.getReferenceId(), key,
        data == null ? null : data.getAuthDetails()), r.getStatus(), r.getMessage(), key, data);
  }

  /** Cancels a mandate under a new idempotency key. */
  public PrunnyResult<MandateCancellation> cancel(String mandateId) {
    return cancel(mandateId, RequestOptions.none());
  }

  /** Cancels a mandate, with options for this call (your idempotency key, a deadline...). */
  public PrunnyResult<MandateCancellation> cancel(String mandateId, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "cancelMandate");
    var keyed = TransactionCalls.run("mandateId", mandateId, null, options,
        () -> api.cancelMandate(mandateId, null));
    var r = keyed.response();
    String key = keyed.key();
    MandateCancellation data = r.getData();
    return new PrunnyResult<>(TransactionCalls.outcome(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), mandateId, key, null), r.getStatus(), r.getMessage(), key, data);
  }
}
