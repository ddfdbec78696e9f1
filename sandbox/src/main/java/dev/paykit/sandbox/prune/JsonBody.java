package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validated reads of a JSON request body against specs/prune/openapi.yaml: text lengths, IBANs (shape
 * and check digits), BICs, country codes, amounts (a JSON number above 0, in cents, at most
 * {@value #MAX_AMOUNT}). Every problem is collected; {@link #done} refuses the request with one 400
 * listing them all. A read that failed returns null. Not thread-safe; one per request.
 */
final class JsonBody {
  static final String MAX_AMOUNT = "999999999.99";
  static final int MAX_TEXT = 255;
  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

  private final ObjectNode node;
  private final List<String> problems = new ArrayList<>();

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  static JsonBody of(JsonNode json) {
    if (!(json instanceof ObjectNode object)) {
      throw Envelope.invalid("the request body must be a JSON object");
    }
    return new JsonBody(object);
  }

  /** Whether the field holds a value (not absent, not null). */
  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** Records a problem the caller found itself (a rule across fields). */
  void problem(String problem) {
    problems.add(problem);
  }

  /** A string of 1 to {@code max} characters; null (and a problem when required) otherwise. */
  String text(String field, int max, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(field + " is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      problems.add(field + " must be a string");
      return null;
    }
    String text = v.textValue();
    if (text.isBlank()) {
      problems.add(field + " must not be blank");
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      problems.add(field + " must be at most " + max + " characters");
      return null;
    }
    return text;
  }

  String text(String field) {
    return text(field, MAX_TEXT, true);
  }

  String optionalText(String field) {
    return text(field, MAX_TEXT, false);
  }

  /** An IBAN: upper case, no spaces, valid check digits. */
  String iban(String field, boolean required) {
    String text = text(field, 34, required);
    if (text != null && !Iban.valid(text)) {
      problems.add(field + " is not a valid IBAN (upper case, no spaces, check digits)");
      return null;
    }
    return text;
  }

  String bic(String field, boolean required) {
    String text = text(field, 11, required);
    if (text != null && !Iban.BIC.matcher(text).matches()) {
      problems.add(field + " is not a BIC (8 or 11 letters and digits)");
      return null;
    }
    return text;
  }

  String countryCode(String field) {
    String text = text(field, 2, true);
    if (text != null && !COUNTRY_CODE.matcher(text).matches()) {
      problems.add(field + " must be an ISO 3166-1 alpha-2 country code, e.g. GB");
      return null;
    }
    return text;
  }

  /** A JSON number above 0, at most two decimals, at most {@value #MAX_AMOUNT}. */
  BigDecimal amount(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      problems.add(field + " is required");
      return null;
    }
    if (!v.isNumber()) {
      problems.add(field + " must be a JSON number, e.g. 250.50");
      return null;
    }
    BigDecimal amount = v.decimalValue();
    if (amount.signum() <= 0) {
      problems.add(field + " must be greater than 0");
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      problems.add(field + " must have at most two decimal places");
      return null;
    }
    if (amount.compareTo(new BigDecimal(MAX_AMOUNT)) > 0) {
      problems.add(field + " must be at most " + MAX_AMOUNT);
      return null;
    }
    return amount.setScale(2);
  }

  /** Refuses the request when anything was wrong: one 400 listing every problem. */
  void done() {
    if (!problems.isEmpty()) {
      throw Envelope.invalid(String.join("; ", new LinkedHashSet<>(problems)));
    }
  }
}
