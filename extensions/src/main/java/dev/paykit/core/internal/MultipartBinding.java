package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.MultipartBody.FilePart;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.MultipartSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.MethodMetadata;
import feign.Types;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ties the arguments of a Feign method to the parts of its operation's {@code multipart/form-data} body
 * ({@link MultipartSpec}), reads their files into memory once per call ({@link #inMemory}) and checks
 * them before anything is sent ({@link #validate}). The parts are the method's {@code @Param} arguments
 * that are not parameters of the operation (the generated shape: one argument per named part, by its
 * wire name), or the entries of a {@code Map} body (part name to value: the way to send repeatable
 * parts such as {@code director_2_idFile}, which the generator does not turn into arguments).
 *
 * <p>What is checked, every violation named by its part (and {@code [i]} for a list's element), never
 * repeating a value, a file name or a content:
 * <ul>
 *   <li>{@code required}: a required part that is absent (null, or an empty list);
 *   <li>{@code additionalProperties}: a part the spec does not describe, when it refuses others;
 *   <li>{@code type}: a file where the spec wants text or the reverse, a list for a part that does not
 *       repeat; {@code minItems}/{@code maxItems} for one that does;
 *   <li>a text part: its schema, through the spec's validator, on the text that will be sent;
 *   <li>a file part: {@code filename} (there is one, and it is a plain name: no path separator, quote,
 *       backslash or control character, at most 255 characters), {@code readable} (a file or path that
 *       cannot be read), {@code empty}, {@code x-paykit-max-bytes} (its size limit; without one, the
 *       {@link MultipartBody#MAX_PART_BYTES} paykit holds in memory: rule {@code size}),
 *       {@code contentType} (its content type, as given or else taken from its file name's extension,
 *       is one the part allows), {@code extension} (its file name ends in an extension of an allowed
 *       type, and one that agrees with the content type it gives), {@code signature} (its first bytes
 *       are those of its type, for PNG, JPEG, PDF, GIF, WebP, TIFF and ZIP);
 *   <li>the body's rules across parts ({@link MultipartSpec#rules()}: its {@code allOf}, {@code anyOf},
 *       {@code oneOf}, {@code not}, e.g. a part required only when another has some value), over the parts
 *       present: one violation of field {@code body} naming the alternatives and what each misses.
 * </ul>
 * Immutable and thread-safe; built once per bound method.
 */
final class MultipartBinding {

  private final ApiSpec spec;
  private final MultipartSpec body;
  private final Map<Integer, String> partArgs;
  private final Integer mapBodyIndex;

  private MultipartBinding(ApiSpec spec, MultipartSpec body, Map<Integer, String> partArgs, Integer mapBodyIndex) {
    this.spec = spec;
    this.body = body;
    this.partArgs = partArgs;
    this.mapBodyIndex = mapBodyIndex;
  }

  /** The multipart binding of a method whose operation takes a multipart body; empty otherwise. */
  static Optional<MultipartBinding> bind(ApiSpec spec, OperationSpec op, MethodMetadata metadata) {
    Optional<MultipartSpec> body = MultipartSpec.of(spec, op);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, String> parts = new TreeMap<>();
    for (Map.Entry<Integer, Collection<String>> e : metadata.indexToName().entrySet()) {
      for (String name : e.getValue()) {
        if (!isParameter(op, name)) {
          parts.put(e.getKey(), name);
        }
      }
    }
    Integer mapBody = metadata.bodyIndex() != null && metadata.bodyType() != null
        && Map.class.isAssignableFrom(Types.getRawType(metadata.bodyType())) ? metadata.bodyIndex() : null;
    return Optional.of(new MultipartBinding(spec, body.get(), parts, mapBody));
  }

  /**
   * A copy of the arguments whose file values are read into memory ({@link FilePart}), each up to its
   * part's size limit plus one byte; text values are left as they are. The caller's array and map are
   * not changed.
   */
  Object[] inMemory(Object[] args) {
    Object[] copy = args.clone();
    partArgs.forEach((i, name) -> copy[i] = read(name, args[i]));
    if (mapBodyIndex != null && args[mapBodyIndex] instanceof Map<?, ?> map) {
      Map<Object, Object> parts = new LinkedHashMap<>();
      map.forEach((k, v) -> parts.put(k, k == null ? v : read(String.valueOf(k), v)));
      copy[mapBodyIndex] = parts;
    }
    return copy;
  }

  private Object read(String name, Object value) {
    MultipartSpec.Part part = body.part(name).orElse(null);
    if (value == null || (part != null && !part.file())) {
      return value;
    }
    long limit = part != null && part.maxBytes() != null ? part.maxBytes() : MultipartBody.MAX_PART_BYTES;
    return MultipartBody.inMemory(value instanceof Object[] array ? java.util.Arrays.asList(array) : value, limit);
  }

  /**
   * The parts these (in-memory) arguments send, by wire name, in order: text as its text, a file as its
   * {@link FilePart}, a repeated part as a list; absent, unnamed and unreadable values left out. What a
   * {@link RequestCheck} sees.
   */
  Map<String, Object> parts(Object[] args) {
    Map<String, Object> out = new LinkedHashMap<>();
    partArgs.forEach((i, name) -> put(out, name, args[i]));
    if (mapBodyIndex != null && args[mapBodyIndex] instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (k != null) {
          put(out, String.valueOf(k), v);
        }
      });
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static void put(Map<String, Object> out, String name, Object value) {
    List<?> values = value instanceof List<?> l ? l : value instanceof Object[] a ? java.util.Arrays.asList(a) : null;
    if (values == null) {
      Object one = sent(value);
      if (one != null) {
        out.put(name, one);
      }
      return;
    }
    List<Object> sent = values.stream().map(MultipartBinding::sent).filter(java.util.Objects::nonNull).toList();
    if (!sent.isEmpty()) {
      out.put(name, sent);
    }
  }

  private static Object sent(Object value) {
    if (value == null || value instanceof MultipartBody.Unreadable) {
      return null;
    }
    return value instanceof FilePart ? value : MultipartBody.isFileLike(value) ? null : MultipartBody.text(value);
  }

  /** Appends every violation of the body's declaration by these (in-memory) arguments. */
  void validate(Object[] args, List<Violation> out) {
    Map<String, Object> given = new LinkedHashMap<>();
    partArgs.forEach((i, name) -> {
      if (args[i] != null) {
        given.put(name, args[i]);
      }
    });
    if (mapBodyIndex != null && args[mapBodyIndex] instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (k == null) {
          out.add(new Violation("body", "propertyNames", "has a part without a name"));
        } else if (v != null) {
          given.put(String.valueOf(k), v);
        }
      });
    }
    Set<String> done = new HashSet<>();
    for (MultipartSpec.Part part : body.named()) {
      done.add(part.name());
      check(part, part.name(), given.get(part.name()), out);
    }
    for (Map.Entry<String, Object> e : given.entrySet()) {
      if (done.add(e.getKey())) {
        MultipartSpec.Part part = body.part(e.getKey()).orElse(null);
        if (part != null) {
          check(part, e.getKey(), e.getValue(), out);
        } else if (body.closed()) {
          out.add(new Violation(e.getKey(), "additionalProperties", "is not a part of this request"));
        } else if (e.getValue() instanceof FilePart f && f.size() > MultipartBody.MAX_PART_BYTES) {
          out.add(new Violation(e.getKey(), "size", "must be at most " + MultipartBody.MAX_PART_BYTES + " bytes"));
        }
      }
    }
    for (String r : body.required()) {
      if (done.add(r)) {
        out.add(new Violation(r, "required", "is required"));
      }
    }
    checkRules(given, out);
  }

  /** The field of a violation of the body's rules across parts ({@link MultipartSpec#rules()}). */
  static final String BODY = "body";

  /** What a file part is in the view the body's rules are checked against: present, content not shown. */
  private static final JsonNode FILE = JsonNodeFactory.instance.textNode("(file)");

  /**
   * The body's rules across parts (its {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}), checked by
   * the spec's validator against the parts present ({@link MultipartSpec#rules()}); a failed rule is
   * one violation of field {@value #BODY} that names the parts each alternative misses.
   */
  private void checkRules(Map<String, Object> given, List<Violation> out) {
    JsonNode rules = body.rules();
    if (rules == null) {
      return;
    }
    com.fasterxml.jackson.databind.node.ObjectNode view = JsonNodeFactory.instance.objectNode();
    given.forEach((name, value) -> {
      MultipartSpec.Part part = body.part(name).orElse(null);
      List<?> values = value instanceof List<?> l ? l : value instanceof Object[] a ? java.util.Arrays.asList(a) : null;
      if (values == null) {
        view.set(name, viewOf(part, value));
      } else if (!values.isEmpty()) {
        com.fasterxml.jackson.databind.node.ArrayNode array = view.putArray(name);
        values.forEach(v -> array.add(v == null ? JsonNodeFactory.instance.nullNode() : viewOf(part, v)));
      }
    });
    spec.validator().validate(BODY, view, rules, out);
  }

  private JsonNode viewOf(MultipartSpec.Part part, Object value) {
    if (MultipartBody.isFileLike(value)) {
      return FILE;
    }
    String text = MultipartBody.text(value);
    return part == null ? JsonNodeFactory.instance.textNode(text) : textNode(text, part.itemSchema());
  }

  private void check(MultipartSpec.Part part, String field, Object value, List<Violation> out) {
    boolean absent = value == null || (value instanceof List<?> l && l.isEmpty())
        || (value instanceof Object[] a && a.length == 0);
    if (absent) {
      if (body.required().contains(field)) {
        out.add(new Violation(field, "required", "is required"));
      }
      return;
    }
    List<?> values = value instanceof List<?> l ? l : value instanceof Object[] a ? java.util.Arrays.asList(a) : null;
    if (values == null) {
      checkOne(part, field, value, out); // one value (of a part that may also repeat)
      return;
    }
    if (!part.array()) {
      out.add(new Violation(field, "type", "is one part, not a list"));
      return;
    }
    JsonNode min = part.schema().get("minItems");
    JsonNode max = part.schema().get("maxItems");
    if (min != null && min.canConvertToLong() && values.size() < min.asLong()) {
      out.add(new Violation(field, "minItems", "must have at least " + min.asLong() + " parts (was " + values.size() + ")"));
    }
    if (max != null && max.canConvertToLong() && values.size() > max.asLong()) {
      out.add(new Violation(field, "maxItems", "must have at most " + max.asLong() + " parts (was " + values.size() + ")"));
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        out.add(new Violation(field + "[" + i + "]", "type", "is null"));
      } else {
        checkOne(part, field + "[" + i + "]", values.get(i), out);
      }
    }
  }

  private void checkOne(MultipartSpec.Part part, String field, Object value, List<Violation> out) {
    boolean fileLike = MultipartBody.isFileLike(value);
    if (part.file()) {
      Object held = fileLike ? MultipartBody.inMemory(value, limit(part)) : value; // already, after inMemory(args)
      if (held instanceof FilePart f) {
        checkFile(part, field, f, out);
      } else if (held instanceof MultipartBody.Unreadable) {
        out.add(new Violation(field, "readable", "cannot be read"));
      } else {
        out.add(new Violation(field, "type", "must be a file"));
      }
      return;
    }
    if (fileLike) {
      out.add(new Violation(field, "type", "must be text, not a file"));
      return;
    }
    spec.validator().validate(field, textNode(MultipartBody.text(value), part.itemSchema()), part.itemSchema(), out);
  }

  private static long limit(MultipartSpec.Part part) {
    return part.maxBytes() != null ? part.maxBytes() : MultipartBody.MAX_PART_BYTES;
  }

  private static void checkFile(MultipartSpec.Part part, String field, FilePart f, List<Violation> out) {
    String name = f.fileName();
    boolean plainName = false;
    if (name == null || name.isBlank()) {
      out.add(new Violation(field, "filename", "needs a file name"));
    } else if (!isPlainFileName(name)) {
      out.add(new Violation(field, "filename",
          "must be a plain file name: no path separator, quote, backslash or control character"));
    } else if (name.codePointCount(0, name.length()) > 255) {
      out.add(new Violation(field, "filename", "must be at most 255 characters long (was "
          + name.codePointCount(0, name.length()) + ")"));
    } else {
      plainName = true;
    }
    if (f.size() == 0) {
      out.add(new Violation(field, "empty", "is empty"));
    } else if (f.size() > limit(part)) {
      out.add(new Violation(field, part.maxBytes() != null ? MultipartSpec.MAX_BYTES : "size",
          "must be at most " + limit(part) + " bytes"));
    }
    String declared = FileTypes.essence(f.contentType());
    String byName = plainName ? FileTypes.byExtension(name) : null;
    String type = declared != null ? declared : byName;
    List<String> allowed = part.contentTypes();
    boolean typeOk = true;
    if (!allowed.isEmpty()) {
      if (type == null) {
        if (plainName) { // without a usable name, the filename violation says enough
          out.add(new Violation(field, "contentType", "needs a content type: one of " + String.join(", ", allowed)));
        }
        typeOk = false;
      } else if (allowed.stream().noneMatch(r -> FileTypes.inRange(type, r))) {
        out.add(new Violation(field, "contentType", "must be one of " + String.join(", ", allowed)));
        typeOk = false;
      }
      List<String> extensions = FileTypes.extensionsOf(allowed);
      String ext = FileTypes.extension(name);
      if (plainName && extensions != null && (ext == null || !extensions.contains(ext))) {
        out.add(new Violation(field, "extension", "file name must end in " + joinExtensions(extensions)));
        return;
      }
    }
    if (plainName && declared != null && byName != null && !declared.equals(byName)) {
      out.add(new Violation(field, "extension", "the file name's extension does not match its content type"));
      return;
    }
    if (typeOk && type != null && f.size() > 0 && !FileTypes.looksLike(type, f.raw())) {
      out.add(new Violation(field, "signature", "its bytes are not those of the content type it declares"));
    }
  }

  private static String joinExtensions(List<String> extensions) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < extensions.size(); i++) {
      sb.append(i == 0 ? "" : i == extensions.size() - 1 ? " or " : ", ").append('.').append(extensions.get(i));
    }
    return sb.toString();
  }

  /** No path separator, quote, backslash or control character: nothing a server could read as a path or a header. */
  private static boolean isPlainFileName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '/' || (c >= 0x80 && c < 0xa0)) {
        return false;
      }
    }
    return !name.equals(".") && !name.equals("..");
  }

  /** The text as the schema reads it: a number or boolean where the schema says so, so ranges apply. */
  private JsonNode textNode(String text, JsonNode schema) {
    String type = spec.resolve(schema).path("type").asText("");
    if (type.equals("integer") || type.equals("number")) {
      try {
        return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
      } catch (NumberFormatException notANumber) {
        return JsonNodeFactory.instance.textNode(text);
      }
    }
    if (type.equals("boolean") && (text.equals("true") || text.equals("false"))) {
      return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  /** A parameter of the operation (path, query, header), matched as {@link OperationBinding} does. */
  private static boolean isParameter(OperationSpec op, String name) {
    String wanted = normalize(name);
    return op.parameters().stream().anyMatch(p -> normalize(p.name()).equals(wanted));
  }

  private static String normalize(String name) {
    String n = name.startsWith("_") ? name.substring(1) : name;
    return n.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
