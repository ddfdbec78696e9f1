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

  private ApiSpec(String provider, JsonNode root) {
    this.provider = provider;
    this.root = root;
    this.validator = new SchemaValidator(root);
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
    // in its own class: a YAMLFactory named here would be loaded to verify this class, on every user's JVM
    return new ApiSpec(provider, YamlSpecs.read(yaml));
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

  /** Follows a local {@code $ref} ({@code #/components/...}); any other node is returned as is. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current != null && current.has("$ref") && depth < 32; depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("only local $ref is supported: " + ref);
      }
      current = root.at(ref.substring(1));
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
    java.util.Set<String> names = new java.util.TreeSet<>();
    collectPasswordFields(root, names);
    return names;
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
