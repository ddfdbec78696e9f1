package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * A request's JSON object, read strictly: {@code Content-Type: application/json} (else 400002), exactly one JSON
 * object (else 400003), no field the operation does not take, every field of its JSON type. Every refusal is
 * 400003 naming the field ({@code amount: ...}; nested ones as {@code orderDetails.cardholders[1].firstName}).
 */
final class Body {
  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");
  private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
  static final Pattern PAN = Pattern.compile("[0-9]{12,19}");
  static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  final ObjectNode node;
  private final String prefix;

  private Body(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  static Body parse(HttpRequest request) {
    String type = request.getFirstHeader("Content-Type");
    if (!type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
      throw Errors.pt(Errors.INVALID_HEADER, "Content-Type must be application/json, not '" + type + "'");
    }
    byte[] raw = request.getBodyAsRawBytes();
    JsonNode tree;
    try {
      tree = Json.parse(raw == null ? new byte[0] : raw);
    } catch (IOException e) {
      throw Errors.pt(Errors.INVALID_JSON, "the body is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw Errors.pt(Errors.INVALID_JSON, "the body must be a JSON object");
    }
    return new Body((ObjectNode) tree, "");
  }

  /** A body already parsed (a part of another one, re-read on its own). */
  static Body of(ObjectNode node) {
    return new Body(node, "");
  }

  private String name(String field) {
    return prefix + field;
  }

  /** Refuses any field not in {@code names}. */
  Body allow(String... names) {
    Set<String> allowed = Set.of(names);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw invalid(field, "is not a field of this operation");
      }
    }
    return this;
  }

  dev.paykit.sandbox.ApiError invalid(String field, String problem) {
    return Errors.pt(Errors.INVALID_JSON, name(field) + " " + problem);
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  /** A string field: required ones must be present; 1 to {@code max} characters. Null when absent. */
  String text(String field, boolean required, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw invalid(field, "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(field, "must be a string");
    }
    String s = v.asText();
    if (s.isEmpty() || s.length() > max) {
      throw invalid(field, "must have 1 to " + max + " characters");
    }
    return s;
  }

  String matching(String field, boolean required, Pattern pattern, String what) {
    String s = text(field, required, 1000);
    if (s != null && !pattern.matcher(s).matches()) {
      throw invalid(field, "must be " + what);
    }
    return s;
  }

  /**
   * An amount: a JSON number (a string is refused: the spec says number), more than 0, at most
   * {@link #MAX_AMOUNT}, whole cents ({@code multipleOf 0.01}).
   */
  BigDecimal money(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw invalid(field, "is required");
    }
    if (!v.isNumber()) {
      throw invalid(field, "must be a JSON number");
    }
    BigDecimal amount = v.decimalValue();
    if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      throw invalid(field, "must be more than 0 and at most " + MAX_AMOUNT.toPlainString());
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw invalid(field, "must be whole cents (at most 2 decimals)");
    }
    return amount.setScale(2);
  }

  int integer(String field, int min, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw invalid(field, "is required");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw invalid(field, "must be an integer from " + min + " to " + max);
    }
    return v.intValue();
  }

  /** A nested object, read with the same rules; null when absent and not required. */
  Body object(String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw invalid(field, "is required");
      }
      return null;
    }
    if (!v.isObject()) {
      throw invalid(field, "must be an object");
    }
    return new Body((ObjectNode) v, name(field) + ".");
  }

  /** An array of objects, {@code min} to {@code max} of them; each read as a {@link Body}. */
  java.util.List<Body> objects(String field, int min, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw invalid(field, "is required");
    }
    if (!v.isArray() || v.size() < min || v.size() > max) {
      throw invalid(field, "must be an array of " + min + " to " + max + " objects");
    }
    java.util.List<Body> out = new java.util.ArrayList<>();
    ArrayNode array = (ArrayNode) v;
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isObject()) {
        throw invalid(field + "[" + i + "]", "must be an object");
      }
      out.add(new Body((ObjectNode) array.get(i), name(field) + "[" + i + "]."));
    }
    return out;
  }

  /** A cardholder profile: first and last name required, the rest checked when sent. */
  Profile profile(boolean namesRequired) {
    allow("firstName", "lastName", "email", "phone", "dateOfBirth", "address");
    String first = text("firstName", namesRequired, 50);
    String last = text("lastName", namesRequired, 50);
    String email = text("email", false, 254);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      throw invalid("email", "must be an e-mail address");
    }
    String phone = matching("phone", false, PHONE, "7 to 15 digits, optionally after a +");
    String dob = text("dateOfBirth", false, 10);
    LocalDate dateOfBirth = null;
    if (dob != null) {
      try {
        dateOfBirth = LocalDate.parse(dob);
      } catch (DateTimeParseException e) {
        throw invalid("dateOfBirth", "must be a date, YYYY-MM-DD");
      }
    }
    Body address = object("address", false);
    return new Profile(first, last, email, phone, dateOfBirth, address == null ? null : address.address());
  }

  /** A postal address: address1, city, state (2 capitals), zip (ZIP or ZIP+4) required. */
  ObjectNode address() {
    allow("address1", "address2", "city", "state", "zip", "country");
    text("address1", true, 100);
    text("address2", false, 100);
    text("city", true, 60);
    matching("state", true, STATE, "a US state code (2 capital letters)");
    matching("zip", true, ZIP, "a ZIP code (12345 or 12345-6789)");
    matching("country", false, Pattern.compile("[A-Z]{2}"), "an ISO 3166-1 alpha-2 code");
    return node.deepCopy();
  }

  /** What a cardholder profile carried; nulls for what was not sent. */
  record Profile(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
      ObjectNode address) {}
}
