package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.JsonValues.decimal;
import static dev.paykit.core.internal.spec.JsonValues.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Numeric keywords, all in exact {@link BigDecimal} arithmetic: {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code exclusiveMaximum} (3.1 numeric and 3.0 boolean forms),
 * {@code multipleOf}, and the {@code int32}/{@code int64} formats. Messages never contain the value.
 */
final class NumberChecks {

  private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigInteger TWO = BigInteger.valueOf(2);
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private NumberChecks() {}

  static void check(String field, BigDecimal value, JsonNode schema, List<Violation> out) {
    checkLowerBound(field, value, schema, out);
    checkUpperBound(field, value, schema, out);
    BigDecimal divisor = decimal(schema.get("multipleOf"));
    if (divisor != null && divisor.signum() > 0 && !isMultiple(value, divisor)) {
      out.add(new Violation(field, "multipleOf", "must be a multiple of " + format(divisor)));
    }
    checkIntegerFormat(field, value, schema.path("format").asText(""), out);
  }

  private static void checkLowerBound(String field, BigDecimal value, JsonNode schema, List<Violation> out) {
    BigDecimal minimum = decimal(schema.get("minimum"));
    if (minimum != null) {
      if (isTrue(schema.get("exclusiveMinimum"))) { // OAS 3.0 boolean form
        if (value.compareTo(minimum) <= 0) {
          out.add(new Violation(field, "exclusiveMinimum", "must be greater than " + format(minimum)));
        }
      } else if (value.compareTo(minimum) < 0) {
        out.add(new Violation(field, "minimum", "must be at least " + format(minimum)));
      }
    }
    BigDecimal exclusive = decimal(schema.get("exclusiveMinimum")); // OAS 3.1 numeric form
    if (exclusive != null && value.compareTo(exclusive) <= 0) {
      out.add(new Violation(field, "exclusiveMinimum", "must be greater than " + format(exclusive)));
    }
  }

  private static void checkUpperBound(String field, BigDecimal value, JsonNode schema, List<Violation> out) {
    BigDecimal maximum = decimal(schema.get("maximum"));
    if (maximum != null) {
      if (isTrue(schema.get("exclusiveMaximum"))) { // OAS 3.0 boolean form
        if (value.compareTo(maximum) >= 0) {
          out.add(new Violation(field, "exclusiveMaximum", "must be less than " + format(maximum)));
        }
      } else if (value.compareTo(maximum) > 0) {
        out.add(new Violation(field, "maximum", "must be at most " + format(maximum)));
      }
    }
    BigDecimal exclusive = decimal(schema.get("exclusiveMaximum")); // OAS 3.1 numeric form
    if (exclusive != null && value.compareTo(exclusive) >= 0) {
      out.add(new Violation(field, "exclusiveMaximum", "must be less than " + format(exclusive)));
    }
  }

  private static void checkIntegerFormat(String field, BigDecimal value, String format, List<Violation> out) {
    if (!JsonValues.isIntegral(value)) {
      return; // a fractional value is the type check's business
    }
    if (format.equals("int32") && (value.compareTo(INT32_MIN) < 0 || value.compareTo(INT32_MAX) > 0)) {
      out.add(new Violation(field, "format", "must fit in a signed 32-bit integer (int32)"));
    } else if (format.equals("int64") && (value.compareTo(INT64_MIN) < 0 || value.compareTo(INT64_MAX) > 0)) {
      out.add(new Violation(field, "format", "must fit in a signed 64-bit integer (int64)"));
    }
  }

  /** Whether {@link #checkIntegerFormat} finds nothing wrong: the value fits {@code int32} / {@code int64}. */
  static boolean fitsIntegerFormat(BigDecimal value, String format) {
    if (!JsonValues.isIntegral(value)) {
      return true;
    }
    if (format.equals("int32")) {
      return value.compareTo(INT32_MIN) >= 0 && value.compareTo(INT32_MAX) <= 0;
    }
    if (format.equals("int64")) {
      return value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0;
    }
    return true;
  }

  private static boolean isTrue(JsonNode flag) {
    return flag != null && flag.isBoolean() && flag.booleanValue();
  }

  /**
   * Whether {@code value / divisor} is an integer, exactly and without ever expanding a huge exponent.
   * With trailing zeros stripped, value = A·10^-p and divisor = B·10^-q where neither A nor B ends in 0.
   * If p &gt; q the quotient A / (B·10^(p-q)) cannot be an integer since A has no factor 10. Otherwise
   * the question is whether B divides A·10^k with k = q - p; once k exceeds B's bit length, every factor
   * 2 and 5 of B is covered by 10^k, leaving only B's part coprime to 10.
   */
  static boolean isMultiple(BigDecimal value, BigDecimal divisor) {
    if (value.signum() == 0) {
      return true;
    }
    BigDecimal v = value.stripTrailingZeros();
    BigDecimal d = divisor.stripTrailingZeros();
    long k = (long) d.scale() - v.scale();
    if (k < 0) {
      return false;
    }
    BigInteger a = v.unscaledValue().abs();
    BigInteger b = d.unscaledValue().abs();
    if (k <= b.bitLength()) {
      return a.multiply(BigInteger.TEN.pow((int) k)).mod(b).signum() == 0;
    }
    BigInteger coprime = b;
    while (coprime.mod(TWO).signum() == 0) {
      coprime = coprime.divide(TWO);
    }
    while (coprime.mod(FIVE).signum() == 0) {
      coprime = coprime.divide(FIVE);
    }
    return a.mod(coprime).signum() == 0;
  }
}
