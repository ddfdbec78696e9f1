package dev.paykit.prunny;

import dev.paykit.prunny.model.AuthorizationPrompt;
import dev.paykit.prunny.model.ExpansionField;
import dev.paykit.prunny.model.ResponseCode;
import java.util.List;

/**
 * The answer to a transaction request that did not fail. Check {@link #outcome()}: only
 * {@link Outcome#COMPLETED} means the money moved. {@link Outcome#PENDING} must be resolved with
 * {@link PrunnyTransfers#awaitFinalStatus(String)}; {@link Outcome#AUTHORIZATION_REQUIRED} with
 * {@link PrunnyTransfers#complete(String, String, String)} and the customer's OTP.
 *
 * @param outcome what happened
 * @param responseCode Prunny's code ({@code 00}, {@code 09}...)
 * @param message Prunny's message
 * @param transactionRef Prunny's reference, for the status query and OTP completion
 * @param referenceId your reference for the transaction
 * @param idempotencyKey the key every attempt of this call carried (reuse it to repeat this exact call)
 * @param authPrompts what the customer must provide (OTP...) when authorization is required
 * @param expansionFields Prunny's proprietary extra fields, as sent
 */
public record TransferResult(
    Outcome outcome,
    ResponseCode responseCode,
    String message,
    String transactionRef,
    String referenceId,
    String idempotencyKey,
    List<AuthorizationPrompt> authPrompts,
    List<ExpansionField> expansionFields) {

  /** How a transaction request ended. */
  public enum Outcome {
    /** Done ({@code 00} or {@code 103}). */
    COMPLETED,
    /** Accepted and still in progress, or status unknown ({@code 01}, {@code 09}, or a code not in the table). */
    PENDING,
    /** Waiting for the customer's OTP (or other authorization); nothing moved yet. */
    AUTHORIZATION_REQUIRED
  }

  /**
   * Copies the lists, so that the result is immutable; a null list is taken as empty.
   *
   * @param outcome what happened
   * @param responseCode Prunny's code
   * @param message Prunny's message
   * @param transactionRef Prunny's reference
   * @param referenceId your reference for the transaction
   * @param idempotencyKey the key every attempt of this call carried
   * @param authPrompts what the customer must provide, or null for nothing
   * @param expansionFields Prunny's extra fields, or null for none
   */
  public TransferResult {
    authPrompts = authPrompts == null ? List.of() : List.copyOf(authPrompts);
    expansionFields = expansionFields == null ? List.of() : List.copyOf(expansionFields);
  }

  /** {@return whether the money moved} */
  public boolean isCompleted() {
    return outcome == Outcome.COMPLETED;
  }

  /**
   * {@return whether it is accepted and still in progress, or its status is unknown: resolve it with {@link
   * PrunnyTransfers#awaitFinalStatus(String)}}
   */
  public boolean isPending() {
    return outcome == Outcome.PENDING;
  }

  /**
   * {@return whether it waits for the customer's OTP: complete it with {@link PrunnyTransfers#complete(String,
   * String, String)}}
   */
  public boolean requiresAuthorization() {
    return outcome == Outcome.AUTHORIZATION_REQUIRED;
  }

  static Outcome outcomeOf(ResponseCode code, List<AuthorizationPrompt> prompts) {
    if (prompts != null && !prompts.isEmpty()) {
      return Outcome.AUTHORIZATION_REQUIRED;
    }
    return PrunnyCodes.kind(code) == PrunnyCodes.Kind.SUCCESS ? Outcome.COMPLETED : Outcome.PENDING;
  }
}
