package dev.paykit.prunny;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.IdempotencyKeys;
import dev.paykit.prunny.model.AuthorizationPrompt;
import dev.paykit.prunny.model.ExpansionField;
import dev.paykit.prunny.model.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs Prunny's transaction POSTs (transfers, holds, mandates, account opening) so that none can happen
 * twice: the idempotency key is fixed here, before the call (the caller's, or a new one), so the facade
 * knows it and every retry of the pipeline sends it; an outcome that stays unknown (decided by the core:
 * connection lost after sending and not recovered by the retries, an unreadable answer, a server error,
 * code {@code 97}) becomes a {@link TransferOutcomeUnknownException} that says how to resolve it.
 * Thread-safe.
 */
final class TransactionCalls {

  private final IdempotencyKeys keys;

  TransactionCalls(IdempotencyKeys keys) {
    this.keys = keys;
  }

  /** The caller's key, or a fresh one; checked by the pipeline either way. */
  String key(String callerKey) {
    return callerKey != null ? callerKey : keys.generate();
  }

  /**
   * Runs one transaction call. The core already turned every failure after which Prunny may have acted
   * into an {@link OutcomeUnknownException} carrying the key; this adds Prunny's detail to it.
   */
  <R> R run(String referenceId, String key, Function<String, R> call) {
    return run(referenceId, null, key, call);
  }

  /**
   * As {@link #run(String, String, Function)}, for a call about a transaction the caller already knows
   * ({@code knownTransactionRef}, e.g. the one an OTP completion completes): the unknown outcome names it
   * when the answer did not.
   */
  <R> R run(String referenceId, String knownTransactionRef, String key, Function<String, R> call) {
    try {
      return call.apply(key);
    } catch (TransferOutcomeUnknownException e) {
      throw e;
    } catch (OutcomeUnknownException e) {
      String answered = transactionRefIn(e);
      throw new TransferOutcomeUnknownException(e, referenceId, answered != null ? answered : knownTransactionRef, key);
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
      PaykitException reported = new OutcomeUnknownException(new dev.paykit.core.ErrorDetails(
          PrunnyResponses.PROVIDER, null, 200, code.getValue(), message, null, false, null, true), null);
      throw new TransferOutcomeUnknownException(reported, referenceId, transactionRef, key);
    }
    return TransferResult.outcomeOf(code, prompts);
  }
}
