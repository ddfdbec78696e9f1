package dev.paykit.paypercut;

import dev.paykit.core.ErrorDetails;
import java.util.Optional;

/**
 * The card was declined ({@code card_error}). {@link #declineCode()} is the issuer's reason
 * ({@code insufficient_funds}, {@code expired_card}, ...), {@link #adviceCode()} what to do next. Never
 * retried by the client (the same card gives the same answer); {@link #doNotTryAgain()} says when
 * Paypercut advises never to charge this card again. Show the customer a generic message and let them
 * pick another payment method.
 */
public class CardDeclinedException extends dev.paykit.core.DeclinedException implements PaypercutFailure {

  private static final long serialVersionUID = 1L;

  /** Paypercut's error object; {@link PaypercutError#NONE} when the answer had none. */
  private final PaypercutError error;

  CardDeclinedException(ErrorDetails details, PaypercutError error) {
    super(details, null);
    this.error = error == null ? PaypercutError.NONE : error;
  }

  @Override
  public PaypercutError paypercutError() {
    return error;
  }

  /** The issuer's reason ({@code decline_code}), e.g. {@code insufficient_funds}. */
  @Override
  public Optional<String> declineCode() {
    return Optional.ofNullable(error.declineCode());
  }

  /**
   * {@return {@code advice_code}: {@code try_again_later}, {@code do_not_try_again}, {@code confirm_card_data},
   * ...}
   */
  public Optional<String> adviceCode() {
    return Optional.ofNullable(error.adviceCode());
  }

  /** {@return the card network's decline code ({@code network_decline_code}), e.g. {@code 51}} */
  public Optional<String> networkDeclineCode() {
    return Optional.ofNullable(error.networkDeclineCode());
  }

  /** {@return the card network's advice ({@code network_advice_code})} */
  public Optional<String> networkAdviceCode() {
    return Optional.ofNullable(error.networkAdviceCode());
  }

  /** {@return whether Paypercut advises never to try this card again ({@code advice_code: do_not_try_again})} */
  public boolean doNotTryAgain() {
    return error.doNotTryAgain();
  }
}
