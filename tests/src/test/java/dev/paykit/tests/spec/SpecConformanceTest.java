package dev.paykit.tests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paykit.core.spec.ApiSpec;
import dev.paykit.core.spec.OperationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules of every spec under {@code specs/}: each operation says where it comes from, money is
 * never a binary float, and the spec stays inside the subset of OAS 3.1 the generator handles.
 */
class SpecConformanceTest {

  static Stream<Path> specs() throws IOException {
    return Files.list(Path.of("..", "specs")).map(d -> d.resolve("openapi.yaml")).filter(Files::exists);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationCarriesItsEvidence(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    assertThat(spec.operations()).isNotEmpty();
    for (OperationSpec op : spec.operations()) {
      JsonNode evidence = op.evidence().orElse(null);
      assertThat(evidence).as(op + " has x-paykit-evidence").isNotNull();
      String kind = evidence.path("kind").asText();
      assertThat(kind).as(op + " evidence kind").isIn("documented", "inferred");
      if (kind.equals("documented")) {
        assertThat(evidence.path("source").asText()).as(op + " documented: names its page").isNotBlank();
      } else {
        assertThat(evidence.path("note").asText()).as(op + " inferred: says why").isNotBlank();
      }
      assertThat(op.operationId()).as(op + " has an operationId").doesNotContain(" ");
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void staysInsideTheGeneratorFriendlySubsetAndNeverFloatsMoney(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    assertThat(root.path("openapi").asText()).startsWith("3.1");
    List<String> problems = new ArrayList<>();
    walk(root, "", problems);
    assertThat(problems).isEmpty();
  }

  /** The {@code x-paykit-*} extensions the runtime reads; a spec that uses another one is a typo. */
  static final java.util.Set<String> KNOWN_EXTENSIONS = java.util.Set.of("x-paykit-evidence", "x-paykit-retry",
      "x-paykit-pagination", "x-paykit-derived", "x-paykit-idempotency-key", "x-paykit-effect",
      "x-paykit-outcome", "x-paykit-envelope", "x-paykit-numeric-code", "x-paykit-read-aliases");

  @ParameterizedTest
  @MethodSource("specs")
  void usesOnlyExtensionsTheRuntimeKnows(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    List<String> unknown = new ArrayList<>();
    extensions(root, "", unknown);
    assertThat(unknown).as("x-paykit-* keys the runtime does not read").isEmpty();
  }

  private static void extensions(JsonNode node, String path, List<String> unknown) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("x-paykit-") && !KNOWN_EXTENSIONS.contains(e.getKey())) {
          unknown.add(path + "/" + e.getKey());
        }
        extensions(e.getValue(), path + "/" + e.getKey(), unknown);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        extensions(node.get(i), path + "[" + i + "]", unknown);
      }
    }
  }

  /**
   * An operation that can have an effect says how to find out what happened when its answer is lost
   * ({@code x-paykit-outcome: {query}}, naming an operation of the same spec), and its reference names a
   * field of its request; a read that is a POST says so ({@code x-paykit-effect: none}).
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyEffectfulOperationNamesHowToResolveAnUnknownOutcome(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    java.util.Set<String> ids = new java.util.HashSet<>();
    spec.operations().forEach(op -> ids.add(op.operationId()));
    for (OperationSpec op : spec.operations()) {
      if (!op.effectful()) {
        continue;
      }
      assertThat(op.outcomeQuery()).as(op + " names its x-paykit-outcome query").isPresent();
      assertThat(ids).as(op + " outcome query is an operation").contains(op.outcomeQuery().get());
      op.referenceField().ifPresent(field -> {
        boolean inForm = op.formField(field).isPresent();
        boolean inParams = op.parameter(field).isPresent();
        boolean inJson = op.jsonBodySchema().map(s -> properties(spec, s).contains(field)).orElse(false);
        assertThat(inForm || inParams || inJson).as(op + " reference " + field + " is a request field").isTrue();
      });
    }
  }

  private static java.util.Set<String> properties(ApiSpec spec, JsonNode schemaRef) {
    java.util.Set<String> out = new java.util.HashSet<>();
    JsonNode schema = spec.resolve(schemaRef);
    schema.path("properties").fieldNames().forEachRemaining(out::add);
    for (JsonNode part : schema.path("allOf")) {
      out.addAll(properties(spec, part));
    }
    return out;
  }

  private static void walk(JsonNode node, String path, List<String> problems) {
    if (node.isObject()) {
      String format = node.path("format").asText("");
      if (node.path("type").asText("").equals("number") && (format.equals("float") || format.equals("double"))) {
        problems.add(path + ": number with format " + format + " (money must be a decimal)");
      }
      if (node.has("const")) {
        problems.add(path + ": const (use a one-value enum)");
      }
      if (node.has("$ref") && node.size() > 1) {
        problems.add(path + ": $ref with siblings (wrap it in allOf)");
      }
      if (node.has("examples") && node.get("examples").isArray()) {
        problems.add(path + ": examples array (use a single example)");
      }
      node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, problems);
      }
    }
  }
}
