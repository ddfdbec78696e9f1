package dev.paykit.promptcash;

import dev.paykit.promptcash.model.CreatePaymentResponse;

/**
 * Prompt.Cash's answer to a create, and what the SDK knows about how it came about.
 *
 * <p>{@link #getExisting()} is Prompt.Cash's own flag: the {@code tx_id} named a payment before this
 * request arrived. That is also what Prompt.Cash answers when the SDK itself re-sent the create because
 * an earlier attempt's answer was lost: the earlier attempt may have created the payment. So read
 * {@link #createdOnAnEarlierAttempt()} before concluding that "nothing new was created".
 */
public final class CreatePaymentResult extends CreatePaymentResponse {

  private final boolean earlierAttemptMayHaveCreated;

  CreatePaymentResult(CreatePaymentResponse answer, boolean earlierAttemptMayHaveCreated) {
    this.earlierAttemptMayHaveCreated = earlierAttemptMayHaveCreated;
    setPayment(answer.getPayment());
    setExisting(answer.getExisting());
  }

  /**
   * True when Prompt.Cash answered {@code existing: true} to a retry of this call, after an earlier
   * attempt whose answer was lost: that attempt most likely created the payment. Prompt.Cash cannot say
   * whether it did or an earlier call of yours with the same {@code tx_id} did; if you never used this
   * {@code tx_id} before, this call created the payment.
   *
   * @return true when a lost earlier attempt of this call most likely created the payment
   */
  public boolean createdOnAnEarlierAttempt() {
    return Boolean.TRUE.equals(getExisting()) && earlierAttemptMayHaveCreated;
  }

  /**
   * Whether this call (on its first attempt, or on an earlier attempt whose answer was lost) may have
   * created the payment: {@code existing} is false, or {@link #createdOnAnEarlierAttempt()}. False means
   * the payment existed before this call: nothing new was created.
   *
   * @return false only when the payment existed before this call
   */
  public boolean createdByThisCall() {
    return !Boolean.TRUE.equals(getExisting()) || earlierAttemptMayHaveCreated;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CreatePaymentResult r && super.equals(o)
        && r.earlierAttemptMayHaveCreated == earlierAttemptMayHaveCreated;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Boolean.hashCode(earlierAttemptMayHaveCreated);
  }
}
