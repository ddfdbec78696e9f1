package dev.paykit.paypercut;

import java.util.Optional;

/**
 * Paypercut's error object as it arrived (https://docs.paypercut.io/api-reference/model/ApiError), every
 * field redacted of the client's secrets. Carried by every Paypercut exception ({@link PaypercutFailure}).
 *
 * @param type {@code api_error}, {@code card_error}, {@code idempotency_error}, {@code invalid_request_error}
 *     (the guides also name {@code authentication_error}); null when the body had none
 * @param code e.g. {@code card_declined}, {@code parameter_invalid}, {@code account_required}; may be null
 * @param declineCode the issuer's reason for a card decline, e.g. {@code insufficient_funds}
 * @param adviceCode what to do next: {@code try_again_later}, {@code do_not_try_again},
 *     {@code confirm_card_data}, {@code adjust_amount}
 * @param networkDeclineCode the card network's code, e.g. {@code 51}
 * @param networkAdviceCode the card network's advice
 * @param message the human-readable message
 * @param param the request field at fault, e.g. {@code company.tax_id}
 * @param traceId Paypercut's id of the request, for its support (also the exception's {@code requestId()})
 * @param violationCode the rule that was violated
 * @param nextActionType {@code next_action.type}, when Paypercut says what must happen next
 * @serial exclude (a record: its serialized form is its components, documented above)
 */
public record PaypercutError(
    String type,
    String code,
    String declineCode,
    String adviceCode,
    String networkDeclineCode,
    String networkAdviceCode,
    String message,
    String param,
    String traceId,
    String violationCode,
    String nextActionType) implements java.io.Serializable {

  /** No field at all: an error answer without Paypercut's error object (a proxy's page, an empty body). */
  public static final PaypercutError NONE =
      new PaypercutError(null, null, null, null, null, null, null, null, null, null, null);

  /** {@return the error's {@code type}, when the body had one} */
  public Optional<String> typeValue() {
    return Optional.ofNullable(type);
  }

  /** {@return the error's {@code code}, when the body had one} */
  public Optional<String> codeValue() {
    return Optional.ofNullable(code);
  }

  /** {@return the request field at fault ({@code param}), when Paypercut named one} */
  public Optional<String> paramValue() {
    return Optional.ofNullable(param);
  }

  /** {@return whether Paypercut advises never to try this again ({@code advice_code: do_not_try_again})} */
  public boolean doNotTryAgain() {
    return "do_not_try_again".equals(adviceCode);
  }
}
