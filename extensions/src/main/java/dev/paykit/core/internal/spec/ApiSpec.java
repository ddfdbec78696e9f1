package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's OpenAPI spec as the runtime reads it: the operations with their per-operation
 * behaviour (retry safety, idempotency key, paging, derived fields, security) and a validator for their
 * constraints. Immutable and thread-safe; loaded once per client.
 *
 * <p>The specs ship inside the generated-client jar under {@code dev/paykit/specs/<provider>/openapi.yaml},
 * so the behaviour the runtime applies is always the one the code was generated from.
 */
public final class ApiSpec {

  private static final String[] METHODS = {"get", "put", "post", "delete", "patch", "head", "options"};

  private final String provider;
  private final JsonNode root;
  private final SchemaValidator validator;
  private final Map<String, OperationSpec> byId;
  private final Map<String, OperationSpec> byRoute;
  /** Every schema node that declares {@code x-paykit-envelope}, by identity; read-only after construction. */
  private final Map<JsonNode, EnvelopeSpec> envelopes = new java.util.IdentityHashMap<>();
  private final EnvelopeSpec defaultEnvelope;

  private ApiSpec(String provider, JsonNode root) {
    this.provider = provider;
    this.root = root;
    this.validator = new SchemaValidator(root);
    List<EnvelopeSpec> declared = new ArrayList<>();
    collectEnvelopes(root, "#", 0, declared);
    EnvelopeSpec shared = declared.isEmpty() ? null : declared.get(0);
    for (EnvelopeSpec e : declared) {
      if (!e.sameShape(shared)) {
        shared = null;
        break;
      }
    }
    this.defaultEnvelope = shared;
    Map<String, OperationSpec> ids = new LinkedHashMap<>();
    Map<String, OperationSpec> routes = new LinkedHashMap<>();
    JsonNode globalSecurity = root.path("security");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        OperationSpec spec = OperationSpec.read(this, method.toUpperCase(Locale.ROOT), path.getKey(),
            path.getValue(), op, globalSecurity);
        ids.put(spec.operationId(), spec);
        routes.put(routeKey(spec.method(), spec.path()), spec);
      }
    }
    this.byId = Map.copyOf(ids);
    this.byRoute = Map.copyOf(routes);
  }

  private static final Map<String, ApiSpec> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The spec of a provider: {@code dev/paykit/specs/<provider>/openapi.json} from the class path (the
   * build converts the hand-written YAML), parsed once per JVM and shared by every client: it is never
   * changed after parsing. Falls back to {@code openapi.yaml} when no JSON is there and a YAML parser is
   * on the class path (tests of hand-written test specs).
   */
  public static ApiSpec load(String provider) {
    ApiSpec spec = LOADED.get(provider);
    return spec != null ? spec : LOADED.computeIfAbsent(provider, ApiSpec::read);
  }

  private static ApiSpec read(String provider) {
    String base = "dev/paykit/specs/" + provider + "/openapi.";
    ClassLoader loader = ApiSpec.class.getClassLoader();
    try (InputStream json = loader.getResourceAsStream(base + "json")) {
      if (json != null) {
        return new ApiSpec(provider, SPEC_JSON.readTree(json));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + base + "json", e);
    }
    try (InputStream yaml = loader.getResourceAsStream(base + "yaml")) {
      if (yaml == null) {
        throw new IllegalStateException("spec not on the class path: " + base + "json");
      }
      return parse(provider, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + base + "yaml", e);
    }
  }

  /** Reads spec numbers as the decimals written, never as binary doubles. */
  private static final ObjectMapper SPEC_JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A spec from an already parsed document (JSON, or YAML read by the caller). */
  public static ApiSpec of(String provider, JsonNode root) {
    return new ApiSpec(provider, root);
  }

  /**
   * Parses a spec from YAML; needs {@code jackson-dataformat-yaml} on the class path, which paykit does
   * not bring to users (the shipped specs are JSON): for tools and tests.
   */
  public static ApiSpec parse(String provider, InputStream yaml) throws IOException {
    return new ApiSpec(provider, Yaml.readTree(yaml));
  }

  /**
   * The YAML parser in a class of its own: were it referenced from ApiSpec's own code, the JVM's verifier
   * would load {@code YAMLFactory} with ApiSpec, and every client would fail without the YAML parser
   * that users do not have.
   */
  private static final class Yaml {
    static JsonNode readTree(InputStream yaml) throws IOException {
      return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(yaml);
    }
  }

  public String provider() {
    return provider;
  }

  public JsonNode root() {
    return root;
  }

  public SchemaValidator validator() {
    return validator;
  }

  public List<OperationSpec> operations() {
    return new ArrayList<>(byId.values());
  }

  /** The operation with this {@code operationId}. */
  public OperationSpec operation(String operationId) {
    OperationSpec op = byId.get(operationId);
    if (op == null) {
      throw new IllegalArgumentException(provider + " spec has no operation " + operationId);
    }
    return op;
  }

  /**
   * The operation for an HTTP method and path template; path parameter names are ignored, so
   * {@code /get-payment/{txId}} finds {@code /get-payment/{tx_id}}.
   */
  public Optional<OperationSpec> find(String method, String pathTemplate) {
    return Optional.ofNullable(byRoute.get(routeKey(method, pathTemplate)));
  }

  /**
   * The envelope of answers of this schema: the {@code x-paykit-envelope} of the schema itself or of one
   * it stands for through {@code $ref} and {@code allOf} (the outermost, then the first part, depth first);
   * empty when it has none.
   */
  public Optional<EnvelopeSpec> envelope(JsonNode schemaRef) {
    if (schemaRef == null) {
      return Optional.empty();
    }
    Optional<EnvelopeSpec> known = envelopeOf.get(schemaRef);
    if (known == null) {
      known = Optional.ofNullable(findEnvelope(schemaRef, 0));
      if (envelopeOf.size() >= 4096) {
        return known; // not a node of this document's few schemas: answered, not kept
      }
      synchronized (this) {
        Map<JsonNode, Optional<EnvelopeSpec>> next = new java.util.IdentityHashMap<>(envelopeOf);
        next.put(schemaRef, known);
        envelopeOf = next;
      }
    }
    return known;
  }

  /**
   * {@link #envelope} of each schema node asked about (identity): the document does not change, so the
   * answer does not either. Read without a lock; replaced, never changed, when a node is added.
   */
  private volatile Map<JsonNode, Optional<EnvelopeSpec>> envelopeOf = new java.util.IdentityHashMap<>();

  private EnvelopeSpec findEnvelope(JsonNode schemaRef, int depth) {
    if (schemaRef == null || depth > 32) {
      return null;
    }
    JsonNode schema = resolve(schemaRef);
    EnvelopeSpec own = envelopes.get(schema);
    if (own != null) {
      return own;
    }
    for (JsonNode part : schema.path("allOf")) {
      EnvelopeSpec found = findEnvelope(part, depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The envelope this very schema node declares (no {@code $ref} or {@code allOf} followed), if any. */
  public Optional<EnvelopeSpec> declaredEnvelope(JsonNode schema) {
    return Optional.ofNullable(schema == null ? null : envelopes.get(schema));
  }

  /**
   * The provider's envelope when every envelope the spec declares reads answers the same way (e.g. one
   * for single objects and one for pages, with the same keys): what an answer whose schema is not known is
   * read with. Empty when the spec declares none, or several that differ.
   */
  public Optional<EnvelopeSpec> defaultEnvelope() {
    return Optional.ofNullable(defaultEnvelope);
  }

  /** Reads (and so validates) every {@code x-paykit-envelope} of the document, in document order. */
  private void collectEnvelopes(JsonNode node, String pointer, int depth, List<EnvelopeSpec> declared) {
    if (depth > 64) {
      return;
    }
    if (node.isObject()) {
      if (node.has("x-paykit-envelope")) {
        EnvelopeSpec e = EnvelopeSpec.read(this, node, provider + " spec " + pointer);
        envelopes.put(node, e);
        declared.add(e);
      }
      node.fields().forEachRemaining(f -> {
        if (!f.getKey().equals("x-paykit-envelope")) {
          collectEnvelopes(f.getValue(), pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1"),
              depth + 1, declared);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectEnvelopes(node.get(i), pointer + "/" + i, depth + 1, declared);
      }
    }
  }

  /** The targets of the local {@code $ref}s followed so far (the document is never changed). */
  private final Map<String, JsonNode> resolved = new java.util.concurrent.ConcurrentHashMap<>();

  /** Follows a local {@code $ref} ({@code #/components/...}); any other node is returned as is. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current != null && current.has("$ref") && depth < 32; depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("only local $ref is supported: " + ref);
      }
      JsonNode target = resolved.get(ref);
      if (target == null) {
        target = root.at(ref.substring(1)); // parses the JSON pointer: once per $ref, not per call
        if (!target.isMissingNode()) {
          resolved.put(ref, target);
        }
      }
      current = target;
      if (current.isMissingNode()) {
        throw new IllegalStateException("unresolvable $ref " + ref + " in " + provider + " spec");
      }
    }
    return current;
  }

  /**
   * Names of the properties and parameters the spec marks {@code format: password} (OTPs, callback
   * tokens...): their values are masked in logs and messages like the client's secrets.
   */
  public java.util.Set<String> passwordFields() {
    java.util.Set<String> names = passwordFields;
    if (names == null) {
      java.util.Set<String> found = new java.util.TreeSet<>();
      collectPasswordFields(root, found);
      names = java.util.Collections.unmodifiableSet(found);
      passwordFields = names; // the document never changes: read once per spec
    }
    return names;
  }

  private volatile java.util.Set<String> passwordFields;

  private final Map<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What is derived from this spec alone (a decoder's normalisation plans, an interface's operation
   * bindings...), computed once per spec, i.e. once per JVM for a provider's spec, and shared by every
   * client of it: {@code compute} must depend on nothing but the spec and the key, and its result must be
   * immutable or thread-safe. Two threads may compute it at once; one result is kept. {@code compute} may
   * itself ask for other derived values.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, java.util.function.Function<ApiSpec, T> compute) {
    Object value = derived.get(key);
    if (value == null) {
      value = java.util.Objects.requireNonNull(compute.apply(this), "derived value");
      Object raced = derived.putIfAbsent(key, value);
      if (raced != null) {
        value = raced;
      }
    }
    return (T) value;
  }

  /** These header / field names plus {@link #passwordFields()}: what a client's redactor masks. */
  public List<String> sensitiveNames(String... names) {
    List<String> all = new ArrayList<>(List.of(names));
    all.addAll(passwordFields());
    return all;
  }

  private static void collectPasswordFields(JsonNode node, java.util.Set<String> names) {
    if (node.isObject()) {
      node.path("properties").fields().forEachRemaining(p -> {
        if ("password".equals(p.getValue().path("format").asText())) {
          names.add(p.getKey());
        }
      });
      if (node.has("in") && node.has("name") && "password".equals(node.path("schema").path("format").asText())) {
        names.add(node.get("name").asText());
      }
      node.elements().forEachRemaining(child -> collectPasswordFields(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectPasswordFields(child, names));
    }
  }

  /**
   * Headers no caller may add through request options (see {@link #reservedHeader}). Accept-Encoding is
   * the transport's: a caller's value turns off OkHttp's transparent decompression, and every compressed
   * answer (a success included) would then be unreadable.
   */
  private static final java.util.Set<String> CLIENT_HEADERS = java.util.Set.of("authorization",
      "proxy-authorization", "idempotency-key", "content-type", "content-length", "content-encoding",
      "transfer-encoding", "host", "connection", "te", "upgrade", "expect", "user-agent", "cookie",
      "accept-encoding");

  private volatile java.util.Set<String> reservedHeaders;

  /**
   * Whether a caller's extra header would collide with one the client manages: credentials, keys,
   * content and connection headers, the user agent, every header the spec describes (a parameter of any
   * operation, derived or not, or an API-key scheme's header) and the document's
   * {@code x-paykit-reserved-headers} (aliases the provider also reads). Names compare ignoring case.
   */
  public boolean reservedHeader(String name) {
    java.util.Set<String> names = reservedHeaders;
    if (names == null) {
      names = new java.util.HashSet<>(CLIENT_HEADERS);
      for (OperationSpec op : operations()) {
        for (ParameterSpec p : op.parameters()) {
          if ("header".equals(p.in())) {
            names.add(p.name().toLowerCase(Locale.ROOT));
          }
        }
      }
      for (JsonNode scheme : root.path("components").path("securitySchemes")) {
        if ("header".equals(scheme.path("in").asText())) {
          names.add(scheme.path("name").asText().toLowerCase(Locale.ROOT));
        }
      }
      for (JsonNode alias : root.path("x-paykit-reserved-headers")) {
        names.add(alias.asText().toLowerCase(Locale.ROOT)); // e.g. a documented alias of a spec header
      }
      reservedHeaders = names = java.util.Set.copyOf(names);
    }
    return names.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The security scheme with this name under {@code components.securitySchemes}. */
  public JsonNode securityScheme(String name) {
    JsonNode scheme = root.path("components").path("securitySchemes").path(name);
    if (scheme.isMissingNode()) {
      throw new IllegalArgumentException(provider + " spec has no security scheme " + name);
    }
    return scheme;
  }

  private static String routeKey(String method, String path) {
    String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return method.toUpperCase(Locale.ROOT) + " " + noQuery.replaceAll("\\{[^}]*}", "{}");
  }

  @Override
  public String toString() {
    return "ApiSpec[" + provider + ", " + byId.size() + " operations]";
  }
}
