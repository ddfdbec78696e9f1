package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;

/**
 * The sandbox's test cards: payment methods present in every account under these ids, and the
 * behaviour of payment methods made from a confirmation token ({@code tok_visa} or any other token
 * makes a {@link #VISA}; {@code tok_card_declined}, {@code tok_card_insufficient_funds} ... the
 * card of that name). Paypercut documents no test cards; codes follow the error-object guide
 * ({@code decline_code}, {@code advice_code}) and ISO 8583 response codes for
 * {@code network_decline_code} (05 do not honour, 51 insufficient funds, 54 expired card), with
 * Mastercard merchant advice codes for {@code network_advice_code} (01 new account information,
 * 02 try again later, 03 do not try again).
 */
enum TestCard {
  VISA("pm_card_visa", "visa", "4242", null, null, null, null, null),
  MASTERCARD("pm_card_mastercard", "mastercard", "4444", null, null, null, null, null),
  DECLINED("pm_card_declined", "visa", "0002", "generic_decline", "try_again_later", "05", "02",
      "Your card was declined."),
  INSUFFICIENT_FUNDS("pm_card_insufficient_funds", "visa", "9995", "insufficient_funds",
      "try_again_later", "51", "02", "Your card has insufficient funds."),
  DO_NOT_TRY_AGAIN("pm_card_do_not_try_again", "visa", "0119", "do_not_honor", "do_not_try_again",
      "05", "03", "Your card was declined. Do not try this card again."),
  EXPIRED("pm_card_expired", "visa", "0069", "expired_card", "confirm_card_data", "54", "01",
      "Your card has expired.");

  static final int EXP_MONTH = 12;
  static final int EXP_YEAR = 2034;

  final String id;
  final String brand;
  final String last4;
  final String declineCode;
  final String adviceCode;
  final String networkDeclineCode;
  final String networkAdviceCode;
  final String declineMessage;

  TestCard(String id, String brand, String last4, String declineCode, String adviceCode,
      String networkDeclineCode, String networkAdviceCode, String declineMessage) {
    this.id = id;
    this.brand = brand;
    this.last4 = last4;
    this.declineCode = declineCode;
    this.adviceCode = adviceCode;
    this.networkDeclineCode = networkDeclineCode;
    this.networkAdviceCode = networkAdviceCode;
    this.declineMessage = declineMessage;
  }

  boolean declines() {
    return declineCode != null;
  }

  /** The test card with this payment method id ({@code pm_card_visa}), or null. */
  static TestCard byId(String id) {
    for (TestCard card : values()) {
      if (card.id.equals(id)) {
        return card;
      }
    }
    return null;
  }

  /** The card a confirmation token stands for: {@code tok_card_declined} is {@link #DECLINED}, else VISA. */
  static TestCard forToken(String token) {
    if (token != null && token.startsWith("tok_")) {
      TestCard card = byId("pm_" + token.substring(4));
      if (card != null) {
        return card;
      }
    }
    return VISA;
  }

  /** The spec's Card object. */
  ObjectNode card(String cardholderName) {
    ObjectNode card = Json.object()
        .put("brand", brand).put("display_brand", brand).put("last4", last4)
        .put("exp_month", EXP_MONTH).put("exp_year", EXP_YEAR).put("funding", "credit")
        .put("country", "BG").putNull("issuer");
    if (cardholderName == null) {
      card.putNull("cardholder_name");
    } else {
      card.put("cardholder_name", cardholderName);
    }
    card.put("fingerprint", "fp_" + name().toLowerCase(java.util.Locale.ROOT)).put("segment", "consumer")
        .put("iin", brand.equals("mastercard") ? "555555" : "424242").putNull("wallet");
    card.putObject("three_d_secure_usage").put("supported", true);
    return card;
  }
}
