package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code multipart/form-data} request body of an operation, as the spec declares it: its parts, which
 * are required, which are files, and what each file may be. Immutable and thread-safe; read once per
 * bound method.
 *
 * <p>Read from the body's schema and its {@code encoding}:
 * <ul>
 *   <li>{@code properties}: the named parts, in spec order; {@code patternProperties}: families of
 *       repeatable parts (e.g. {@code ^director_[1-9][0-9]*_idFile$}); {@code required}: parts that must
 *       be there (a required name may also be one a pattern matches, e.g. {@code director_1_idFile});
 *       {@code additionalProperties: false}: no other part may be sent.
 *   <li>A part is a <b>file</b> when its schema (or, for {@code type: array}, its items' schema) has
 *       {@code format: binary} (what the generator turns into a file argument) or a
 *       {@code contentMediaType} (OAS 3.1's way); every other part is <b>text</b>, checked against its
 *       schema by the spec's validator.
 *   <li>A file's allowed content types (media ranges such as {@code image/png} or {@code image/*}):
 *       {@code encoding.<part>.contentType} (OAS, comma-separated; named parts only), else
 *       {@value #CONTENT_TYPES} on the part's schema (a list; usable in a shared schema and on
 *       pattern parts, which {@code encoding} cannot name), else its {@code contentMediaType}; none, or
 *       {@code application/octet-stream} or {@code *}{@code /*} among them: any type.
 *   <li>A file's size limit: {@value #MAX_BYTES} on the part's schema, in bytes (OAS has no size
 *       keyword).
 *   <li>Rules across parts ({@link #rules()}): the body schema's {@code allOf}, {@code anyOf},
 *       {@code oneOf} and {@code not}.
 * </ul>
 */
public final class MultipartSpec {

  /** The request body media type this reads. */
  public static final String MEDIA_TYPE = "multipart/form-data";

  /** The largest file a part may carry, in bytes, on the part's schema. */
  public static final String MAX_BYTES = "x-paykit-max-bytes";

  /** The content types a file part may have, on the part's schema. */
  public static final String CONTENT_TYPES = "x-paykit-content-types";

  /**
   * One part, or a family of parts whose names match a pattern.
   *
   * @param name the part's wire name, or the pattern's source for a family
   * @param pattern the names a family matches; null for a named part
   * @param schema the part's schema, resolved (for an array, the array's)
   * @param itemSchema the schema of one value: the items' for an array, else {@code schema}
   * @param file whether the part carries files
   * @param array whether the part may repeat under the same name ({@code type: array})
   * @param contentTypes the allowed media ranges of a file, lower case; empty: any
   * @param maxBytes the largest file allowed, or null
   */
  public record Part(String name, Pattern pattern, JsonNode schema, JsonNode itemSchema, boolean file,
      boolean array, List<String> contentTypes, Long maxBytes) {

    /** Whether this part (or family) is the one of that wire name. */
    public boolean matches(String partName) {
      return pattern == null ? name.equals(partName) : pattern.matcher(partName).find();
    }
  }

  private final List<Part> named;
  private final List<Part> families;
  private final Set<String> required;
  private final boolean closed;
  private final JsonNode rules;
  private final List<String> problems;

  private MultipartSpec(List<Part> named, List<Part> families, Set<String> required, boolean closed,
      JsonNode rules, List<String> problems) {
    this.named = List.copyOf(named);
    this.families = List.copyOf(families);
    this.required = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(required)); // spec order
    this.closed = closed;
    this.rules = rules;
    this.problems = List.copyOf(problems);
  }

  /** The multipart body of an operation; empty when it takes none. */
  public static Optional<MultipartSpec> of(ApiSpec spec, OperationSpec op) {
    JsonNode operation = spec.root().path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT));
    JsonNode media = spec.resolve(operation.path("requestBody")).path("content").path(MEDIA_TYPE);
    if (media.isMissingNode()) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    JsonNode schema = spec.resolve(media.path("schema"));
    JsonNode encoding = media.path("encoding");
    List<Part> named = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      named.add(part(spec, p.getKey(), null, p.getValue(), encoding.path(p.getKey()), problems));
    }
    List<Part> families = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("patternProperties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      Pattern pattern;
      try {
        pattern = Pattern.compile(p.getKey());
      } catch (PatternSyntaxException e) {
        problems.add(p.getKey() + ": not a regular expression");
        continue;
      }
      families.add(part(spec, p.getKey(), pattern, p.getValue(), com.fasterxml.jackson.databind.node.MissingNode
          .getInstance(), problems));
    }
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    encoding.fieldNames().forEachRemaining(n -> {
      if (named.stream().noneMatch(p -> p.name().equals(n))) {
        problems.add("encoding." + n + ": names no part of the body");
      }
    });
    for (String r : required) {
      if (find(named, families, r).isEmpty()) {
        problems.add(r + ": required, but no property or pattern describes it");
      }
    }
    boolean closed = schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean();
    return Optional.of(new MultipartSpec(named, families, required, closed, rules(schema), problems));
  }

  /** The body schema's own composition keywords, alone; null when it has none. */
  private static JsonNode rules(JsonNode schema) {
    com.fasterxml.jackson.databind.node.ObjectNode rules = com.fasterxml.jackson.databind.node.JsonNodeFactory
        .instance.objectNode();
    for (String keyword : RULE_KEYWORDS) {
      if (schema.has(keyword)) {
        rules.set(keyword, schema.get(keyword));
      }
    }
    return rules.isEmpty() ? null : rules;
  }

  /** The keywords of a body schema that relate its parts to each other, read by {@link #rules()}. */
  static final List<String> RULE_KEYWORDS = List.of("allOf", "anyOf", "oneOf", "not");

  private static Optional<Part> find(List<Part> named, List<Part> families, String partName) {
    for (Part p : named) {
      if (p.matches(partName)) {
        return Optional.of(p);
      }
    }
    for (Part p : families) {
      if (p.matches(partName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Part part(ApiSpec spec, String name, Pattern pattern, JsonNode raw, JsonNode encoding,
      List<String> problems) {
    JsonNode schema = spec.resolve(raw);
    boolean array = "array".equals(schema.path("type").asText());
    JsonNode item = array ? spec.resolve(schema.path("items")) : schema;
    boolean binary = "binary".equals(item.path("format").asText());
    boolean file = binary || (item.hasNonNull("contentMediaType") && !item.hasNonNull("contentEncoding"));
    if (file && !binary) {
      problems.add(name + ": a file part without format: binary, which the generator turns into a String");
    }
    List<String> types = new ArrayList<>();
    if (encoding.hasNonNull("contentType")) {
      for (String t : encoding.get("contentType").asText().split(",")) {
        types.add(t.trim().toLowerCase(Locale.ROOT));
      }
    } else if (item.has(CONTENT_TYPES)) {
      JsonNode list = item.get(CONTENT_TYPES);
      if (!list.isArray() || list.isEmpty()) {
        problems.add(name + ": " + CONTENT_TYPES + " is a non-empty list of media types");
      }
      list.forEach(t -> types.add(t.asText().trim().toLowerCase(Locale.ROOT)));
    } else if (item.hasNonNull("contentMediaType")) {
      types.add(item.get("contentMediaType").asText().trim().toLowerCase(Locale.ROOT));
    }
    for (String t : types) {
      if (!t.matches("(\\*/\\*|[a-z0-9!#$&^_.+-]+/(\\*|[a-z0-9!#$&^_.+-]+))")) {
        problems.add(name + ": '" + t + "' is not a media type or range");
      }
    }
    if (types.contains("application/octet-stream") || types.contains("*/*")) {
      types.clear(); // any binary
    }
    Long maxBytes = null;
    JsonNode max = item.get(MAX_BYTES);
    if (max != null) {
      if (!max.isIntegralNumber() || !max.canConvertToLong() || max.asLong() < 1) {
        problems.add(name + ": " + MAX_BYTES + " is a number of bytes (a whole number, 1 or more)");
      } else {
        maxBytes = max.asLong();
      }
      if (!file) {
        problems.add(name + ": " + MAX_BYTES + " on a part that is not a file (a text part has maxLength)");
      }
    }
    if (!file && !types.isEmpty() && item.has(CONTENT_TYPES)) {
      problems.add(name + ": " + CONTENT_TYPES + " on a part that is not a file");
    }
    return new Part(name, pattern, schema, item, file, array, List.copyOf(file ? types : List.of()), maxBytes);
  }

  /** The named parts, in spec order. */
  public List<Part> named() {
    return named;
  }

  /** The families of repeatable parts ({@code patternProperties}), in spec order. */
  public List<Part> families() {
    return families;
  }

  /** The part of that wire name: a named part, else the first family that matches; empty when none. */
  public Optional<Part> part(String partName) {
    return find(named, families, partName);
  }

  /** The names of the parts that must be sent, in spec order. */
  public Set<String> required() {
    return required;
  }

  /**
   * The rules of the body as a whole, which no single part's schema can state: the body schema's
   * {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}, alone in one schema object (null when it
   * has none), e.g. Prune's "the back side of the ID ({@code idFileBack}) unless {@code idType} is
   * {@code passport}". They are checked against a view of the parts sent: every part present by its
   * name, a text part by its text (read as a number or boolean where its schema says so), a file part
   * as a string that stands for the file (so a rule can ask for a file's presence with {@code required},
   * never for its content), a repeated part as an array of those.
   */
  public JsonNode rules() {
    return rules;
  }

  /** Whether parts the spec does not describe are refused ({@code additionalProperties: false}). */
  public boolean closed() {
    return closed;
  }

  /**
   * What is wrong with this body's declaration: a file part the generator would not make a file, a
   * size limit or content type that cannot be read, a required part nothing describes, an
   * {@code encoding} naming no part. Empty when the runtime checks it as written. For build-time checks;
   * the runtime does not call it.
   */
  public List<String> problems() {
    return problems;
  }
}
