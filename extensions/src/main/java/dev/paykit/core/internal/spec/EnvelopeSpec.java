package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's answer envelope, read from the {@code x-paykit-envelope} extension of the schema that
 * describes it (found from an answer's schema through {@code $ref} and {@code allOf}, see
 * {@link ApiSpec#envelope(JsonNode)}):
 *
 * <pre>{@code
 * x-paykit-envelope:
 *   data: [data, responseData]          # the payload's key, then other keys it may come under
 *   code: status                        # the field holding the provider's code (a name, or names: first present wins)
 *   message: [message, description]     # the field holding the provider's message (likewise)
 *   success: {field: status, values: [true]}   # the answer succeeded when this field holds one of these
 * }</pre>
 *
 * <ul>
 *   <li>{@code data}: the first key is canonical: the generated model's property (its {@code getData()});
 *       the others are keys the provider may use instead (its docs name one key, the standard it follows
 *       another). An answer's payload found only under another key is moved under the
 *       canonical one before binding ({@link #canonicalise}), so the other keys are documented here and
 *       nowhere else: they are not properties of the schemas. A success answer must carry its payload
 *       under one of the keys. Without {@code data} the envelope carries no payload of its own (e.g. an
 *       error body) and nothing is moved or required;
 *   <li>{@code code}, {@code message}: where the provider's code and message are read; a code sent as a
 *       JSON integer reads as its digits, left-padded as the code field's schema says
 *       ({@code x-paykit-numeric-code}). Either may be absent: then there is no code (or message);
 *   <li>{@code success}: a generic outcome rule; an answer whose {@code field} holds none of
 *       {@code values} failed; one without the field does not say, which proves nothing. Values are
 *       compared as JSON scalars ({@code true} and {@code "true"} are equal, numbers by value). Absent:
 *       the provider's code table decides alone.
 * </ul>
 *
 * <p>Every key is optional, but an envelope names at least one of them; any other key is an error
 * ({@link #problems(JsonNode)}, checked when the spec is loaded and by the spec conformance test at build
 * time). Immutable and thread-safe.
 */
public final class EnvelopeSpec {

  /** The keys of {@code x-paykit-envelope}. */
  public static final Set<String> KEYS = Set.of("data", "code", "message", "success");
  /** The keys of its {@code success} rule. */
  public static final Set<String> SUCCESS_KEYS = Set.of("field", "values");

  /** What an answer's {@code success} field says. */
  public enum Outcome {
    /** The field holds one of the success values. */
    SUCCEEDED,
    /** The field holds another value. */
    FAILED,
    /** The answer lacks the field (or holds null or a non-scalar there): it proves nothing. */
    UNSAID,
    /** The envelope has no success rule. */
    NO_RULE
  }

  /** The {@code success} rule: the answer succeeded when {@code field} holds one of {@code values}. */
  public record Success(String field, List<JsonNode> values) {

    public Success {
      values = List.copyOf(values);
    }

    /** What this answer's field says. */
    public Outcome test(JsonNode body) {
      JsonNode v = body == null ? null : body.get(field);
      if (v == null || !v.isValueNode() || v.isNull()) {
        return Outcome.UNSAID;
      }
      for (JsonNode success : values) {
        if (sameScalar(v, success)) {
          return Outcome.SUCCEEDED;
        }
      }
      return Outcome.FAILED;
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
      if (a.isNumber() && b.isNumber()) {
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
      }
      if (a.isNumber() || b.isNumber()) {
        try {
          return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        } catch (NumberFormatException notANumber) {
          return false;
        }
      }
      return a.asText().equals(b.asText());
    }
  }

  private final List<String> data;
  private final List<String> code;
  private final List<String> message;
  private final Success success;
  private final JsonNode schema;
  private final int codeDigits;

  private EnvelopeSpec(List<String> data, List<String> code, List<String> message, Success success,
      JsonNode schema, int codeDigits) {
    this.data = List.copyOf(data);
    this.code = List.copyOf(code);
    this.message = List.copyOf(message);
    this.success = success;
    this.schema = schema;
    this.codeDigits = codeDigits;
  }

  /**
   * Reads the {@code x-paykit-envelope} of {@code schema} (the schema node that carries it, already
   * resolved).
   *
   * @param spec resolves the code field's schema, for its {@code x-paykit-numeric-code}
   * @param where where the schema is, for the message of an invalid envelope
   * @throws IllegalStateException naming every problem of an invalid envelope
   */
  static EnvelopeSpec read(ApiSpec spec, JsonNode schema, String where) {
    JsonNode extension = schema.get("x-paykit-envelope");
    List<String> problems = problems(extension);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid x-paykit-envelope at " + where + ": " + String.join("; ", problems));
    }
    JsonNode rule = extension.get("success");
    Success success = null;
    if (rule != null) {
      List<JsonNode> values = new ArrayList<>();
      rule.get("values").forEach(values::add);
      success = new Success(rule.get("field").asText(), values);
    }
    List<String> code = names(extension.get("code"));
    return new EnvelopeSpec(names(extension.get("data")), code, names(extension.get("message")), success, schema,
        code.isEmpty() ? 0 : codeDigits(spec, schema, code.get(0)));
  }

  /**
   * Every problem of an {@code x-paykit-envelope} value, each named, none quoting a value; empty when the
   * runtime can read it.
   */
  public static List<String> problems(JsonNode extension) {
    List<String> problems = new ArrayList<>();
    if (extension == null || !extension.isObject()) {
      problems.add("x-paykit-envelope must be an object with data, code, message or success");
      return problems;
    }
    for (Iterator<String> it = extension.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add("unknown key " + key + " (known: data, code, message, success)");
      }
    }
    if (extension.isEmpty()) {
      problems.add("x-paykit-envelope names none of data, code, message, success");
    }
    for (String key : List.of("data", "code", "message")) {
      JsonNode v = extension.get(key);
      if (v != null) {
        names(v, key, problems);
      }
    }
    JsonNode rule = extension.get("success");
    if (rule != null) {
      if (!rule.isObject()) {
        problems.add("success must be an object {field, values}");
      } else {
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          if (!SUCCESS_KEYS.contains(key)) {
            problems.add("success: unknown key " + key + " (known: field, values)");
          }
        }
        JsonNode field = rule.get("field");
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
          problems.add("success.field must name the field that tells the outcome");
        }
        JsonNode values = rule.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
          problems.add("success.values must list the values that mean success");
        } else {
          for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isValueNode() || values.get(i).isNull()) {
              problems.add("success.values[" + i + "] must be a string, number or boolean");
            }
          }
        }
      }
    }
    return problems;
  }

  private static void names(JsonNode v, String key, List<String> problems) {
    if (v.isTextual()) {
      if (v.asText().isBlank()) {
        problems.add(key + " must name a field");
      }
      return;
    }
    if (!v.isArray() || v.isEmpty()) {
      problems.add(key + " must be a field name or a non-empty list of field names");
      return;
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode n = v.get(i);
      if (!n.isTextual() || n.asText().isBlank()) {
        problems.add(key + "[" + i + "] must be a field name");
      } else if (seen.contains(n.asText())) {
        problems.add(key + "[" + i + "] repeats " + n.asText());
      } else {
        seen.add(n.asText());
      }
    }
  }

  private static List<String> names(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.asText());
    } else {
      v.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** The {@code minDigits} of the code field's {@code x-paykit-numeric-code}, 0 when it has none. */
  private static int codeDigits(ApiSpec spec, JsonNode schema, String field) {
    JsonNode property = schema.path("properties").get(field);
    for (int depth = 0; property != null && depth < 8; depth++) {
      JsonNode resolved = spec.resolve(property);
      JsonNode numeric = resolved.get("x-paykit-numeric-code");
      if (numeric != null) {
        return Math.max(1, numeric.path("minDigits").asInt(1));
      }
      JsonNode all = resolved.get("allOf");
      property = all != null && all.size() == 1 ? all.get(0) : null;
    }
    return 0;
  }

  /** The payload's keys, canonical first; empty when the envelope carries no payload. */
  public List<String> data() {
    return data;
  }

  /** The canonical payload key (the generated model's property), or null when there is none. */
  public String canonical() {
    return data.isEmpty() ? null : data.get(0);
  }

  /** The other keys the payload may come under. */
  public List<String> alternatives() {
    return data.size() < 2 ? List.of() : data.subList(1, data.size());
  }

  /** The fields the provider's code may be in, in order. */
  public List<String> code() {
    return code;
  }

  /** The fields the provider's message may be in, in order. */
  public List<String> message() {
    return message;
  }

  /** The success rule, or null. */
  public Success success() {
    return success;
  }

  /** The schema that declares this envelope (already resolved). */
  public JsonNode schema() {
    return schema;
  }

  /**
   * Moves the payload under the canonical key: when the canonical key is absent, null or an empty array
   * or object and another key holds a payload (the first one holding a non-empty value, else the first non-null
   * one when the canonical key is absent or null), that value is moved (the other key removed). A
   * canonical key that holds a payload is left alone, and so is anything else in the answer. Changes
   * {@code body} in place; any non-object is left as it is.
   */
  public void canonicalise(JsonNode body) {
    if (!(body instanceof ObjectNode object) || data.size() < 2) {
      return;
    }
    String canonical = data.get(0);
    JsonNode current = object.get(canonical);
    if (!empty(current)) {
      return;
    }
    String from = null;
    for (String alternative : alternatives()) {
      JsonNode v = object.get(alternative);
      if (v == null || v.isNull()) {
        continue;
      }
      if (!empty(v)) {
        from = alternative;
        break;
      }
      if (from == null && (current == null || current.isNull())) {
        from = alternative;
      }
    }
    if (from != null) {
      object.set(canonical, object.remove(from));
    }
  }

  private static boolean empty(JsonNode v) {
    return v == null || v.isNull() || (v.isContainerNode() && v.isEmpty());
  }

  /** The payload: the first of the keys that holds a value (null or absent: null). */
  public JsonNode payload(JsonNode body) {
    return first(body, data);
  }

  /** Whether one of the payload keys holds a value (an envelope without {@code data}: always). */
  public boolean carriesPayload(JsonNode body) {
    return data.isEmpty() || first(body, data) != null;
  }

  /**
   * The provider's code as text: a string as sent; an integer as its digits, left-padded with zeros as
   * the code field's {@code x-paykit-numeric-code} says; null when absent, null or not a string or integer.
   */
  public String code(JsonNode body) {
    JsonNode v = first(body, code);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isIntegralNumber()) {
      String digits = v.bigIntegerValue().toString();
      return digits.startsWith("-") || digits.length() >= codeDigits
          ? digits : "0".repeat(codeDigits - digits.length()) + digits;
    }
    return null;
  }

  /** The provider's message; null when absent, null or not a scalar. */
  public String message(JsonNode body) {
    JsonNode v = first(body, message);
    return v == null || !v.isValueNode() ? null : v.asText();
  }

  /** What the answer's success field says ({@link Outcome#NO_RULE} without a rule). */
  public Outcome outcome(JsonNode body) {
    return success == null ? Outcome.NO_RULE : success.test(body);
  }

  /** Whether {@code other} reads answers the same way (its declaring schema aside). */
  public boolean sameShape(EnvelopeSpec other) {
    return other != null && data.equals(other.data) && code.equals(other.code) && message.equals(other.message)
        && Objects.equals(success, other.success) && codeDigits == other.codeDigits;
  }

  private static JsonNode first(JsonNode body, List<String> keys) {
    if (body == null || !body.isObject()) {
      return null;
    }
    for (String key : keys) {
      JsonNode v = body.get(key);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "EnvelopeSpec[data=" + data + ", code=" + code + ", message=" + message + ", success="
        + (success == null ? "none" : success.field() + " in " + success.values()) + "]";
  }
}
