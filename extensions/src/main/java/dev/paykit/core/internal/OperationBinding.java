package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import dev.paykit.core.internal.spec.SchemaValidator;
import dev.paykit.core.Violation;
import feign.MethodMetadata;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ties one method of a generated Feign interface to its operation in the spec: which argument is which
 * parameter, form field, query map or body. Built once per method when a client is created; its
 * {@link #validate} and {@link #withIdempotencyKey} run once per call. Immutable and thread-safe.
 */
public final class OperationBinding {

  private final ApiSpec spec;
  private final OperationSpec operation;
  private final ParameterSpec[] params;
  private final Integer queryMapIndex;
  private final Integer bodyIndex;
  private final int idempotencyKeyIndex;
  private final MultipartBinding multipart;
  // read from the spec once, at binding: per argument (params' indexes) and per query parameter
  private final String[] types;
  private final boolean[] pathSegments;
  private final ParameterSpec[] queryParams;
  private final String[] queryTypes;
  private final boolean[] queryPathSegments;
  // each parameter's and the body's schema compiled once, at binding (SchemaValidator.compile)
  private final SchemaValidator.Compiled[] validators;
  private final SchemaValidator.Compiled[] queryValidators;
  private final SchemaValidator.Compiled bodyValidator;

  private OperationBinding(ApiSpec spec, OperationSpec operation, ParameterSpec[] params,
      Integer queryMapIndex, Integer bodyIndex, int idempotencyKeyIndex, MultipartBinding multipart) {
    this.spec = spec;
    this.operation = operation;
    this.params = params;
    this.queryMapIndex = queryMapIndex;
    this.bodyIndex = bodyIndex;
    this.idempotencyKeyIndex = idempotencyKeyIndex;
    this.multipart = multipart;
    this.types = new String[params.length];
    this.pathSegments = new boolean[params.length];
    this.validators = new SchemaValidator.Compiled[params.length];
    for (int i = 0; i < params.length; i++) {
      if (params[i] != null) {
        types[i] = typeOf(params[i].schema());
        pathSegments[i] = isPathSegment(params[i]);
        validators[i] = spec.validator().compile(params[i].schema());
      }
    }
    this.queryParams = operation.parameters().stream().filter(p -> "query".equals(p.in()))
        .toArray(ParameterSpec[]::new);
    this.queryTypes = new String[queryParams.length];
    this.queryPathSegments = new boolean[queryParams.length];
    this.queryValidators = new SchemaValidator.Compiled[queryParams.length];
    for (int i = 0; i < queryParams.length; i++) {
      queryTypes[i] = typeOf(queryParams[i].schema());
      queryPathSegments[i] = isPathSegment(queryParams[i]);
      queryValidators[i] = spec.validator().compile(queryParams[i].schema());
    }
    this.bodyValidator = operation.callerJsonBodySchema().map(s -> spec.validator().compile(s)).orElse(null);
  }

  /** The schema's {@code type} when it is one name ({@code ""} otherwise), as {@link #toNode} reads it. */
  private String typeOf(JsonNode schema) {
    return spec.resolve(schema).path("type").asText("");
  }

  /**
   * Binds a Feign method to its operation, found by HTTP method and path. Feign's parameter names are
   * the generator's Java names ({@code txId}); they are matched to the spec's wire names
   * ({@code tx_id}) ignoring case and punctuation.
   */
  public static Optional<OperationBinding> bind(ApiSpec spec, MethodMetadata metadata) {
    String path = metadata.template().path();
    Optional<OperationSpec> found = spec.find(metadata.template().method(), path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    OperationSpec op = found.get();
    ParameterSpec[] params = new ParameterSpec[metadata.method().getParameterCount()];
    int idempotencyIndex = -1;
    String idempotencyHeader = op.idempotencyHeader().orElse(null);
    for (Map.Entry<Integer, Collection<String>> e : metadata.indexToName().entrySet()) {
      for (String javaName : e.getValue()) {
        ParameterSpec p = lookup(op, javaName);
        if (p != null) {
          params[e.getKey()] = p;
          if (p.name().equals(idempotencyHeader)) {
            idempotencyIndex = e.getKey();
          }
        }
      }
    }
    return Optional.of(new OperationBinding(spec, op, params, metadata.queryMapIndex(),
        metadata.bodyIndex(), idempotencyIndex, MultipartBinding.bind(spec, op, metadata).orElse(null)));
  }

  public OperationSpec operation() {
    return operation;
  }

  /** Every violation of the spec's constraints by these arguments; empty when they are valid. */
  public List<Violation> validate(Object[] args, ObjectMapper mapper) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      ParameterSpec p = params[i];
      if (p == null || p.isDerived() || i == idempotencyKeyIndex) {
        continue;
      }
      check(p, validators[i], pathSegments[i], toNode(args[i], types[i], mapper), out);
    }
    if (queryMapIndex != null && args[queryMapIndex] instanceof Map<?, ?> query) {
      for (int i = 0; i < queryParams.length; i++) {
        ParameterSpec p = queryParams[i];
        check(p, queryValidators[i], queryPathSegments[i], toNode(unencoded(query.get(p.name())), queryTypes[i],
            mapper), out);
      }
    }
    if (bodyIndex != null) {
      Object body = args[bodyIndex];
      if (body == null && operation.bodyRequired()) {
        out.add(new Violation("body", "required", "is required"));
      } else if (body != null && bodyValidator != null) {
        bodyValidator.validate("", mapper.valueToTree(body), out);
      }
    }
    if (idempotencyKeyIndex >= 0 && args[idempotencyKeyIndex] instanceof String key) {
      IdempotencyKeys.check(params[idempotencyKeyIndex].name(), key).ifPresent(out::add);
    }
    if (multipart != null) {
      multipart.validate(args, out);
    }
    return out;
  }

  /**
   * What a {@link RequestCheck} sees of the request these (in-memory, {@link #inMemory}) arguments make:
   * the multipart parts present, or the JSON body as it will be sent.
   */
  public RequestCheck.Request request(Object[] args, ObjectMapper mapper) {
    java.util.Map<String, Object> parts = multipart == null ? java.util.Map.of() : multipart.parts(args);
    JsonNode json = null;
    if (multipart == null && bodyIndex != null && args[bodyIndex] != null) {
      try {
        json = mapper.valueToTree(args[bodyIndex]);
      } catch (IllegalArgumentException unreadable) {
        json = null;
      }
    }
    return new RequestCheck.Request(operation, parts, json);
  }

  /**
   * The arguments with every file of a multipart body read into memory once ({@link MultipartBinding}):
   * what {@link #validate} checks is then exactly what each attempt sends. The same array when the
   * operation takes no multipart body.
   */
  public Object[] inMemory(Object[] args) {
    return multipart == null ? args : multipart.inMemory(args);
  }

  /**
   * The caller's reference among these arguments ({@link OperationSpec#referenceField()}): a parameter
   * or form field of that name, or a top-level property of the JSON body; null when there is none.
   * Only read when a call's outcome is unknown.
   */
  public String reference(Object[] args, ObjectMapper mapper) {
    String field = operation.referenceField().orElse(null);
    if (field == null) {
      return null;
    }
    for (int i = 0; i < params.length; i++) {
      if (params[i] != null && params[i].name().equals(field) && args[i] != null) {
        return String.valueOf(args[i]);
      }
    }
    if (bodyIndex != null && args[bodyIndex] != null) {
      try {
        JsonNode v = mapper.valueToTree(args[bodyIndex]).get(field);
        return v == null || v.isNull() ? null : v.asText();
      } catch (IllegalArgumentException unreadable) {
        return null;
      }
    }
    return null;
  }

  /** Whether the operation takes an idempotency key. */
  public boolean takesIdempotencyKey() {
    return idempotencyKeyIndex >= 0;
  }

  /** The caller's idempotency key among these arguments, or null. */
  public String idempotencyKey(Object[] args) {
    return idempotencyKeyIndex >= 0 ? (String) args[idempotencyKeyIndex] : null;
  }

  /** Why this key (from the request options) cannot be sent as the operation's key, if it cannot. */
  public Optional<Violation> checkIdempotencyKey(String key) {
    return IdempotencyKeys.check(params[idempotencyKeyIndex].name(), key);
  }

  /** A copy of the arguments carrying this key (the caller's array is not changed). */
  public Object[] withIdempotencyKey(Object[] args, String key) {
    Object[] copy = args.clone();
    copy[idempotencyKeyIndex] = key;
    return copy;
  }

  private void check(ParameterSpec p, SchemaValidator.Compiled validator, boolean pathSegment, JsonNode value,
      List<Violation> out) {
    if (value == null || value.isNull()) {
      if (p.required()) {
        out.add(new Violation(p.name(), "required", "is required"));
      }
      return;
    }
    int before = out.size();
    validator.validate(p.name(), value, out);
    if (value.isTextual() && pathSegment && out.size() == before) { // one reason per field is enough
      PathSegments.check(p.name(), value.textValue()).ifPresent(out::add);
    }
    if (value.isTextual() && "header".equals(p.in()) && out.size() == before && !isHeaderText(value.textValue())) {
      out.add(new Violation(p.name(), HEADER_TEXT, "must be printable ASCII text: a header value cannot carry "
          + "line breaks, control characters or non-ASCII characters"));
    }
  }

  /** The {@link Violation#rule()} of a header value HTTP cannot carry. */
  public static final String HEADER_TEXT = "headerText";

  /** Whether HTTP/1.1 (and OkHttp) can send this as a header value: tab and visible ASCII, spaces. */
  static boolean isHeaderText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A path parameter, or a field whose value the provider later takes as one (marked
   * {@code x-paykit-path-segment: true}, e.g. Prompt.Cash's {@code tx_id}, read back by
   * {@code get-payment/{tx_id}}): a value that cannot be one path segment is rejected up front.
   */
  private boolean isPathSegment(ParameterSpec p) {
    return "path".equals(p.in()) || spec.resolve(p.schema()).path("x-paykit-path-segment").asBoolean(false);
  }

  /**
   * A query-map value as the provider will read it. The generated query maps are {@code encoded=true}:
   * their setters (and the facades) put values in already percent-encoded, so the constraints (lengths,
   * patterns) are checked on the decoded text, not on its longer escaped form. A value that is not valid
   * percent-encoding is checked as it is.
   */
  private static Object unencoded(Object value) {
    if (!(value instanceof String s) || s.indexOf('%') < 0) {
      return value;
    }
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return value;
    }
  }

  /**
   * The argument as a JSON value. Query-map values arrive as strings; they are read as numbers or
   * booleans when the schema says so, so that range checks apply to them too.
   */
  private static JsonNode toNode(Object value, String type, ObjectMapper mapper) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof String s) {
      try {
        if (type.equals("integer") || type.equals("number")) {
          return JsonNodeFactory.instance.numberNode(new BigDecimal(s));
        }
      } catch (NumberFormatException e) {
        return JsonNodeFactory.instance.textNode(s);
      }
      if (type.equals("boolean") && (s.equals("true") || s.equals("false"))) {
        return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(s));
      }
      return JsonNodeFactory.instance.textNode(s);
    }
    // the scalars of generated signatures, as valueToTree would make them (without serialising)
    if (value instanceof BigDecimal d) {
      return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(d); // scale kept, as paykit's mapper keeps it
    }
    if (value instanceof Integer n) {
      return JsonNodeFactory.instance.numberNode(n.intValue());
    }
    if (value instanceof Long n) {
      return JsonNodeFactory.instance.numberNode(n.longValue());
    }
    if (value instanceof Boolean b) {
      return JsonNodeFactory.instance.booleanNode(b);
    }
    return mapper.valueToTree(value);
  }

  private static ParameterSpec lookup(OperationSpec op, String javaName) {
    String wanted = normalize(javaName);
    for (ParameterSpec p : op.parameters()) {
      if (normalize(p.name()).equals(wanted)) {
        return p;
      }
    }
    for (ParameterSpec p : op.formFields()) {
      if (normalize(p.name()).equals(wanted)) {
        return p;
      }
    }
    return null;
  }

  /** Letters and digits only, lower case, without a leading {@code _}: {@code tx_id}, {@code txId} -> {@code txid}. */
  static String normalize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = name.startsWith("_") ? 1 : 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
