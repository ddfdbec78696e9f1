package dev.paykit.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

  /** Loads {@code dev/paykit/specs/<provider>/openapi.yaml} from the class path. */
  public static ApiSpec load(String provider) {
    String resource = "dev/paykit/specs/" + provider + "/openapi.yaml";
    try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("spec not on the class path: " + resource);
      }
      return parse(provider, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses a spec from YAML (or JSON). */
  public static ApiSpec parse(String provider, InputStream yaml) throws IOException {
    return new ApiSpec(provider, new ObjectMapper(new YAMLFactory()).readTree(yaml));
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
