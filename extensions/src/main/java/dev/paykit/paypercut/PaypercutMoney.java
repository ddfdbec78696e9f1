package dev.paykit.paypercut;

import dev.paykit.paypercut.model.Currency;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Exact conversions between Paypercut's amounts, which are integer minor units ({@code amount: 1050})
 * with a currency that answers give as {@code {iso, scale}} ({@code {"iso": "eur", "scale": 2}}), and
 * {@link BigDecimal} major units ({@code 10.50}). Nothing is ever rounded: an amount that does not fit
 * the scale is refused. Stateless and thread-safe.
 *
 * <pre>{@code
 * BigDecimal paid = PaypercutMoney.toDecimal(intent.getAmount(), intent.getCurrency());   // 10.50
 * long amount = PaypercutMoney.toMinorUnits(new BigDecimal("10.50"), "EUR");              // 1050
 * }</pre>
 *
 * <p>Prefer the scale an answer carries ({@code currency.scale}) to {@link #scaleOf(String)}: the
 * latter is ISO 4217's default as the JVM knows it, which is what Paypercut's examples show (JPY 0,
 * EUR 2, KWD 3) but is not a promise of Paypercut's. Every failure is an {@link IllegalArgumentException}
 * naming the argument and, for amounts, the value; never a {@code NullPointerException}.
 */
public final class PaypercutMoney {

  /** The largest scale accepted: a long has 19 digits, so a larger one leaves no room for units. */
  public static final int MAX_SCALE = 18;

  /** Digits before the point that a long's minor units can never hold. */
  private static final int LONG_DIGITS = 19;

  private PaypercutMoney() {}

  /**
   * Minor units as a decimal of exactly that scale: {@code (1050, 2)} is {@code 10.50},
   * {@code (1050, 0)} is {@code 1050}, {@code (-5, 3)} is {@code -0.005}.
   *
   * @param minorUnits the amount in minor units
   * @param scale the currency's decimal places, 0 to {@link #MAX_SCALE}
   * @return the amount in major units, of exactly that scale
   * @throws IllegalArgumentException when the scale is negative or above {@link #MAX_SCALE}
   */
  public static BigDecimal toDecimal(long minorUnits, int scale) {
    checkScale(scale, "scale");
    return BigDecimal.valueOf(minorUnits, scale);
  }

  /**
   * Minor units as a decimal of the answer's currency scale: {@code 1050} in {@code {"iso": "eur",
   * "scale": 2}} is {@code 10.50}.
   *
   * @param minorUnits the amount in minor units
   * @param currency the currency as an answer gives it, with its scale
   * @return the amount in major units, of exactly the currency's scale
   * @throws IllegalArgumentException when the currency or its scale is null, or the scale is negative
   *     or above {@link #MAX_SCALE}
   */
  public static BigDecimal toDecimal(long minorUnits, Currency currency) {
    return BigDecimal.valueOf(minorUnits, scaleOf(currency));
  }

  /**
   * A decimal as minor units of the answer's currency scale, e.g. to refund part of a payment in its
   * own currency: {@code 10.50} in {@code {"iso": "eur", "scale": 2}} is {@code 1050}.
   *
   * @param amount the amount in major units
   * @param currency the currency as an answer gives it, with its scale
   * @return the amount in minor units
   * @throws IllegalArgumentException as {@link #toMinorUnits(BigDecimal, int)} and {@link #toDecimal(long, Currency)}
   */
  public static long toMinorUnits(BigDecimal amount, Currency currency) {
    int scale = scaleOf(currency);
    return minorUnits(amount, scale, describe(currency) + " (scale " + scale + ")");
  }

  /**
   * A decimal as minor units of that scale: {@code (10.50, 2)} and {@code (10.500, 2)} are {@code 1050},
   * {@code (-0.005, 3)} is {@code -5}.
   *
   * @param amount the amount in major units
   * @param scale the currency's decimal places, 0 to {@link #MAX_SCALE}
   * @return the amount in minor units
   * @throws IllegalArgumentException when the amount is null, has non-zero digits beyond the scale
   *     ({@code 10.505} at scale 2: paykit never rounds money), or its minor units do not fit a long;
   *     or when the scale is negative or above {@link #MAX_SCALE}
   */
  public static long toMinorUnits(BigDecimal amount, int scale) {
    checkScale(scale, "scale");
    return minorUnits(amount, scale, "scale " + scale);
  }

  /**
   * A decimal as minor units of an ISO 4217 currency's default scale ({@link #scaleOf(String)}):
   * {@code (10.50, "EUR")} is {@code 1050}, {@code (1050, "JPY")} is {@code 1050}, {@code (1.005, "KWD")}
   * is {@code 1005}.
   *
   * @param amount the amount in major units
   * @param currencyCode an ISO 4217 code, any case
   * @return the amount in minor units
   * @throws IllegalArgumentException as {@link #toMinorUnits(BigDecimal, int)} and {@link #scaleOf(String)}
   */
  public static long toMinorUnits(BigDecimal amount, String currencyCode) {
    int scale = scaleOf(currencyCode);
    return minorUnits(amount, scale, currencyCode.strip().toUpperCase(Locale.ROOT) + " (scale " + scale + ")");
  }

  /**
   * Minor units of an ISO 4217 currency as a decimal of its default scale: {@code (1050, "eur")} is
   * {@code 10.50}.
   *
   * @param minorUnits the amount in minor units
   * @param currencyCode an ISO 4217 code, any case
   * @return the amount in major units, of exactly the currency's default scale
   * @throws IllegalArgumentException as {@link #scaleOf(String)}
   */
  public static BigDecimal toDecimal(long minorUnits, String currencyCode) {
    return BigDecimal.valueOf(minorUnits, scaleOf(currencyCode));
  }

  /**
   * The number of decimal places of an ISO 4217 currency (JPY 0, EUR 2, KWD 3), from
   * {@link java.util.Currency#getDefaultFractionDigits()}; the code is read ignoring case ({@code usd}
   * and {@code USD} both appear in Paypercut's examples).
   *
   * @param currencyCode an ISO 4217 code, any case
   * @return the currency's default decimal places
   * @throws IllegalArgumentException when the code is null or blank, not an ISO 4217 code the JVM knows,
   *     or a code without minor units (gold {@code XAU}, SDR {@code XDR}, ...)
   */
  public static int scaleOf(String currencyCode) {
    if (currencyCode == null || currencyCode.isBlank()) {
      throw new IllegalArgumentException("currencyCode is required");
    }
    String code = currencyCode.strip().toUpperCase(Locale.ROOT);
    java.util.Currency currency;
    try {
      currency = java.util.Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currencyCode '" + printable(currencyCode)
          + "' is not an ISO 4217 currency code", e);
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new IllegalArgumentException("currencyCode " + code
          + " has no minor unit (a precious metal, fund or other pseudo-currency): give its scale explicitly");
    }
    return digits;
  }

  private static int scaleOf(Currency currency) {
    if (currency == null) {
      throw new IllegalArgumentException("currency is required");
    }
    Integer scale = currency.getScale();
    if (scale == null) {
      throw new IllegalArgumentException("currency " + describe(currency) + " has no scale");
    }
    checkScale(scale, "currency " + describe(currency) + " scale");
    return scale;
  }

  private static String describe(Currency currency) {
    return currency.getIso() == null ? "(no iso)" : printable(currency.getIso());
  }

  private static long minorUnits(BigDecimal amount, int scale, String target) {
    if (amount == null) {
      throw new IllegalArgumentException("amount is required");
    }
    // Strip first: 10.500 fits scale 2. Cheap even for 1E-999999999, which setScale would expand; and
    // messages show toString() (1E-999999999), never toPlainString() (a billion digits).
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new IllegalArgumentException("amount " + amount + " has "
          + stripped.scale() + " decimal places; " + target + " takes at most " + scale
          + " (paykit never rounds money)");
    }
    // Digits before the point; checked before scaling, so 1E+999999999 fails at once.
    if (stripped.signum() != 0 && stripped.precision() - stripped.scale() > LONG_DIGITS) {
      throw tooLarge(amount, target);
    }
    try {
      return stripped.movePointRight(scale).longValueExact();
    } catch (ArithmeticException e) {
      throw tooLarge(amount, target);
    }
  }

  private static IllegalArgumentException tooLarge(BigDecimal amount, String target) {
    return new IllegalArgumentException("amount " + amount + " in minor units of " + target
        + " does not fit a long (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
  }

  private static void checkScale(int scale, String name) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException(name + " must be between 0 and " + MAX_SCALE + ", was " + scale);
    }
  }

  private static String printable(String s) {
    String shown = s.length() > 16 ? s.substring(0, 16) + "..." : s;
    return shown.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
