package dev.paykit.promptcash;

import java.math.BigDecimal;
import java.net.URI;

/**
 * What to send to {@code create-payment}. The SDK adds the public token, {@code time} and
 * {@code signature} itself. Immutable; build with {@link #builder(String, BigDecimal, String)}.
 *
 * <pre>{@code
 * CreatePaymentRequest req = CreatePaymentRequest.builder("order-1001", new BigDecimal("25.00"), "USD")
 *     .description("Order 1001")
 *     .callbackUrl(URI.create("https://shop.example/promptcash/callback"))
 *     .build();
 * }</pre>
 *
 * @param txId your unique id for this payment, e.g. the order id; a repeat returns the first payment
 * @param amount the amount in {@code currency}; sent as a plain decimal string
 * @param currency e.g. USD, EUR, BCH
 * @param slpToken pay in this SLP token (SPICE, USDT...), or null
 * @param description shown in your payment history, or null
 * @param callbackUrl receives a JSON POST when the status changes, or null
 * @param returnUrl where the customer goes after paying, or null
 * @param expirationMinutes minutes the customer has to pay (provider default 30), or null
 * @param confirmations confirmations needed before PAID (provider default 0), or null
 */
public record CreatePaymentRequest(
    String txId,
    BigDecimal amount,
    String currency,
    String slpToken,
    String description,
    URI callbackUrl,
    URI returnUrl,
    Integer expirationMinutes,
    Integer confirmations) {

  public static Builder builder(String txId, BigDecimal amount, String currency) {
    return new Builder(txId, amount, currency);
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private final String txId;
    private final BigDecimal amount;
    private final String currency;
    private String slpToken;
    private String description;
    private URI callbackUrl;
    private URI returnUrl;
    private Integer expirationMinutes;
    private Integer confirmations;

    private Builder(String txId, BigDecimal amount, String currency) {
      this.txId = txId;
      this.amount = amount;
      this.currency = currency;
    }

    public Builder slpToken(String v) { this.slpToken = v; return this; }
    public Builder description(String v) { this.description = v; return this; }
    public Builder callbackUrl(URI v) { this.callbackUrl = v; return this; }
    public Builder returnUrl(URI v) { this.returnUrl = v; return this; }
    public Builder expirationMinutes(Integer v) { this.expirationMinutes = v; return this; }
    public Builder confirmations(Integer v) { this.confirmations = v; return this; }

    public CreatePaymentRequest build() {
      return new CreatePaymentRequest(txId, amount, currency, slpToken, description, callbackUrl,
          returnUrl, expirationMinutes, confirmations);
    }
  }
}
