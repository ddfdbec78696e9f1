package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated reads of a JSON request body (or of one object inside it) against the schemas of
 * specs/paypercut/openapi.yaml: types, required fields, enums, maxLengths, patterns, amounts. Every
 * failure is a 400 whose {@code param} names the field as Paypercut writes it ({@code amount},
 * {@code confirmation_token.token_id}, {@code items[0].price}). A JSON {@code null} counts as absent.
 *
 * <p>Every field read is remembered; {@link #finish()} refuses any other field with
 * {@code parameter_unknown}, so that a client sending a wrong wire name ({@code amountToCapture})
 * finds out here instead of having the field silently ignored. Objects the spec leaves open
 * ({@code metadata}, {@code payment_method_data}, {@code price_data} ...) are taken whole. Handlers
 * read every field, then call {@link #finish()}, then change state. Confined to one request.
 */
final class Body {
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
  /** The spec's Amount: 1 to 99,999,999,999 minor units. */
  static final long MAX_AMOUNT = 99_999_999_999L;
  private static final int METADATA_VALUE_MAX = 500;

  private final ObjectNode node;
  private final String prefix;
  private final boolean open;
  private final Set<String> read = new HashSet<>();
  private final List<Body> children = new ArrayList<>();

  private Body(ObjectNode node, String prefix, boolean open) {
    this.node = node;
    this.prefix = prefix;
    this.open = open;
  }

  /** The top-level body; 400 unless it is a JSON object. */
  static Body root(JsonNode json) {
    if (!(json instanceof ObjectNode object)) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_invalid", null,
          "The request body must be a JSON object.");
    }
    return new Body(object, "", false);
  }

  /** {@code prefix + field}: the name errors give. */
  String param(String field) {
    return prefix + field;
  }

  private Optional<JsonNode> value(String field) {
    read.add(field);
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** Whether {@code field} was sent as JSON {@code null} (to clear it, where that means something). */
  boolean sentNull(String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNull();
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** Refuses every field that was not read, here and in every nested object read. */
  void finish() {
    if (!open) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!read.contains(name)) {
          throw Errors.unknown(param(name));
        }
      }
    }
    children.forEach(Body::finish);
  }

  // ---- text ----

  Optional<String> string(String field, int minLength, int maxLength) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isTextual()) {
      throw Errors.invalid(param(field), "must be a string");
    }
    String text = v.get().textValue();
    if (text.length() < minLength) {
      throw Errors.invalid(param(field), minLength == 1 ? "must not be empty"
          : "must be at least " + minLength + " characters");
    }
    if (text.length() > maxLength) {
      throw Errors.invalid(param(field), "must be at most " + maxLength + " characters");
    }
    return Optional.of(text);
  }

  Optional<String> string(String field, int maxLength) {
    return string(field, 0, maxLength);
  }

  String requiredString(String field, int minLength, int maxLength) {
    return string(field, minLength, maxLength).orElseThrow(() -> Errors.missing(param(field)));
  }

  Optional<String> enumeration(String field, String... allowed) {
    Optional<String> v = string(field, Integer.MAX_VALUE);
    if (v.isPresent() && !Arrays.asList(allowed).contains(v.get())) {
      throw Errors.invalid(param(field), "must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  String requiredEnumeration(String field, String... allowed) {
    return enumeration(field, allowed).orElseThrow(() -> Errors.missing(param(field)));
  }

  Optional<String> matching(String field, Pattern pattern, int maxLength, String what) {
    Optional<String> v = string(field, maxLength);
    if (v.isPresent() && !pattern.matcher(v.get()).matches()) {
      throw Errors.invalid(param(field), "'" + v.get() + "' is not " + what);
    }
    return v;
  }

  Optional<String> email(String field, int maxLength) {
    return matching(field, EMAIL, maxLength, "an email address");
  }

  /** An absolute URI (the spec's {@code format: uri}). */
  Optional<String> uri(String field, int maxLength) {
    Optional<String> v = string(field, maxLength);
    if (v.isPresent()) {
      try {
        if (!new URI(v.get()).isAbsolute()) {
          throw Errors.invalid(param(field), "must be an absolute URL");
        }
      } catch (URISyntaxException e) {
        throw Errors.invalid(param(field), "'" + v.get() + "' is not a URL");
      }
    }
    return v;
  }

  /** An RFC 3339 date-time with an offset, e.g. {@code 2026-11-21T10:00:00Z}. */
  Optional<Instant> timestamp(String field) {
    Optional<String> v = string(field, 100);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw Errors.invalid(param(field), "'" + v.get() + "' is not an RFC 3339 date-time");
    }
  }

  /** An ISO 4217 code (the spec's CurrencyCode, either case) with minor units; answered lower case. */
  Optional<String> currency(String field) {
    Optional<String> v = string(field, 3);
    if (v.isPresent() && (!CURRENCY.matcher(v.get()).matches() || !Render.isChargeable(v.get()))) {
      throw Errors.invalid(param(field), "'" + v.get() + "' is not an ISO 4217 currency code");
    }
    return v.map(code -> code.toLowerCase(Locale.ROOT));
  }

  String requiredCurrency(String field) {
    return currency(field).orElseThrow(() -> Errors.missing(param(field)));
  }

  // ---- numbers and booleans ----

  Optional<Long> integer(String field, long min, long max) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isIntegralNumber() || !v.get().canConvertToLong()) {
      throw Errors.invalid(param(field), "must be a whole number (a JSON integer)");
    }
    long n = v.get().longValue();
    if (n < min || n > max) {
      throw Errors.invalid(param(field), "must be between " + min + " and " + max);
    }
    return Optional.of(n);
  }

  /** The spec's Amount: integer minor units from 1 to {@value #MAX_AMOUNT}. */
  Optional<Long> amount(String field) {
    return integer(field, 1, MAX_AMOUNT);
  }

  long requiredAmount(String field) {
    return amount(field).orElseThrow(() -> Errors.missing(param(field)));
  }

  Optional<Boolean> bool(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isPresent() && !v.get().isBoolean()) {
      throw Errors.invalid(param(field), "must be true or false");
    }
    return v.map(JsonNode::booleanValue);
  }

  // ---- structures ----

  /** Any JSON value, taken as sent. */
  Optional<JsonNode> any(String field) {
    return value(field).map(JsonNode::deepCopy);
  }

  /** An object the spec leaves open, taken whole. */
  Optional<ObjectNode> freeObject(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isPresent() && !(v.get() instanceof ObjectNode)) {
      throw Errors.invalid(param(field), "must be an object");
    }
    return v.map(n -> ((ObjectNode) n).deepCopy());
  }

  /** The spec's Metadata: an object of strings of at most 500 characters. */
  Optional<ObjectNode> metadata(String field) {
    Optional<ObjectNode> v = freeObject(field);
    v.ifPresent(map -> map.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw Errors.invalid(param(field) + "[" + e.getKey() + "]", "must be a string");
      }
      if (e.getValue().textValue().length() > METADATA_VALUE_MAX) {
        throw Errors.invalid(param(field) + "[" + e.getKey() + "]",
            "must be at most " + METADATA_VALUE_MAX + " characters");
      }
    }));
    return v;
  }

  /** A nested object whose fields are read one by one (and checked by {@link #finish()}). */
  Optional<Body> object(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof ObjectNode object)) {
      throw Errors.invalid(param(field), "must be an object");
    }
    Body child = new Body(object, param(field) + ".", false);
    children.add(child);
    return Optional.of(child);
  }

  Body requiredObject(String field) {
    return object(field).orElseThrow(() -> Errors.missing(param(field)));
  }

  /** A nested object of the spec with {@code additionalProperties: true}: known fields checked, others kept. */
  Optional<Body> openObject(String field) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof ObjectNode object)) {
      throw Errors.invalid(param(field), "must be an object");
    }
    Body child = new Body(object, param(field) + ".", true);
    children.add(child);
    return Optional.of(child);
  }

  /** An array of objects, {@code minItems} to {@code maxItems} long, each read with its index. */
  Optional<List<Body>> objects(String field, int minItems, int maxItems) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isArray()) {
      throw Errors.invalid(param(field), "must be an array");
    }
    if (v.get().size() < minItems || v.get().size() > maxItems) {
      throw Errors.invalid(param(field), maxItems == Integer.MAX_VALUE
          ? "must have at least " + minItems + " item(s)"
          : "must have " + minItems + " to " + maxItems + " items");
    }
    List<Body> items = new ArrayList<>();
    for (int i = 0; i < v.get().size(); i++) {
      if (!(v.get().get(i) instanceof ObjectNode item)) {
        throw Errors.invalid(param(field) + "[" + i + "]", "must be an object");
      }
      Body child = new Body(item, param(field) + "[" + i + "].", false);
      children.add(child);
      items.add(child);
    }
    return Optional.of(items);
  }

  /** An array of strings of at most {@code maxLength} characters each. */
  Optional<List<String>> strings(String field, int minItems, int maxLength) {
    Optional<JsonNode> v = value(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isArray()) {
      throw Errors.invalid(param(field), "must be an array");
    }
    if (v.get().size() < minItems) {
      throw Errors.invalid(param(field), "must have at least " + minItems + " item(s)");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < v.get().size(); i++) {
      JsonNode item = v.get().get(i);
      if (!item.isTextual()) {
        throw Errors.invalid(param(field) + "[" + i + "]", "must be a string");
      }
      if (item.textValue().length() > maxLength) {
        throw Errors.invalid(param(field) + "[" + i + "]", "must be at most " + maxLength + " characters");
      }
      values.add(item.textValue());
    }
    return Optional.of(values);
  }

  /** The same as {@link #strings} with each item one of {@code allowed}. */
  Optional<List<String>> enumerations(String field, int minItems, List<String> allowed) {
    Optional<List<String>> v = strings(field, minItems, Integer.MAX_VALUE);
    v.ifPresent(values -> {
      for (int i = 0; i < values.size(); i++) {
        if (!allowed.contains(values.get(i))) {
          throw Errors.invalid(param(field) + "[" + i + "]", "must be one of " + String.join(", ", allowed));
        }
      }
    });
    return v;
  }
}
