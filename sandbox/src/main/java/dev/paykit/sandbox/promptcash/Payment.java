package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One stored Prompt.Cash payment. Immutable: a status change stores a new instance, so a payment
 * can be read and rendered outside the store's lock.
 *
 * <p>{@link #toJson()} writes the fields in the order of the docs' response example.
 */
record Payment(
    long id,
    String txId,
    BigDecimal amountCrypto,
    BigDecimal amountFiat,
    String status,
    BigDecimal paidAmountCrypto,
    String fiatCurrency,
    String slpToken,
    String description,
    String callbackUrl,
    String returnUrl,
    String address,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> paid,
    BigDecimal remainingAmountCrypto,
    String qrUrl) {

  static final String CRYPTO_CURRENCY = "BCH";

  /** Go's zero time, which the docs show in {@code paid} while a payment is unpaid. */
  static final String UNPAID = "0001-01-01T00:00:00Z";

  /** The payment with a new status; PAID also records when and marks the full amount as paid. */
  Payment withStatus(String newStatus, OffsetDateTime now) {
    if (!"PAID".equals(newStatus)) {
      return new Payment(id, txId, amountCrypto, amountFiat, newStatus, paidAmountCrypto,
          fiatCurrency, slpToken, description, callbackUrl, returnUrl, address, createdAt, paid,
          remainingAmountCrypto, qrUrl);
    }
    return new Payment(id, txId, amountCrypto, amountFiat, newStatus, amountCrypto,
        fiatCurrency, slpToken, description, callbackUrl, returnUrl, address, createdAt,
        Optional.of(now), BigDecimal.ZERO.setScale(amountCrypto.scale()), qrUrl);
  }

  /** BIP21-style link as in the docs' example: {@code bitcoincash:q...?amount=0.00002058}. */
  String paymentLink() {
    return address + "?amount=" + amountCrypto.toPlainString();
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id", id);
    json.put("tx_id", txId);
    json.set("amount_crypto", Json.decimal(amountCrypto));
    json.set("amount_fiat", Json.decimal(amountFiat));
    json.put("status", status);
    json.set("paid_amount_crypto", Json.decimal(paidAmountCrypto));
    json.put("fiat_currency", fiatCurrency);
    json.put("crypto_currency", CRYPTO_CURRENCY);
    json.put("slp_token", slpToken);
    json.put("description", description);
    json.put("callback_url", callbackUrl);
    json.put("return_url", returnUrl);
    json.put("referer", "");
    json.put("email", "");
    json.put("address", address);
    json.put("confirmations", 0);
    json.put("hash", "");
    json.put("created_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt));
    json.put("paid", paid.map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(UNPAID));
    json.set("remaining_amount_crypto", Json.decimal(remainingAmountCrypto));
    json.put("payment_link", paymentLink());
    json.put("qr_url", qrUrl);
    return json;
  }
}
