package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of a spec, with the per-operation behaviour the runtime applies. Immutable.
 *
 * <p>Read from the spec, never hand-written per endpoint:
 * <ul>
 *   <li>{@link #safeToRepeat()}: GET, HEAD, PUT, DELETE and OPTIONS are; a POST or PATCH is when it
 *       takes an idempotency key or carries {@code x-paykit-retry: {safe: true}};
 *   <li>{@link #idempotencyHeader()}: a header parameter named {@code Idempotency-Key} or marked
 *       {@code x-paykit-idempotency-key: true};
 *   <li>{@link #pagination()}: {@code x-paykit-pagination};
 *   <li>{@link #securitySchemes()}: the operation's {@code security}, else the document's;
 *   <li>{@link #formFields()}: the form body's fields in spec order (the documented signing order).
 * </ul>
 */
public final class OperationSpec {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  private final String operationId;
  private final String method;
  private final String path;
  private final List<ParameterSpec> parameters;
  private final List<ParameterSpec> formFields;
  private final JsonNode jsonBodySchema;
  private final JsonNode callerJsonBodySchema;
  private final Map<String, List<String>> derivedJson;
  private final boolean bodyRequired;
  private final List<String> securitySchemes;
  private final JsonNode retry;
  private final PaginationSpec pagination;
  private final JsonNode evidence;
  private final boolean effectful;
  private final JsonNode outcome;
  private final Map<String, Response> responses;
  // derived once, when the spec is read (a spec is parsed once per JVM and shared by every client)
  private final List<String> formFieldNames;
  private final Map<String, List<ParameterSpec>> derivedFormFields;
  private final Map<String, List<ParameterSpec>> derivedParameters;
  private final Optional<String> idempotencyHeader;

  /**
   * What the spec promises for one response status: whether it has a body, and the JSON schema of
   * that body (null when it has none, or it is not JSON).
   */
  public record Response(boolean hasBody, JsonNode jsonSchema) {}

  private OperationSpec(Builder b) {
    this.operationId = b.operationId;
    this.method = b.method;
    this.path = b.path;
    this.parameters = List.copyOf(b.parameters);
    this.formFields = List.copyOf(b.formFields);
    this.jsonBodySchema = b.jsonBodySchema;
    this.callerJsonBodySchema = b.callerJsonBodySchema;
    this.derivedJson = Map.copyOf(b.derivedJson);
    this.bodyRequired = b.bodyRequired;
    this.securitySchemes = List.copyOf(b.securitySchemes);
    this.retry = b.retry;
    this.pagination = b.pagination;
    this.evidence = b.evidence;
    this.effectful = b.effectful;
    this.outcome = b.outcome;
    this.responses = Collections.unmodifiableMap(new LinkedHashMap<>(b.responses));
    this.formFieldNames = formFields.stream().map(ParameterSpec::name).toList();
    this.derivedFormFields = byMarker(formFields);
    this.derivedParameters = byMarker(parameters);
    this.idempotencyHeader = findIdempotencyHeader(parameters);
  }

  private static Map<String, List<ParameterSpec>> byMarker(List<ParameterSpec> specs) {
    Map<String, List<ParameterSpec>> out = new LinkedHashMap<>();
    for (ParameterSpec p : specs) {
      if (p.derived() != null) {
        out.computeIfAbsent(p.derived(), k -> new ArrayList<>()).add(p);
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

  static OperationSpec read(ApiSpec spec, String method, String path, JsonNode pathItem, JsonNode op,
      JsonNode globalSecurity) {
    Builder b = new Builder();
    b.operationId = op.path("operationId").asText(method + " " + path);
    b.method = method;
    b.path = path;
    for (JsonNode p : concat(pathItem.path("parameters"), op.path("parameters"))) {
      JsonNode param = spec.resolve(p);
      JsonNode schema = param.path("schema");
      b.parameters.add(new ParameterSpec(param.path("name").asText(), param.path("in").asText(),
          param.path("required").asBoolean(false), schema, text(param, "x-paykit-derived")));
    }
    JsonNode body = spec.resolve(op.path("requestBody"));
    b.bodyRequired = body.path("required").asBoolean(false);
    JsonNode content = body.path("content");
    if (content.has(FORM)) {
      JsonNode schema = spec.resolve(content.get(FORM).path("schema"));
      Set<String> required = new LinkedHashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        b.formFields.add(new ParameterSpec(f.getKey(), "form", required.contains(f.getKey()),
            f.getValue(), derivedMarker(spec, f.getValue())));
      }
    } else if (content.has(JSON)) {
      b.jsonBodySchema = content.get(JSON).path("schema");
      JsonNode resolved = spec.resolve(b.jsonBodySchema);
      List<String> derived = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String marker = derivedMarker(spec, f.getValue());
        if (marker != null) {
          b.derivedJson.computeIfAbsent(marker, k -> new ArrayList<>()).add(f.getKey());
          derived.add(f.getKey());
        }
      }
      if (!derived.isEmpty() && resolved.isObject()) {
        // what the caller sends: the SDK adds the derived properties on every attempt
        com.fasterxml.jackson.databind.node.ObjectNode caller = ((com.fasterxml.jackson.databind.node.ObjectNode) resolved).deepCopy();
        derived.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) caller.path("properties"))::remove);
        if (caller.get("required") instanceof com.fasterxml.jackson.databind.node.ArrayNode required) {
          for (Iterator<JsonNode> it = required.iterator(); it.hasNext(); ) {
            if (derived.contains(it.next().asText())) {
              it.remove();
            }
          }
        }
        b.callerJsonBodySchema = caller;
      }
    }
    JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
    for (JsonNode requirement : security) {
      requirement.fieldNames().forEachRemaining(b.securitySchemes::add);
    }
    b.retry = op.get("x-paykit-retry");
    JsonNode paging = op.get("x-paykit-pagination");
    if (paging != null) {
      b.pagination = new PaginationSpec(paging.path("style").asText(), paging.path("items").asText(), paging);
    }
    b.evidence = op.get("x-paykit-evidence");
    b.effectful = !READ_METHODS.contains(method) && !"none".equals(op.path("x-paykit-effect").asText(""));
    b.outcome = op.get("x-paykit-outcome");
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> r = it.next();
      JsonNode response = spec.resolve(r.getValue());
      JsonNode media = response.path("content");
      JsonNode json = media.has(JSON) ? media.get(JSON).path("schema") : null;
      b.responses.put(r.getKey(), new Response(media.size() > 0, json));
    }
    return new OperationSpec(b);
  }

  /**
   * A property's {@code x-paykit-derived} marker, written beside a {@code $ref} or on the schema it names
   * (the build's generator view strips the property by the same rule), or null.
   */
  private static String derivedMarker(ApiSpec spec, JsonNode property) {
    String beside = text(property, "x-paykit-derived");
    return beside != null ? beside : text(spec.resolve(property), "x-paykit-derived");
  }

  public String operationId() {
    return operationId;
  }

  /** Upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The path template as written in the spec. */
  public String path() {
    return path;
  }

  /** Path, query, header and cookie parameters. */
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  /** The parameter with this wire name, in any location. */
  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The form body's fields in spec order; empty when the body is not form-encoded. */
  public List<ParameterSpec> formFields() {
    return formFields;
  }

  /** The names of {@link #formFields()}, in the same order (the documented signing order). */
  public List<String> formFieldNames() {
    return formFieldNames;
  }

  /** Whether any form field carries an {@code x-paykit-derived} marker (a step fills it per attempt). */
  public boolean hasDerivedFormFields() {
    return !derivedFormFields.isEmpty();
  }

  /** The form field with this name. */
  public Optional<ParameterSpec> formField(String name) {
    return formFields.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The form body's fields that carry this {@code x-paykit-derived} marker. */
  public List<ParameterSpec> derivedFormFields(String marker) {
    return derivedFormFields.getOrDefault(marker, List.of());
  }

  /** The header, query, path or cookie parameters that carry this {@code x-paykit-derived} marker. */
  public List<ParameterSpec> derivedParameters(String marker) {
    return derivedParameters.getOrDefault(marker, List.of());
  }

  /** The JSON body's top-level properties that carry any {@code x-paykit-derived} marker (filled by the SDK). */
  public java.util.Set<String> derivedJsonProperties() {
    java.util.Set<String> all = new java.util.HashSet<>();
    derivedJson.values().forEach(all::addAll);
    return all;
  }

  /**
   * Whether this operation is a read that may be asked conditionally: it has no effect and the spec lists
   * a 304 (not modified) answer for it. Only such operations go through the client's ETag cache.
   */
  public boolean conditionalRead() {
    return !effectful && responses.containsKey("304");
  }

  /** The JSON body's top-level properties that carry this {@code x-paykit-derived} marker. */
  public List<String> derivedJsonProperties(String marker) {
    return derivedJson.getOrDefault(marker, List.of());
  }

  /**
   * The JSON body's schema as the caller fills it: without the derived properties the SDK adds on every
   * attempt (which may be {@code required} on the wire); the body's schema when it has none.
   */
  public Optional<JsonNode> callerJsonBodySchema() {
    return Optional.ofNullable(callerJsonBodySchema != null ? callerJsonBodySchema : jsonBodySchema);
  }

  /** The JSON body's schema, if the operation takes one. */
  public Optional<JsonNode> jsonBodySchema() {
    return Optional.ofNullable(jsonBodySchema);
  }

  public boolean bodyRequired() {
    return bodyRequired;
  }

  /** Names of the security schemes this operation needs; empty when it needs none. */
  public List<String> securitySchemes() {
    return securitySchemes;
  }

  /** The header that carries this operation's idempotency key, if it takes one. */
  public Optional<String> idempotencyHeader() {
    return idempotencyHeader;
  }

  private static Optional<String> findIdempotencyHeader(List<ParameterSpec> parameters) {
    for (ParameterSpec p : parameters) {
      boolean marked = p.schema() != null && p.schema().path("x-paykit-idempotency-key").asBoolean(false);
      if ("header".equals(p.in()) && (marked || "idempotency-key".equalsIgnoreCase(p.name()))) {
        return Optional.of(p.name());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether sending this operation twice has the effect of sending it once, so that a failure whose
   * outcome is unknown may be retried.
   */
  public boolean safeToRepeat() {
    if (SAFE_METHODS.contains(method)) {
      return true;
    }
    return idempotencyHeader().isPresent() || (retry != null && retry.path("safe").asBoolean(false));
  }

  public Optional<PaginationSpec> pagination() {
    return Optional.ofNullable(pagination);
  }

  /**
   * Whether the operation can have an effect at the provider: every method but GET, HEAD and OPTIONS,
   * unless the spec marks it {@code x-paykit-effect: none} (a POST that only reads, such as a name
   * enquiry). When such a call's answer is lost or unreadable, its outcome is unknown.
   */
  public boolean effectful() {
    return effectful;
  }

  /**
   * The body field that names the caller's own reference of the operation ({@code x-paykit-outcome:
   * {reference: ...}}), e.g. Prompt.Cash {@code tx_id}; reported with an unknown outcome.
   */
  public Optional<String> referenceField() {
    return outcome == null || !outcome.hasNonNull("reference") ? Optional.empty()
        : Optional.of(outcome.get("reference").asText());
  }

  /**
   * Where a success answer repeats the caller's reference ({@code x-paykit-outcome: {echo: payment.tx_id}},
   * a dotted path): an answer naming another reference is about another request, not this call's.
   */
  public Optional<String> referenceEcho() {
    return outcome == null || !outcome.hasNonNull("echo") ? Optional.empty()
        : Optional.of(outcome.get("echo").asText());
  }

  /**
   * Where a success answer carries the id of what the operation created ({@code x-paykit-outcome: {id:
   * data.id}}, a dotted path), the id its {@link #outcomeQuery()} takes: read from an answer the client
   * cannot use as a result, so that an unknown outcome can name it
   * ({@link dev.paykit.core.OutcomeUnknownException#resourceId()}).
   */
  public Optional<String> createdIdPath() {
    return outcome == null || !outcome.hasNonNull("id") ? Optional.empty()
        : Optional.of(outcome.get("id").asText());
  }

  /** The operation that tells the state after an unknown outcome ({@code x-paykit-outcome: {query}}). */
  public Optional<String> outcomeQuery() {
    return outcome == null || !outcome.hasNonNull("query") ? Optional.empty()
        : Optional.of(outcome.get("query").asText());
  }

  /**
   * What the spec promises for this HTTP status: the exact status, else its range ({@code 2XX}), else
   * (for an error status only) {@code default}; empty when the spec does not list it. A success status
   * is never covered by {@code default}: an answer the spec does not list as a success is not one.
   */
  public Optional<Response> response(int status) {
    Response r = responses.get(Integer.toString(status));
    if (r == null) {
      r = responses.get((status / 100) + "XX");
    }
    if (r == null) {
      r = responses.get((status / 100) + "xx");
    }
    if (r == null && (status < 200 || status > 299)) {
      r = responses.get("default");
    }
    return Optional.ofNullable(r);
  }

  /** The {@code x-paykit-evidence} extension: where this operation comes from. */
  public Optional<JsonNode> evidence() {
    return Optional.ofNullable(evidence);
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + path + ")";
  }

  private static Iterable<JsonNode> concat(JsonNode a, JsonNode b) {
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    b.forEach(out::add);
    return Collections.unmodifiableList(out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static final class Builder {
    String operationId;
    String method;
    String path;
    final List<ParameterSpec> parameters = new ArrayList<>();
    final List<ParameterSpec> formFields = new ArrayList<>();
    JsonNode jsonBodySchema;
    JsonNode callerJsonBodySchema;
    final Map<String, List<String>> derivedJson = new java.util.HashMap<>();
    boolean bodyRequired;
    final List<String> securitySchemes = new ArrayList<>();
    JsonNode retry;
    PaginationSpec pagination;
    JsonNode evidence;
    boolean effectful;
    JsonNode outcome;
    final Map<String, Response> responses = new LinkedHashMap<>();
  }
}
