package dev.paykit.prunny;

import dev.paykit.prunny.model.ResponseCode;

/**
 * The answer to a Prunny transaction that returns its own data (mandates, account opening): the data,
 * and what the response code says about it. Only {@link TransferResult.Outcome#COMPLETED} means it is
 * done; a pending answer is never silently a success.
 *
 * @param outcome what the response code says
 * @param responseCode Prunny's code
 * @param message Prunny's message
 * @param idempotencyKey the key the call used (repeat the call with it to get the stored answer)
 * @param data the answer's data
 * @param <T> the data type
 */
public record PrunnyResult<T>(
    TransferResult.Outcome outcome, ResponseCode responseCode, String message, String idempotencyKey, T data) {

  /** {@return whether the response code says it is done} */
  public boolean isCompleted() {
    return outcome == TransferResult.Outcome.COMPLETED;
  }

  /** {@return whether it is accepted and still in progress, or its status is unknown} */
  public boolean isPending() {
    return outcome == TransferResult.Outcome.PENDING;
  }

  /** {@return whether it waits for the customer's OTP (or other authorization)} */
  public boolean requiresAuthorization() {
    return outcome == TransferResult.Outcome.AUTHORIZATION_REQUIRED;
  }
}
