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

  /**
   * Creates a mandate under a new idempotency key.
   *
   * @param request the mandate; not null
   * @return the mandate and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<MandateResult> create(MandateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a mandate, with options for this call (your idempotency key, a deadline...).
   *
   * @param request the mandate; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the mandate and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
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

  /**
   * Charges a mandate under a new idempotency key.
   *
   * @param mandateId the mandate to charge
   * @param amount the amount in the mandate's currency, scale kept (a plain decimal on the wire)
   * @return the payment and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<MandatePayment> pay(String mandateId, BigDecimal amount) {
    return pay(mandateId, amount, RequestOptions.none());
  }

  /**
   * Charges a mandate, with options for this call (your idempotency key, a deadline...).
   *
   * @param mandateId the mandate to charge
   * @param amount the amount in the mandate's currency, scale kept (a plain decimal on the wire)
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the payment and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
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

  /**
   * The mandate with this id on this account.
   *
   * @param account the account the mandate debits
   * @param mandateId the mandate's id
   * @return the mandate
   */
  public Mandate get(String account, String mandateId) {
    return get(account, mandateId, RequestOptions.none());
  }

  /**
   * Like {@link #get(String, String)}, with options for this call.
   *
   * @param account the account the mandate debits
   * @param mandateId the mandate's id
   * @param options the options of this call (deadline, headers); not null
   * @return the mandate
   */
  public Mandate get(String account, String mandateId, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getMandate");
    var r = CallReport.run(options, () -> api.getMandate(account, mandateId));
    return r.getData();
  }

  /**
   * Updates a mandate under a new idempotency key.
   *
   * @param account the account the mandate debits
   * @param mandateId the mandate's id
   * @param request the mandate's new terms; not null
   * @return the update and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<MandateResult> update(String account, String mandateId, MandateRequest request) {
    return update(account, mandateId, request, RequestOptions.none());
  }

  /**
   * Updates a mandate, with options for this call (your idempotency key, a deadline...).
   *
   * @param account the account the mandate debits
   * @param mandateId the mandate's id
   * @param request the mandate's new terms; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the update and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
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

  /**
   * Cancels a mandate under a new idempotency key.
   *
   * @param mandateId the mandate to cancel
   * @return the cancellation and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
  public PrunnyResult<MandateCancellation> cancel(String mandateId) {
    return cancel(mandateId, RequestOptions.none());
  }

  /**
   * Cancels a mandate, with options for this call (your idempotency key, a deadline...).
   *
   * @param mandateId the mandate to cancel
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the cancellation and what its response code says; check {@link PrunnyResult#isCompleted()}
   */
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
