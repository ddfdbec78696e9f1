package dev.paykit.paypercut;

/**
 * Implemented by every exception built from a Paypercut error answer: the error object's fields
 * ({@link PaypercutError}). Catch the core types ({@code dev.paykit.core.DeclinedException},
 * {@code InvalidRequestException}, ...) and read the details here:
 *
 * <pre>{@code
 * } catch (InvalidRequestException e) {
 *   String field = e instanceof PaypercutFailure f ? f.paypercutError().param() : null;
 * }
 * }</pre>
 */
public interface PaypercutFailure {

  /** {@return the error object of the answer; {@link PaypercutError#NONE} when the body had none} */
  PaypercutError paypercutError();
}
