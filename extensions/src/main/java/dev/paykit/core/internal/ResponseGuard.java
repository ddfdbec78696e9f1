package dev.paykit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ConnectionException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.EnvelopeSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.WireNormalizer;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Stands between the transport and a provider's decoder for every success answer, so that no answer
 * the client cannot use ever looks like a result: the status must be one the spec lists for the
 * operation, the body must be complete, JSON where the spec says JSON, present where the spec promises
 * one, and, once the provider's decoder has read it (throwing the typed failure of an answer that reports
 * one), carry every field the spec's schema requires and the payload of an envelope
 * ({@code x-paykit-envelope}, {@link EnvelopeSpec}: one of its {@code data} keys must hold a value; a payload
 * that came under another key than the canonical one is checked under the canonical one, as the provider's
 * {@link EnvelopeDecoder} binds it); a missing proof of outcome is not a result. The provider's decoder
 * must return something. Each failure is an {@link UnexpectedResponseException}
 * (retryable; for an operation with an effect, the pipeline turns it into an unknown outcome), a body
 * cut off by the connection a {@link ConnectionException} whose outcome is unknown; a body that stops
 * arriving (read timeout, or the call's deadline) is left to {@link FailureTranslator}, which types it as
 * the transport's {@link dev.paykit.core.TimeoutException} like a timeout before the body. Never a
 * {@code null}, never a {@code NullPointerException} or a Jackson exception. The body is read once, at
 * most {@value #MAX_BODY} bytes, and handed on in memory. A model-typed answer is first bound straight from
 * those bytes while {@link AnswerScan} checks it ({@link #prebind}); when it is clean the provider's decoder
 * hands that value out ({@link #prebound}). Otherwise the JSON tree is read from the bytes for these checks
 * ({@link #parsedTree}: an envelope decoder on the same mapper binds that tree instead of parsing again). When an unusable success answer of an
 * operation with an effect still names, whole, the id of what the call created where the spec says
 * ({@code x-paykit-outcome: {id}}), that id is recorded for the call's unknown outcome
 * ({@link #salvageId}). Thread-safe.
 */
final class ResponseGuard implements Decoder {

  static final int MAX_BODY = 16 * 1024 * 1024;
  private static final int MAX_DEPTH = 12;

  private final ApiSpec spec;
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final Decoder delegate;

  ResponseGuard(ApiSpec spec, ObjectMapper mapper, Redactor redactor, Decoder delegate) {
    this.spec = spec;
    this.mapper = mapper;
    this.redactor = redactor;
    this.delegate = delegate;
  }

  /**
   * The answer's JSON tree as the guard already read it with this mapper, for the provider's decoder
   * (which then need not parse the answer a second time); null when the guard did not read one (the
   * decoder reads the body itself). Handed out once per answer.
   */
  static JsonNode parsedTree(Response response, ObjectMapper mapper) {
    InMemoryBody body = inMemory(response);
    return body == null ? null : body.takeTree(mapper);
  }

  /** The guard's in-memory body of this answer (also behind the transport's body it replaced), or null. */
  private static InMemoryBody inMemory(Response response) {
    Response.Body body = response.body();
    if (body instanceof OkHttpTransport.Streamed streamed) {
      body = streamed.buffered();
    }
    return body instanceof InMemoryBody b ? b : null;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    CallContext call = CallContext.current();
    OperationSpec op = call == null ? null : call.operation();
    int status = response.status();
    OperationSpec.Response promised = op == null ? null : op.response(status).orElse(null);
    if (op != null && promised == null) {
      throw unexpected(op, status, "HTTP " + status + " is not an answer the spec lists for this operation");
    }
    byte[] body = read(response, op, status, call);
    try {
      Object result = check(response, type, call, op, status, promised, body);
      ConditionalReads.accepted(call); // a conditional read's answer is cached only once it proved usable
      return result;
    } catch (UnexpectedResponseException unusable) {
      salvageId(call, op, status, body);
      throw unusable;
    }
  }

  private Object check(Response response, Type type, CallContext call, OperationSpec op, int status,
      OperationSpec.Response promised, byte[] body) throws IOException {
    boolean wantsBody = type != void.class && type != Void.class && Types.getRawType(type) != Response.class;
    JsonNode tree = null;
    Prebound prebound = null;
    if (body.length == 0) {
      if (wantsBody && (promised == null || promised.hasBody())) {
        throw unexpected(op, status, "the answer is empty where the spec promises a body");
      }
    } else if (promised != null && promised.jsonSchema() != null
        && (prebound = prebind(body, type, call, op, promised)) == null) {
      // not bound clean from the bytes, or unsure: the tree's way, which decides and says what is wrong
      try {
        tree = mapper.readTree(body);
      } catch (JsonProcessingException e) {
        throw unexpected(op, status, "the answer is not complete JSON" + contentType(response)
            + " (" + e.getOriginalMessage() + ")");
      }
      if (tree == null || tree.isMissingNode()) {
        throw unexpected(op, status, "the answer is empty where the spec promises a body");
      }
    }
    // the guard's verdict on the answer as it arrived, taken before the provider's decoder gets the tree
    // (it may change it in place: scrubbing, normalising) and told only after that decoder had its say
    String verdict = tree == null ? null : verdict(tree, call, op, promised);
    InMemoryBody inMemory = new InMemoryBody(body, tree, mapper, prebound);
    Response buffered;
    if (response.body() instanceof OkHttpTransport.Streamed streamed) {
      streamed.buffered(inMemory); // the transport's body is these bytes now: the same answer goes on
      buffered = response;
    } else {
      buffered = response.toBuilder().body(inMemory).build();
    }
    Object result;
    try {
      // the provider's decoder first: it throws the typed failure of an answer that reports one
      result = delegate.decode(buffered, type);
    } catch (PaykitException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unexpected(op, status, "the answer does not have the expected shape ("
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getClass().getSimpleName()) + ")");
    }
    if (result == null && wantsBody && status == 204 && op != null && !op.effectful()) {
      result = noContent(type, op, status);
    }
    if (result == null && wantsBody) {
      throw unexpected(op, status, "the answer is empty where the spec promises a body");
    }
    if (verdict != null) {
      throw unexpected(op, status, verdict);
    }
    return result;
  }

  /** What {@link AnswerScan} checks this answer against: what {@link #verdict} and the decoders would do with its tree. */
  private AnswerScan.Rules rules(CallContext call, OperationSpec op, OperationSpec.Response promised) {
    JsonNode schema = promised.jsonSchema();
    // the caller's reference only where the answer echoes one (reading it may render the request's body)
    String echo = op.referenceEcho().orElse(null);
    String reference = echo == null || call == null ? null : call.reference();
    return new AnswerScan.Rules(required(schema), spec.envelope(schema).orElse(null),
        reference == null ? null : echoPaths.computeIfAbsent(echo, e -> e.split("\\.")),
        reference, redactor, WireNormalizer.of(spec).triggers(schema), schema);
  }

  /**
   * A success answer bound straight from its bytes while {@link AnswerScan} checked it: the value the
   * provider's decoder may hand out instead of binding the tree ({@link #prebound}).
   *
   * @param type the type it was bound to, with the guard's mapper
   * @param value what the bytes bound to
   * @param clean what the answer was found clean for
   */
  record Prebound(Type type, Object value, AnswerScan.Clean clean) {}

  /**
   * The answer bound to {@code type} from its bytes, checked as it was read ({@link AnswerScan}); null when
   * the type is not a model (a byte array, a stream, a JDK type, a generic wrapper), when binding failed, or
   * when the answer is not clean: then the tree decides, exactly as without this.
   */
  Prebound prebind(byte[] body, Type type, CallContext call, OperationSpec op, OperationSpec.Response promised) {
    if (!prebinding || !(type instanceof Class<?> raw) || raw.isPrimitive() || raw.isArray()
        || raw.getName().startsWith("java") || raw == Response.class) {
      return null;
    }
    try (AnswerScan scan = new AnswerScan(mapper.getFactory().createParser(body), rules(call, op, promised))) {
      Object value = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t))).readValue(scan);
      AnswerScan.Clean clean = scan.verdict();
      return clean == null ? null : new Prebound(type, value, clean);
    } catch (IOException | RuntimeException doubt) {
      return null; // the tree's way reads it again and says what is wrong with it
    }
  }

  /** False (in tests only): every answer goes the tree's way, to compare the two. */
  boolean prebinding = true;

  /** The reader of each answer type, made once. */
  private final Map<Type, com.fasterxml.jackson.databind.ObjectReader> readers =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Each reference echo's path, split once (a spec names a handful). */
  private final Map<String, String[]> echoPaths = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The answer as the guard bound it from its bytes ({@link #prebind}) with this mapper to this type, for
   * the provider's decoder (which then binds nothing); null when there is none. Handed out once per answer.
   */
  static Prebound prebound(Response response, ObjectMapper mapper, Type type) {
    InMemoryBody body = inMemory(response);
    return body == null ? null : body.takePrebound(mapper, type);
  }

  /**
   * Why the parsed answer cannot be a result (a field the spec requires is missing, or it answers another
   * reference than the call's), or null when it can. Canonicalises the envelope's payload in place, as
   * the provider's envelope decoder would.
   */
  private String verdict(JsonNode tree, CallContext call, OperationSpec op, OperationSpec.Response promised) {
    // the payload where the provider's decoder binds it: under the envelope's canonical key
    EnvelopeSpec envelope = spec.envelope(promised.jsonSchema()).orElse(null);
    if (envelope != null) {
      envelope.canonicalise(tree);
    }
    String missing = required(promised.jsonSchema()).missing(tree, 0);
    if (missing != null) {
      return "the answer lacks " + missing + ", which the spec requires";
    }
    String echo = op.referenceEcho().orElse(null);
    if (echo != null && call.reference() != null) {
      JsonNode echoed = tree;
      for (String part : echo.split("\\.")) {
        echoed = echoed.path(part);
      }
      if (echoed.isValueNode() && !echoed.isNull() && !call.reference().equals(echoed.asText())) {
        // an answer about another request proves nothing about this one
        return "the answer is about another " + op.referenceField().orElse("reference")
            + " than this call's " + call.reference();
      }
    }
    return null;
  }

  /**
   * A 204 (No Content) to a read that the spec lists it for: an empty result (a page without items, a list
   * without entries), the answer's type decoded from {@code {}}, never a null or an error. Only for reads:
   * a write's 204 carries no result to make up.
   */
  private Object noContent(Type type, OperationSpec op, int status) {
    try {
      return mapper.readValue("{}", mapper.constructType(type));
    } catch (IOException | RuntimeException e) {
      throw unexpected(op, status, "the answer is 204 No Content where a " + Types.getRawType(type).getSimpleName()
          + " is expected, and there is no empty one");
    }
  }

  private byte[] read(Response response, OperationSpec op, int status, CallContext call) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    Integer length = response.body().length();
    // a declared length is read straight into an array of that size (no 8 KB chunk, no copy); a body
    // longer than declared, or of unknown length, goes on in chunks
    Bytes out = new Bytes(length == null || length < 0 ? 1024 : Math.min(length, MAX_BODY));
    try (InputStream in = response.body().asInputStream()) {
      if (length != null && length >= 0 && length <= MAX_BODY && out.fill(in)) {
        return out.toByteArray();
      }
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + n > MAX_BODY) {
          throw unexpected(op, status, "the answer is larger than " + MAX_BODY + " bytes");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (InterruptedIOException timedOut) {
      // a read timeout or the call's deadline while the body arrived: the transport's failure, typed
      // (TimeoutException, deadline or not, outcome unknown once sent) by FailureTranslator like any other
      salvageId(call, op, status, out.toByteArray());
      throw timedOut;
    } catch (IOException cut) {
      salvageId(call, op, status, out.toByteArray());
      String message = "the request was sent but its answer was cut off, so its outcome is unknown ("
          + cut.getClass().getSimpleName() + ")";
      throw new ConnectionException(ErrorDetails.builder(spec.provider())
          .operationId(op == null ? null : op.operationId()).httpStatus(status).providerMessage(message)
          .retryable(true).build(), cut);
    }
  }

  /**
   * Where the spec says a success answer names what the call created ({@code x-paykit-outcome: {id}},
   * e.g. Prune's {@code data.id}), reads that id from an answer that cannot be used as a result (cut off,
   * not complete JSON, lacking a required field) and records it on the call, for its unknown outcome
   * ({@link dev.paykit.core.OutcomeUnknownException#resourceId()}). Only from a success status, only a
   * value that arrived whole ({@link PartialJson}), never from an answer whose reference echo names
   * another reference than the call's, never a value the redactor would hide.
   */
  private void salvageId(CallContext call, OperationSpec op, int status, byte[] body) {
    if (call == null || op == null || !op.effectful() || status < 200 || status > 299 || body.length == 0) {
      return;
    }
    String path = op.createdIdPath().orElse(null);
    if (path == null) {
      return;
    }
    String echo = op.referenceEcho().orElse(null);
    // an envelope whose success field arrived whole and says "failed" names no booked resource
    OperationSpec.Response promised = op.response(status).orElse(null);
    EnvelopeSpec.Success success = promised == null || promised.jsonSchema() == null ? null
        : spec.envelope(promised.jsonSchema()).map(EnvelopeSpec::success).orElse(null);
    java.util.List<String> paths = new java.util.ArrayList<>(java.util.List.of(path));
    if (echo != null) {
      paths.add(echo);
    }
    if (success != null) {
      paths.add(success.field());
    }
    Map<String, String> found = PartialJson.scalars(mapper.getFactory(), body, paths, java.util.Set.of(path));
    String id = found.get(path);
    if (id == null || id.isBlank() || !redactor.redact(id).equals(id)) {
      return;
    }
    if (success != null && found.containsKey(success.field())) {
      String said = found.get(success.field());
      com.fasterxml.jackson.databind.JsonNode value;
      try {
        value = mapper.readTree(said);             // true, false, 404...
      } catch (java.io.IOException notALiteral) {
        value = com.fasterxml.jackson.databind.node.TextNode.valueOf(said);
      }
      if (value == null || value.isMissingNode()) {
        value = com.fasterxml.jackson.databind.node.TextNode.valueOf(said);
      }
      if (success.test(mapper.createObjectNode().set(success.field(), value)) == EnvelopeSpec.Outcome.FAILED) {
        return; // the answer said it failed: whatever id it carries is not a booking of this call
      }
    }
    String echoed = echo == null ? null : found.get(echo);
    if (echoed != null && call.reference() != null && !call.reference().equals(echoed)) {
      return; // an answer about another request names another request's id
    }
    call.resourceId(id);
  }

  /**
   * The first field the schema requires that the value lacks (or holds null where the schema does not
   * allow null), as a dotted path; null when nothing is missing. Follows {@code $ref}, {@code allOf},
   * object properties and array items; other combinators are not second-guessed. The spec walk, done
   * with every answer; {@link #required} compiles it once per schema, and is what answers are checked with.
   */
  String missing(JsonNode value, JsonNode schemaRef, int depth) {
    if (depth > MAX_DEPTH || value == null || value.isNull()) {
      return null;
    }
    JsonNode schema = spec.resolve(schemaRef);
    EnvelopeSpec envelope = spec.declaredEnvelope(schema).orElse(null);
    if (envelope != null && value.isObject() && !envelope.carriesPayload(value)) {
      return String.join(" or ", envelope.data());
    }
    for (JsonNode part : schema.path("allOf")) {
      String m = missing(value, part, depth + 1);
      if (m != null) {
        return m;
      }
    }
    if (value.isObject()) {
      for (JsonNode r : schema.path("required")) {
        JsonNode v = value.get(r.asText());
        if (v == null || (v.isNull() && !allowsNull(schema.path("properties").path(r.asText())))) {
          return r.asText();
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        String m = missing(value.get(p.getKey()), p.getValue(), depth + 1);
        if (m != null) {
          return p.getKey() + "." + m;
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      JsonNode items = spec.resolve(schema.get("items"));
      boolean objects = "object".equals(items.path("type").asText()) || items.has("required");
      for (int i = 0; i < value.size(); i++) {
        if (objects && value.get(i).isNull() && !allowsNull(schema.get("items"))) {
          return "[" + i + "]"; // a null where the list holds objects: not an item to hand out
        }
        String m = missing(value.get(i), schema.get("items"), depth + 1);
        if (m != null) {
          return "[" + i + "]." + m;
        }
      }
    }
    return null;
  }

  /**
   * The schemas' required-field checks compiled so far, by schema node (identity): read without a lock, the
   * map is replaced, never changed, when a schema is compiled; the spec has a bounded number of them.
   */
  private volatile Map<JsonNode, Required> compiled = new java.util.IdentityHashMap<>();

  /** {@link #missing(JsonNode, JsonNode, int)} of this schema, compiled: what answers are checked with. */
  Required required(JsonNode schemaRef) {
    Required known = compiled.get(schemaRef);
    if (known != null) {
      return known;
    }
    synchronized (this) {
      Map<JsonNode, Required> next = new java.util.IdentityHashMap<>(compiled);
      Required made = compile(schemaRef, next);
      compiled = next;
      return made;
    }
  }

  /** The node of {@code schemaRef}, made (with its parts) once per node; a cycle reuses the node in the making. */
  private Required compile(JsonNode schemaRef, Map<JsonNode, Required> made) {
    Required known = made.get(schemaRef);
    if (known != null) {
      return known;
    }
    Required r = new Required();
    made.put(schemaRef, r);
    try {
      fill(r, spec.resolve(schemaRef), made);
    } catch (RuntimeException unresolvable) {
      // a $ref the spec cannot resolve fails where the spec walk would: when an answer reaches it
      r.walk = this;
      r.schemaRef = schemaRef;
    }
    return r;
  }

  /** The checks of one resolved schema, its parts compiled ({@link #compile}); throws where the spec is broken. */
  private void fill(Required r, JsonNode schema, Map<JsonNode, Required> made) {
    r.envelope = spec.declaredEnvelope(schema).orElse(null);
    java.util.List<Required> parts = new java.util.ArrayList<>();
    for (JsonNode part : schema.path("allOf")) {
      parts.add(compile(part, made));
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (JsonNode name : schema.path("required")) {
      names.add(name.asText());
    }
    String[] required = names.toArray(new String[0]);
    boolean[] requiredAllowsNull = new boolean[required.length];
    for (int i = 0; i < required.length; i++) {
      requiredAllowsNull[i] = allowsNull(schema.path("properties").path(required[i]));
    }
    java.util.List<String> propertyNames = new java.util.ArrayList<>();
    java.util.List<Required> properties = new java.util.ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      propertyNames.add(p.getKey());
      properties.add(compile(p.getValue(), made));
    }
    if (schema.has("items")) {
      JsonNode items = spec.resolve(schema.get("items"));
      r.itemObjects = "object".equals(items.path("type").asText()) || items.has("required");
      r.itemsAllowNull = allowsNull(schema.get("items"));
      r.items = compile(schema.get("items"), made);
    }
    r.allOf = parts.toArray(new Required[0]);
    r.required = required;
    r.requiredAllowsNull = requiredAllowsNull;
    r.propertyNames = propertyNames.toArray(new String[0]);
    r.properties = properties.toArray(new Required[0]);
  }

  /**
   * One schema's part of {@link #missing(JsonNode, JsonNode, int)}, compiled ({@link #required}): the same
   * checks in the same order, from fields read once. Immutable once compiled.
   */
  static final class Required {
    /** Set for a schema that could not be compiled: the guard whose spec walk checks it. */
    private ResponseGuard walk;
    private JsonNode schemaRef;
    private EnvelopeSpec envelope;
    private Required[] allOf;
    private String[] required;
    private boolean[] requiredAllowsNull;
    private String[] propertyNames;
    private Required[] properties;
    /** Null when the schema has no {@code items}. */
    private Required items;
    private boolean itemObjects;
    private boolean itemsAllowNull;

    /**
     * Whether this node checks nothing in any value: compiled, without an envelope, parts, required names,
     * properties or items (a scalar's schema). Known once filled.
     */
    boolean checksNothing() {
      return walk == null && envelope == null && allOf.length == 0 && required.length == 0
          && properties.length == 0 && items == null;
    }

    /** Whether this schema could not be compiled (its checks are the spec walk's). */
    boolean uncompiled() {
      return walk != null;
    }

    Required[] allOf() {
      return allOf;
    }

    EnvelopeSpec envelope() {
      return envelope;
    }

    int requiredCount() {
      return required.length;
    }

    /** The index of {@code name} among the required names, or -1. */
    int requiredIndex(String name) {
      for (int i = 0; i < required.length; i++) {
        if (required[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    boolean requiredAllowsNull(int index) {
      return requiredAllowsNull[index];
    }

    /** The checks of the property {@code name}, or null when the schema names no such property. */
    Required property(String name) {
      for (int i = 0; i < propertyNames.length; i++) {
        if (propertyNames[i].equals(name)) {
          return properties[i];
        }
      }
      return null;
    }

    Required items() {
      return items;
    }

    boolean itemObjects() {
      return itemObjects;
    }

    boolean itemsAllowNull() {
      return itemsAllowNull;
    }

    /** As {@link ResponseGuard#missing(JsonNode, JsonNode, int)} of this schema. */
    String missing(JsonNode value, int depth) {
      if (depth > MAX_DEPTH || value == null || value.isNull()) {
        return null;
      }
      if (walk != null) {
        return walk.missing(value, schemaRef, depth);
      }
      if (envelope != null && value.isObject() && !envelope.carriesPayload(value)) {
        return String.join(" or ", envelope.data());
      }
      for (Required part : allOf) {
        String m = part.missing(value, depth + 1);
        if (m != null) {
          return m;
        }
      }
      if (value.isObject()) {
        for (int i = 0; i < required.length; i++) {
          JsonNode v = value.get(required[i]);
          if (v == null || (v.isNull() && !requiredAllowsNull[i])) {
            return required[i];
          }
        }
        for (int i = 0; i < properties.length; i++) {
          String m = properties[i].missing(value.get(propertyNames[i]), depth + 1);
          if (m != null) {
            return propertyNames[i] + "." + m;
          }
        }
      } else if (value.isArray() && items != null) {
        for (int i = 0; i < value.size(); i++) {
          if (itemObjects && value.get(i).isNull() && !itemsAllowNull) {
            return "[" + i + "]"; // a null where the list holds objects: not an item to hand out
          }
          String m = items.missing(value.get(i), depth + 1);
          if (m != null) {
            return "[" + i + "]." + m;
          }
        }
      }
      return null;
    }
  }

  private boolean allowsNull(JsonNode schemaRef) {
    JsonNode schema = spec.resolve(schemaRef);
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if ("null".equals(t.asText())) {
          return true;
        }
      }
    }
    return "null".equals(type.asText()) || schema.path("nullable").asBoolean(false);
  }

  private static String contentType(Response response) {
    for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
      if ("content-type".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
        return " (content type " + h.getValue().iterator().next() + ")";
      }
    }
    return "";
  }

  /**
   * The failure of an unusable answer. Its message may quote the answer (Jackson's own messages repeat
   * the offending token or value, e.g. {@code Unrecognized token 'sk_live_...'}), so it goes through the
   * client's redactor like every other text built from a provider's answer.
   */
  private UnexpectedResponseException unexpected(OperationSpec op, int status, String message) {
    return new UnexpectedResponseException(ErrorDetails.builder(spec.provider())
        .operationId(op == null ? null : op.operationId()).httpStatus(status)
        .providerMessage(redactor.redact(message)).retryable(true).build(), null);
  }

  /**
   * The answer's bytes, read once, handed on to the provider's decoder. A {@link java.io.Reader} over them
   * reads the decoded text directly (a {@link java.io.StringReader}): Feign's own byte body wraps them in an
   * {@link java.io.InputStreamReader}, whose decoder allocates an 8 KB buffer on every call, more than most
   * answers. The text is the same: both decode with the charset's replacement for malformed input.
   */
  static final class InMemoryBody implements Response.Body {
    private final byte[] bytes;
    private final ObjectMapper parsedBy;
    private JsonNode tree;

    InMemoryBody(byte[] bytes) {
      this(bytes, null, null);
    }

    /** @param tree the bytes as {@code parsedBy} read them (null when the guard did not parse them) */
    InMemoryBody(byte[] bytes, JsonNode tree, ObjectMapper parsedBy) {
      this(bytes, tree, parsedBy, null);
    }

    /** @param prebound the answer as bound with {@code parsedBy} from the bytes (or null) */
    InMemoryBody(byte[] bytes, JsonNode tree, ObjectMapper parsedBy, Prebound prebound) {
      this.bytes = bytes;
      this.tree = tree;
      this.parsedBy = parsedBy;
      this.prebound = prebound;
    }

    private Prebound prebound;

    /** The value bound with {@code mapper} to {@code type}, once; null otherwise. */
    synchronized Prebound takePrebound(ObjectMapper mapper, Type type) {
      if (prebound == null || mapper != parsedBy || !prebound.type().equals(type)) {
        return null;
      }
      Prebound taken = prebound;
      prebound = null;
      return taken;
    }


    /**
     * The tree the guard already read from these bytes, when {@code mapper} is the one that read it (so
     * the tree is exactly what {@code mapper.readTree} of the bytes would give), handed out once: the
     * taker may change it in place, so a later reader parses the bytes again. Null otherwise.
     */
    synchronized JsonNode takeTree(ObjectMapper mapper) {
      if (tree == null || mapper != parsedBy) {
        return null;
      }
      JsonNode taken = tree;
      tree = null;
      return taken;
    }

    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new java.io.ByteArrayInputStream(bytes);
    }

    @Override
    @SuppressWarnings("deprecation")
    public java.io.Reader asReader() {
      return asReader(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public java.io.Reader asReader(java.nio.charset.Charset charset) {
      return new java.io.StringReader(new String(bytes, charset));
    }

    @Override
    public void close() {
      // nothing to release: the connection's body was read and closed by ResponseGuard
    }

    @Override
    public String toString() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** A growable byte array whose exact-size content is handed on without a copy. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    /**
     * Reads into the free capacity; true when the stream ended there (the whole body is in), false when
     * more may follow.
     */
    boolean fill(InputStream in) throws IOException {
      while (count < buf.length) {
        int n = in.read(buf, count, buf.length - count);
        if (n < 0) {
          return true;
        }
        count += n;
      }
      int next = in.read();
      if (next < 0) {
        return true;
      }
      write(next);
      return false;
    }

    @Override
    public synchronized byte[] toByteArray() {
      return count == buf.length ? buf : super.toByteArray();
    }
  }
}
