package dev.paykit.promptcash;

import java.math.BigDecimal;
import java.net.URI;

/**
 * A short URL entry to create or update. Immutable.
 *
 * @param url the URL to shorten (ignored by update, which keeps the entry's URL)
 * @param title optional title
 * @param description optional description
 * @param amount paywall price, zero for none
 * @param currency currency of the price, e.g. BCH
 * @param mode redirection mode, e.g. {@code PASS}
 */
public record ShortUrlRequest(URI url, String title, String description, BigDecimal amount,
    String currency, String mode) {

  /**
   * An entry without a paywall, redirect mode PASS.
   *
   * @param url the URL to shorten
   * @return an entry with a zero BCH price and redirect mode {@code PASS}
   */
  public static ShortUrlRequest free(URI url) {
    return new ShortUrlRequest(url, null, null, BigDecimal.ZERO, "BCH", "PASS");
  }

  /**
   * This entry with a title.
   *
   * @param value the title, or null for none
   * @return a copy with {@code value} as {@link #title()}
   */
  public ShortUrlRequest withTitle(String value) {
    return new ShortUrlRequest(url, value, description, amount, currency, mode);
  }

  /**
   * This entry behind a paywall.
   *
   * @param price the price, scale kept; zero for none
   * @param priceCurrency the price's currency, e.g. BCH
   * @return a copy with {@code price} as {@link #amount()} and {@code priceCurrency} as {@link #currency()}
   */
  public ShortUrlRequest withPaywall(BigDecimal price, String priceCurrency) {
    return new ShortUrlRequest(url, title, description, price, priceCurrency, mode);
  }
}
