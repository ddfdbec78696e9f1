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
