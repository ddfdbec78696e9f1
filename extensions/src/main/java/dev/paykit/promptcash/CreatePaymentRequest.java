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

  /**
   * A builder for a payment of {@code amount} {@code currency} under your {@code txId}; the rest is optional.
   *
   * @param txId your unique id for this payment, e.g. the order id
   * @param amount the amount in {@code currency}, scale kept (sent as a plain decimal string)
   * @param currency e.g. USD, EUR, BCH
   * @return a builder; nothing is checked before the call is made
   */
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

    /**
     * Pay in this SLP token (SPICE, USDT...) instead of BCH.
     *
     * @param v the token's ticker, or null
     * @return this builder
     */
    public Builder slpToken(String v) { this.slpToken = v; return this; }
    /**
     * Shown in your payment history.
     *
     * @param v the text, or null
     * @return this builder
     */
    public Builder description(String v) { this.description = v; return this; }
    /**
     * Receives a JSON POST when the payment's status changes (verify it with {@link PromptCashCallbacks}).
     *
     * @param v an absolute URL, or null
     * @return this builder
     */
    public Builder callbackUrl(URI v) { this.callbackUrl = v; return this; }
    /**
     * Where the customer goes after paying.
     *
     * @param v an absolute URL, or null
     * @return this builder
     */
    public Builder returnUrl(URI v) { this.returnUrl = v; return this; }
    /**
     * Minutes the customer has to pay (provider default 30).
     *
     * @param v minutes, or null
     * @return this builder
     */
    public Builder expirationMinutes(Integer v) { this.expirationMinutes = v; return this; }
    /**
     * Confirmations needed before the payment is PAID (provider default 0).
     *
     * @param v a count, or null
     * @return this builder
     */
    public Builder confirmations(Integer v) { this.confirmations = v; return this; }

    /** {@return the request; the spec's constraints are checked when it is sent} */
    public CreatePaymentRequest build() {
      return new CreatePaymentRequest(txId, amount, currency, slpToken, description, callbackUrl,
          returnUrl, expirationMinutes, confirmations);
    }
  }
}
