package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.AuthorizationValue;
import dev.paykit.prunny.model.BulkInterBankTransferRequest;
import dev.paykit.prunny.model.BulkIntraBankTransferRequest;
import dev.paykit.prunny.model.CompleteTransactionRequest;
import dev.paykit.prunny.model.CompleteTransactionResponse;
import dev.paykit.prunny.model.CompletionResult;
import dev.paykit.prunny.model.InterBankTransferRequest;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.prunny.model.NameEnquiryRequest;
import dev.paykit.prunny.model.NameEnquiryResult;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.prunny.model.TransactionResponse;
import dev.paykit.prunny.model.TransactionResult;
import dev.paykit.prunny.model.TransactionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Name enquiry, transfers (single and bulk, intra- and inter-bank), OTP completion and the status query.
 *
 * <p>Every transfer carries an idempotency key: yours ({@link RequestOptions#idempotencyKey()}; pass the
 * same key to repeat a call safely) or a new one per call; retries of the call reuse it, so Prunny never
 * posts the transfer twice, and the result names it. A transfer
 * either returns a {@link TransferResult} (completed, pending, or waiting for an OTP), throws a typed
 * {@link dev.paykit.core.DeclinedException} (insufficient funds, limit...), or throws
 * {@link TransferOutcomeUnknownException} when nobody can tell yet. Thread-safe.
 */
public final class PrunnyTransfers {

  private final TransfersApi api;
  private final RetryPolicy pollPolicy;
  private final Clock clock;

  PrunnyTransfers(ClientRuntime runtime, RetryPolicy pollPolicy, Clock clock) {
    this.api = runtime.api(TransfersApi.class);
    this.pollPolicy = pollPolicy;
    this.clock = clock;
  }

  /**
   * The name on an account; {@code bankCode} null for a Prunny account.
   *
   * @param accountNumber the account number
   * @param bankCode the bank's code, or null for a Prunny account
   * @return the account's name as its bank holds it
   */
  public NameEnquiryResult nameEnquiry(String accountNumber, String bankCode) {
    return nameEnquiry(accountNumber, bankCode, RequestOptions.none());
  }

  /**
   * Like {@link #nameEnquiry(String, String)}, with options for this call.
   *
   * @param accountNumber the account number
   * @param bankCode the bank's code, or null for a Prunny account
   * @param options the options of this call (deadline, headers); not null
   * @return the account's name as its bank holds it
   */
  public NameEnquiryResult nameEnquiry(String accountNumber, String bankCode, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "nameEnquiry");
    var r = CallReport.run(options, () -> api.nameEnquiry(
        new NameEnquiryRequest().accountNumber(accountNumber).bankCode(bankCode)));
    return r.getData();
  }

  /**
   * A transfer between two Prunny accounts, under a new idempotency key.
   *
   * @param request the transfer; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult intraBank(IntraBankTransferRequest request) {
    return intraBank(request, RequestOptions.none());
  }

  /**
   * A transfer between two Prunny accounts, with options for this call: pass your idempotency key
   * ({@link RequestOptions#ofIdempotencyKey}) to be able to repeat it safely.
   *
   * @param request the transfer; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult intraBank(IntraBankTransferRequest request, RequestOptions options) {
    require(request, options, "intraBankTransfer");
    return transfer(request.getReferenceId(), TransactionCalls.run("referenceId", request.getReferenceId(),
        null, options, () -> api.intraBankTransfer(null, request)));
  }

  /**
   * A transfer to another bank, under a new idempotency key.
   *
   * @param request the transfer; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult interBank(InterBankTransferRequest request) {
    return interBank(request, RequestOptions.none());
  }

  /**
   * A transfer to another bank, with options for this call (your idempotency key, a deadline...).
   *
   * @param request the transfer; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult interBank(InterBankTransferRequest request, RequestOptions options) {
    require(request, options, "interBankTransfer");
    return transfer(request.getReferenceId(), TransactionCalls.run("referenceId", request.getReferenceId(),
        null, options, () -> api.interBankTransfer(null, request)));
  }

  /**
   * Several Prunny-internal credits from one source, under a new idempotency key.
   *
   * @param request the source and its credits; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult bulkIntraBank(BulkIntraBankTransferRequest request) {
    return bulkIntraBank(request, RequestOptions.none());
  }

  /**
   * Several Prunny-internal credits from one source, with options for this call.
   *
   * @param request the source and its credits; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult bulkIntraBank(BulkIntraBankTransferRequest request, RequestOptions options) {
    require(request, options, "bulkIntraBankTransfer");
    return transfer(request.getReferenceId(), TransactionCalls.run("referenceId", request.getReferenceId(),
        null, options, () -> api.bulkIntraBankTransfer(null, request)));
  }

  /**
   * Several inter-bank credits from one source, under a new idempotency key.
   *
   * @param request the source and its credits; not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult bulkInterBank(BulkInterBankTransferRequest request) {
    return bulkInterBank(request, RequestOptions.none());
  }

  /**
   * Several inter-bank credits from one source, with options for this call.
   *
   * @param request the source and its credits; not null
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult bulkInterBank(BulkInterBankTransferRequest request, RequestOptions options) {
    require(request, options, "bulkInterBankTransfer");
    return transfer(request.getReferenceId(), TransactionCalls.run("referenceId", request.getReferenceId(),
        null, options, () -> api.bulkInterBankTransfer(null, request)));
  }

  /**
   * Completes a transaction that answered {@link TransferResult.Outcome#AUTHORIZATION_REQUIRED} with the
   * customer's OTP.
   *
   * @param transactionRef Prunny's reference from the first answer
   * @param requestRef your reference for this completion request
   * @param otp the one-time password the customer received
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult complete(String transactionRef, String requestRef, String otp) {
    return complete(transactionRef, requestRef, otp, RequestOptions.none());
  }

  /**
   * Like {@link #complete(String, String, String)}, with options for this call.
   *
   * @param transactionRef Prunny's reference from the first answer
   * @param requestRef your reference for this completion request
   * @param otp the one-time password the customer received
   * @param options the options of this call (your idempotency key, a deadline...); not null
   * @return the result: completed, pending or waiting for an OTP
   */
  public TransferResult complete(String transactionRef, String requestRef, String otp, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "completeTransaction");
    CompleteTransactionRequest body = new CompleteTransactionRequest().transactionRef(transactionRef)
        .requestRef(requestRef).authDetails(List.of(new AuthorizationValue().type("OTP").value(otp)));
    var keyed = TransactionCalls.run("referenceId", requestRef, transactionRef, options,
        () -> api.completeTransaction(null, body));
    CompleteTransactionResponse r = keyed.response();
    CompletionResult data = r.getData();
    ResponseCode code = data != null && data.getStatusCode() != null ? data.getStatusCode() : r.getStatus();
    if (PrunnyCodes.kind(code) == PrunnyCodes.Kind.FAILURE) {
      throw PrunnyCodes.exception(code, ErrorDetails.http(PrunnyResponses.PROVIDER, 200, code.getValue(),
          data != null && data.getError() != null ? data.getError() : r.getMessage()));
    }
    String ref = data != null && data.getTransactionRef() != null ? data.getTransactionRef() : transactionRef;
    return TransactionCalls.result(code, r.getMessage(), ref, requestRef, keyed.key(), List.of(),
        r.getExpansionFields(), data == null ? null : data.getExpansionFields());
  }

  /**
   * The transaction's current status (its code is {@code statusCode}).
   *
   * @param transactionRef Prunny's reference of the transaction
   * @return the status; its {@code statusCode} may still be pending
   */
  public TransactionStatus status(String transactionRef) {
    return status(transactionRef, RequestOptions.none());
  }

  /**
   * Like {@link #status(String)}, with options for this call.
   *
   * @param transactionRef Prunny's reference of the transaction
   * @param options the options of this call (deadline, headers); not null
   * @return the status; its {@code statusCode} may still be pending
   */
  public TransactionStatus status(String transactionRef, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getTransactionStatus");
    var r = CallReport.run(options, () -> api.getTransactionStatus(transactionRef));
    return r.getData();
  }

  /**
   * Polls the status query until the transaction is final, waiting between polls as the client's poll
   * policy says (exponential, bounded in count and time). Returns the final status when it succeeded;
   * throws the typed exception of its failure code; throws {@link TransferOutcomeUnknownException} when
   * it is still not final when the policy is spent.
   *
   * @param transactionRef Prunny's reference of the transaction
   * @return the final, successful status
   */
  public TransactionStatus awaitFinalStatus(String transactionRef) {
    return awaitFinalStatus(transactionRef, RequestOptions.none());
  }

  /**
   * Like {@link #awaitFinalStatus(String)}; every status query is made with these options.
   *
   * @param transactionRef Prunny's reference of the transaction
   * @param options the options of every status query (deadline, headers); not null
   * @return the final, successful status
   */
  public TransactionStatus awaitFinalStatus(String transactionRef, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getTransactionStatus");
    Instant deadline = clock.instant().plus(pollPolicy.maxElapsed());
    for (int poll = 1; ; poll++) {
      TransactionStatus status = status(transactionRef, options);
      ResponseCode code = status == null ? null : status.getStatusCode();
      PrunnyCodes.Kind kind = PrunnyCodes.kind(code);
      if (kind == PrunnyCodes.Kind.SUCCESS) {
        return status;
      }
      if (kind == PrunnyCodes.Kind.FAILURE) {
        throw PrunnyCodes.exception(code, ErrorDetails.http(PrunnyResponses.PROVIDER, 200, code.getValue(),
            status.getStatus()));
      }
      var wait = pollPolicy.backoff(poll);
      if (poll >= pollPolicy.maxAttempts() || clock.instant().plus(wait).isAfter(deadline)) {
        ErrorDetails d = ErrorDetails.http(PrunnyResponses.PROVIDER, 200,
            code == null ? null : code.getValue(), "still not final after " + poll + " status queries");
        throw new TransferOutcomeUnknownException(new OutcomeUnknownException(d, null), null, transactionRef, null);
      }
      try {
        pollPolicy.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + transactionRef, e);
      }
    }
  }

  private static void require(Object request, RequestOptions options, String operationId) {
    Arguments.require(request, "request", PrunnyResponses.PROVIDER, operationId);
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, operationId);
  }

  private static TransferResult transfer(String referenceId, TransactionCalls.Keyed<TransactionResponse> keyed) {
    return transfer(referenceId, keyed.key(), keyed.response());
  }

  private static TransferResult transfer(String referenceId, String key, TransactionResponse r) {
    TransactionResult data = r.getData();
    return TransactionCalls.result(r.getStatus(), r.getMessage(),
        data == null ? null : data.getTransactionRef(), referenceId, key,
        data == null ? null : data.getAuthDetails(), r.getExpansionFields(),
        data == null ? null : data.getExpansionFields());
  }

  static TransferResult fromTransaction(String referenceId, TransactionCalls.Keyed<TransactionResponse> keyed) {
    return transfer(referenceId, keyed);
  }
}
