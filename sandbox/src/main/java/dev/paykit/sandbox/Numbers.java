package dev.paykit.sandbox;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Strict parsing of numeric request fields; every failure is a 400 naming the field
 * ({@link ApiError#badRequest}). Sandbox machinery, not an API for the sandbox's users.
 */
public final class Numbers {
  /**
   * Digits with an optional fraction, nothing else. The docs' examples send amounts as plain
   * decimals ("0.01"); rejecting {@code 1E+3}, signs and blanks proves that a client formats money
   * with {@code toPlainString()} (a {@code BigDecimal#toString()} can produce exponent notation,
   * and the signed string would then differ from what the merchant meant).
   */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  private Numbers() {}

  /**
   * A plain decimal: digits with an optional fraction, no sign, exponent or blanks.
   *
   * @param field the field's name, for the error message
   * @param value the value as sent
   * @return the value, its scale as sent
   * @throws ApiError a 400 naming the field for anything else
   */
  public static BigDecimal plainDecimal(String field, String value) {
    if (!PLAIN_DECIMAL.matcher(value).matches()) {
      throw ApiError.badRequest("invalid " + field + ": '" + value + "' is not a plain decimal number");
    }
    return new BigDecimal(value);
  }

  /**
   * An integer of at most 18 digits, optionally negative, within a range.
   *
   * @param field the field's name, for the error message
   * @param value the value as sent
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the value
   * @throws ApiError a 400 naming the field when it is not such an integer or out of range
   */
  public static long integer(String field, String value, long min, long max) {
    if (!INTEGER.matcher(value).matches()) {
      throw ApiError.badRequest("invalid " + field + ": '" + value + "' is not an integer");
    }
    long parsed = Long.parseLong(value);
    if (parsed < min || parsed > max) {
      throw ApiError.badRequest("invalid " + field + ": must be between " + min + " and " + max);
    }
    return parsed;
  }

  /**
   * An optional integer field, as {@link #integer(String, String, long, long)}.
   *
   * @param params the request's parameters
   * @param field the field's name
   * @param fallback the value when the field is absent or empty (not range-checked)
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the value, or {@code fallback}
   * @throws ApiError a 400 naming the field when it is not such an integer or out of range
   */
  public static long integer(FormParameters params, String field, long fallback, long min, long max) {
    String value = params.get(field);
    return value.isEmpty() ? fallback : integer(field, value, min, max);
  }
}
