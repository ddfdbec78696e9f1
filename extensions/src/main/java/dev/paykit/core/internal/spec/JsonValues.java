package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Static helpers on JSON values: absence, JSON types, exact decimal conversion and equality. */
final class JsonValues {

  private JsonValues() {}

  /** {@code null}, {@code NullNode} and {@code MissingNode} all mean "absent". */
  static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /**
   * The exact decimal value of a number node, or {@code null} for a non-number or NaN/Infinity.
   * Doubles and floats convert through their shortest decimal representation ({@code 10.01} stays
   * {@code 10.01}, not {@code 10.0099999...}), so schemas and values parsed as doubles compare exactly.
   */
  static BigDecimal decimal(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    if (node.isFloat()) {
      float f = node.floatValue();
      return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
    }
    if (node.isDouble()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    if (node.isBigInteger()) {
      return new BigDecimal(node.bigIntegerValue());
    }
    return BigDecimal.valueOf(node.longValue());
  }

  /** True for a number without fractional part ({@code 5}, {@code 5.0}, {@code 1E+3}). */
  static boolean isIntegral(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** The JSON-schema type name of a present value: string, integer, number, boolean, array, object, ... */
  static String typeName(JsonNode value) {
    if (isAbsent(value)) {
      return "null";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isNumber()) {
      BigDecimal d = decimal(value);
      return d != null && isIntegral(d) ? "integer" : "number";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Whether a value is an instance of the JSON-schema type {@code type}; unknown type names match anything. */
  static boolean hasType(JsonNode value, String type) {
    switch (type) {
      case "null": return isAbsent(value);
      case "boolean": return value.isBoolean();
      case "string": return value.isTextual();
      case "array": return value.isArray();
      case "object": return value.isObject();
      case "number": return value.isNumber();
      case "integer": {
        BigDecimal d = decimal(value);
        return d != null && isIntegral(d);
      }
      default: return true;
    }
  }

  /** JSON-schema equality: numbers by value ({@code 1 == 1.0}), objects ignoring member order. */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(b);
      return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A spec-side number for a message: {@code 1E+3} prints as {@code 1000}, {@code 0.010} as {@code 0.01}. */
  static String format(BigDecimal number) {
    BigDecimal n = number.stripTrailingZeros();
    return Math.abs(n.scale()) <= 40 ? n.toPlainString() : n.toString();
  }

  /** A spec-side constant (enum member, const) for a message. */
  static String format(JsonNode constant) {
    if (constant.isTextual()) {
      return constant.textValue();
    }
    BigDecimal d = decimal(constant);
    return d != null ? format(d) : constant.toString();
  }

  /** {@code "1 item"}, {@code "2 items"}, {@code "2 properties"}. */
  static String plural(long count, String noun) {
    if (count == 1) {
      return count + " " + noun;
    }
    return count + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }
}
