package dev.paykit.prunny;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.CallReport;
import dev.paykit.prunny.model.AuthorizationPrompt;
import dev.paykit.prunny.model.ExpansionField;
import dev.paykit.prunny.model.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs Prunny's transaction POSTs (transfers, holds, mandates, account opening) so that none can happen
 * twice. The pipeline owns the idempotency key (the caller's from {@link RequestOptions}, or a new one),
 * sends it on every attempt and tells it back through the call's {@link CallReport}; an outcome that
 * stays unknown (decided by the core: connection lost after sending and not recovered by the retries, an
 * unreadable answer, a server error, code {@code 97}) becomes a {@link TransferOutcomeUnknownException}
 * that says how to resolve it. Stateless and thread-safe.
 */
final class TransactionCalls {

  private TransactionCalls() {}

  /** A transaction call's answer and the idempotency key it was sent under. */
  record Keyed<R>(R response, String key) {}

  /**
   * Runs one transaction call with the caller's options. The core already turned every failure after
   * which Prunny may have acted into an {@link OutcomeUnknownException} carrying the key; this adds
   * Prunny's detail to it.
   *
   * @param referenceName what {@code reference} is, for messages ({@code referenceId}, {@code mandateId})
   * @param knownTransactionRef Prunny's reference when the caller already knows it (an OTP completion),
   *     named by the unknown outcome when the answer did not name one; else null
   */
  static <R> Keyed<R> run(String referenceName, String reference, String knownTransactionRef,
      RequestOptions options, Supplier<R> call) {
    CallReport report = CallReport.of(options);
    try {
      R response = report.run(call);
      return new Keyed<>(response, report.idempotencyKey());
    } catch (TransferOutcomeUnknownException e) {
      throw e;
    } catch (OutcomeUnknownException e) {
      String answered = transactionRefIn(e);
      throw new TransferOutcomeUnknownException(e, referenceName, reference,
          answered != null ? answered : knownTransactionRef, e.idempotencyKey());
    }
  }

  /** Prunny's transactionRef when an answer carried one (code 97 in a success envelope), else null. */
  private static String transactionRefIn(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof TransferOutcomeUnknownException t && t.transactionRef() != null) {
        return t.transactionRef();
      }
    }
    return null;
  }

  /**
   * The result of a transaction answer: code {@code 97} throws, pending and unknown codes give a pending
   * result, success a completed one (failure codes were thrown by the decoder already).
   */
  static TransferResult result(ResponseCode code, String message, String transactionRef, String referenceId,
      String key, List<AuthorizationPrompt> prompts, List<ExpansionField> responseFields,
      List<ExpansionField> dataFields) {
    TransferResult.Outcome outcome = outcome(code, message, transactionRef, referenceId, key, prompts);
    List<ExpansionField> fields = new ArrayList<>();
    if (responseFields != null) {
      fields.addAll(responseFields);
    }
    if (dataFields != null) {
      fields.addAll(dataFields);
    }
    return new TransferResult(outcome, code, message, transactionRef, referenceId, key, prompts, fields);
  }

  /** The outcome an answer's code gives; code {@code 97} throws instead. */
  static TransferResult.Outcome outcome(ResponseCode code, String message, String transactionRef,
      String referenceId, String key, List<AuthorizationPrompt> prompts) {
    if (PrunnyCodes.kind(code) == PrunnyCodes.Kind.OUTCOME_UNKNOWN) {
      PaykitException reported = new OutcomeUnknownException(ErrorDetails.builder(PrunnyResponses.PROVIDER)
          .httpStatus(200).providerCode(code.getValue()).providerMessage(message).build(), null);
      throw new TransferOutcomeUnknownException(reported, referenceId, transactionRef, key);
    }
    return TransferResult.outcomeOf(code, prompts);
  }
}
