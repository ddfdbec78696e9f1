package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validated reads of a JSON request body (or of one object inside it) against the spec's schemas:
 * required fields, the 255-character text limit, account numbers, bank and currency codes, BVNs and
 * amounts (JSON numbers, above zero, at most two decimals). Every failure is a 400 naming the field,
 * so the request is refused before anything executes.
 */
final class Body {
  static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{10}|[0-9]{15}");
  static final Pattern BVN = Pattern.compile("[12][0-9]{10}");
  private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3,6}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_TEXT = 255;
  /** Twelve major digits and two decimals (OBN Amount): nothing a bank would move is larger. */
  private static final int MAX_PRECISION = 14;

  private final ObjectNode node;
  private final String path;

  private Body(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The top-level body; 400 unless it is a JSON object. */
  static Body of(JsonNode json) {
    if (!(json instanceof ObjectNode object)) {
      throw Envelope.invalid("the request body must be a JSON object");
    }
    return new Body(object, "");
  }

  private String name(String field) {
    return path + field;
  }

  private Optional<JsonNode> value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  private ApiError invalid(String field, String problem) {
    return Envelope.invalid("invalid " + name(field) + ": " + problem);
  }

  /** A required, non-blank string of at most 255 characters. */
  String text(String field) {
    return optionalText(field).orElseThrow(
        () -> Envelope.invalid("missing required field: " + name(field)));
  }

  /** A required string of at most 255 characters that may be empty (the spec sets no minLength). */
  String string(String field) {
    JsonNode v = value(field).orElseThrow(
        () -> Envelope.invalid("missing required field: " + name(field)));
    if (!v.isTextual()) {
      throw invalid(field, "must be a string");
    }
    if (v.textValue().length() > MAX_TEXT) {
      throw invalid(field, "longer than " + MAX_TEXT + " characters");
    }
    return v.textValue();
  }

  Optional<String> optionalText(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isTextual()) {
      throw invalid(field, "must be a string");
    }
    String text = v.get().textValue();
    if (text.isBlank()) {
      throw invalid(field, "must not be blank");
    }
    if (text.length() > MAX_TEXT) {
      throw invalid(field, "longer than " + MAX_TEXT + " characters");
    }
    return Optional.of(text);
  }

  private String matching(String field, Pattern pattern, String what) {
    String text = text(field);
    if (!pattern.matcher(text).matches()) {
      throw invalid(field, "'" + text + "' is not " + what);
    }
    return text;
  }

  /** A 10-digit NUBAN or a 15-digit OFI account number. */
  String account(String field) {
    return matching(field, ACCOUNT_NUMBER, "a 10-digit NUBAN or a 15-digit OFI account number");
  }

  String bankCode(String field) {
    return matching(field, BANK_CODE, "a bank code (3 to 6 digits)");
  }

  Optional<String> optionalBankCode(String field) {
    return value(field).isEmpty() ? Optional.empty() : Optional.of(bankCode(field));
  }

  String currency(String field) {
    return matching(field, CURRENCY, "a 3-letter currency code");
  }

  String bvn(String field) {
    return matching(field, BVN, "a BVN (11 digits starting with 1 or 2)");
  }

  String email(String field) {
    return matching(field, EMAIL, "an email address");
  }

  /** A JSON number above zero with at most two decimals (the spec's PositiveAmount). */
  BigDecimal amount(String field) {
    return optionalAmount(field).orElseThrow(
        () -> Envelope.invalid("missing required field: " + name(field)));
  }

  Optional<BigDecimal> optionalAmount(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isNumber()) {
      throw invalid(field, "must be a JSON number, e.g. 1500.50");
    }
    BigDecimal amount = v.get().decimalValue();
    if (amount.signum() <= 0) {
      throw invalid(field, "must be greater than 0");
    }
    BigDecimal cents = amount.stripTrailingZeros();
    if (cents.scale() > 2) {
      throw invalid(field, "at most two decimal places");
    }
    if (cents.precision() - cents.scale() > MAX_PRECISION - 2) {
      throw invalid(field, "too large");
    }
    return Optional.of(amount);
  }

  /** An optional integer of at least 1. */
  Optional<Integer> optionalPositiveInt(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().canConvertToInt() || !v.get().isIntegralNumber() || v.get().intValue() < 1) {
      throw invalid(field, "must be a whole number of at least 1");
    }
    return Optional.of(v.get().intValue());
  }

  /** An ISO-8601 date-time with an offset, e.g. 2026-11-21T10:00:00Z. */
  Instant dateTime(String field) {
    return optionalDateTime(field).orElseThrow(
        () -> Envelope.invalid("missing required field: " + name(field)));
  }

  Optional<Instant> optionalDateTime(String field) {
    if (value(field).isEmpty()) {
      return Optional.empty();
    }
    String text = text(field);
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid(field, "'" + text + "' is not an ISO-8601 date-time with offset");
    }
  }

  /** A required, non-empty array of objects, each read with its index in error messages. */
  List<Body> objects(String field) {
    JsonNode v = value(field).orElseThrow(
        () -> Envelope.invalid("missing required field: " + name(field)));
    if (!v.isArray() || v.isEmpty()) {
      throw invalid(field, "must be a non-empty array");
    }
    List<Body> items = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!(v.get(i) instanceof ObjectNode item)) {
        throw Envelope.invalid("invalid " + name(field) + "[" + i + "]: must be an object");
      }
      items.add(new Body(item, name(field) + "[" + i + "]."));
    }
    return items;
  }

  /** An optional nested object, read with its path in error messages. */
  Optional<Body> optionalObject(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof ObjectNode object)) {
      throw invalid(field, "must be an object");
    }
    return Optional.of(new Body(object, name(field) + "."));
  }
}
