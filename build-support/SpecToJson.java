import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Build step (run by generated-client's pom with Java's single-file launcher): converts every
 * {@code specs/<provider>/openapi.yaml} to {@code <out>/<provider>/openapi.json}, keeping every key
 * ({@code x-paykit-*} included) and every number as written. The runtime reads the JSON, so no YAML
 * parser is on users' class path.
 *
 * <p>With a third argument it also writes {@code <generator-out>/<provider>/openapi.json}, the
 * <em>generator's view</em> of the same spec: every value marked {@code x-paykit-derived} (a parameter,
 * or a property of a request body, form or JSON) is removed, because the SDK fills it on every attempt
 * and it must not appear in the signatures users call. Everything else is identical, so the shipped
 * spec (which keeps them) still describes the wire. Usage:
 * {@code java -cp <jackson> SpecToJson.java <specs> <out> [<generator-out>]}.
 */
public final class SpecToJson {

  public static void main(String[] args) throws IOException {
    Path specs = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path generatorOut = args.length > 2 ? Path.of(args[2]) : null;
    // numbers stay the decimals written in the spec (a maximum of 999999999999.99, a multipleOf of 1E-8)
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    ObjectMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    int n = 0;
    try (DirectoryStream<Path> providers = Files.newDirectoryStream(specs, Files::isDirectory)) {
      for (Path provider : providers) {
        Path source = provider.resolve("openapi.yaml");
        if (!Files.exists(source)) {
          continue;
        }
        JsonNode tree = yaml.readTree(source.toFile());
        if (tree == null || !tree.isObject() || !tree.has("openapi")) {
          throw new IllegalStateException(source + " is not an OpenAPI document");
        }
        Path target = out.resolve(provider.getFileName().toString()).resolve("openapi.json");
        Files.createDirectories(target.getParent());
        json.writeValue(target.toFile(), tree);
        if (generatorOut != null) {
          Path view = generatorOut.resolve(provider.getFileName().toString()).resolve("openapi.json");
          Files.createDirectories(view.getParent());
          json.writerWithDefaultPrettyPrinter().writeValue(view.toFile(), withoutDerived(tree.deepCopy()));
        }
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalStateException("no specs under " + specs.toAbsolutePath());
    }
  }

  /** The spec without anything marked {@code x-paykit-derived}: parameters, and properties of schemas. */
  static JsonNode withoutDerived(JsonNode spec) {
    JsonNode componentParams = spec.path("components").path("parameters");
    for (JsonNode pathItem : spec.path("paths")) {
      stripParameters(pathItem.path("parameters"), componentParams);
      for (JsonNode operation : pathItem) {
        if (operation.isObject()) {
          stripParameters(operation.path("parameters"), componentParams);
        }
      }
    }
    if (componentParams instanceof ObjectNode params) {
      List<String> derived = new ArrayList<>();
      params.properties().forEach(p -> {
        if (p.getValue().has("x-paykit-derived")) {
          derived.add(p.getKey());
        }
      });
      derived.forEach(params::remove);
    }
    stripProperties(spec, spec);
    return spec;
  }

  private static void stripParameters(JsonNode parameters, JsonNode componentParams) {
    if (!(parameters instanceof ArrayNode list)) {
      return;
    }
    for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
      JsonNode p = it.next();
      String ref = p.path("$ref").asText("");
      JsonNode resolved = ref.startsWith("#/components/parameters/")
          ? componentParams.path(ref.substring("#/components/parameters/".length())) : p;
      if (resolved.has("x-paykit-derived")) {
        it.remove();
      }
    }
  }

  /**
   * Every schema's properties marked derived (as written, or on the schema their {@code $ref} names, as
   * the runtime reads them) leave {@code properties} and {@code required}.
   */
  private static void stripProperties(JsonNode node, JsonNode root) {
    if (node instanceof ObjectNode object) {
      if (object.get("properties") instanceof ObjectNode properties) {
        List<String> derived = new ArrayList<>();
        properties.properties().forEach(p -> {
          JsonNode property = p.getValue();
          String ref = property.path("$ref").asText("");
          JsonNode target = ref.startsWith("#/") ? root.at(ref.substring(1)) : property;
          if (property.has("x-paykit-derived") || target.has("x-paykit-derived")) {
            derived.add(p.getKey());
          }
        });
        derived.forEach(properties::remove);
        if (object.get("required") instanceof ArrayNode required) {
          for (Iterator<JsonNode> it = required.iterator(); it.hasNext(); ) {
            if (derived.contains(it.next().asText())) {
              it.remove();
            }
          }
          if (required.isEmpty()) {
            object.remove("required");
          }
        }
      }
      object.forEach(child -> stripProperties(child, root));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> stripProperties(child, root));
    }
  }
}
