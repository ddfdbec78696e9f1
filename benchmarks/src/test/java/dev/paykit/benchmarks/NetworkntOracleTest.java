package dev.paykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.path.NodePath;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.spec.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * paykit's validator and networknt's, on the one case set of the extensions module
 * ({@code schema-cases.json}): both must report exactly the case's expected [path, keyword] pairs, except
 * where the case records that networknt reports something else and why; then networknt must report
 * exactly that, so a recorded difference that goes away (or a new one) fails here.
 *
 * <p>networknt's errors are brought to paykit's form: a failed {@code anyOf}/{@code oneOf} is one
 * violation at the alternative's value (networknt lists its branches' errors instead, and reports no
 * {@code anyOf} error of its own), and {@code required}/{@code additionalProperties} name the member.
 */
class NetworkntOracleTest {

  private static final Path CASES =
      Path.of("../extensions/src/test/resources/dev/paykit/core/internal/spec/schema-cases.json");
  private static final ObjectMapper MAPPER = PaykitJson.newMapper();
  private static final JsonNode FILE = read();
  private static final JsonNode DOCUMENT = document();
  private static final SchemaValidator OURS = new SchemaValidator(DOCUMENT);
  private static final NetworkntValidators THEIRS = new NetworkntValidators(DOCUMENT.toString());

  private static JsonNode read() {
    try {
      return MAPPER.readTree(CASES.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode document() {
    ObjectNode doc = FILE.get("document").deepCopy();
    ObjectNode cases = doc.putObject("x-cases");
    FILE.get("cases").forEach(c -> cases.set(c.get("id").textValue(), c.get("schema")));
    return doc;
  }

  static Stream<String> ids() {
    List<String> ids = new ArrayList<>();
    FILE.get("cases").forEach(c -> ids.add(c.get("id").textValue()));
    return ids.stream();
  }

  private static JsonNode testCase(String id) {
    for (JsonNode c : FILE.get("cases")) {
      if (c.get("id").textValue().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException(id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void bothReportTheExpectedViolations(String id) {
    JsonNode c = testCase(id);
    List<String> expected = pairs(c.get("expect"));
    JsonNode recorded = c.path("networknt").path("expect");
    List<String> expectedOfNetworknt = recorded.isArray() ? pairs(recorded) : expected;

    assertThat(ours(id, c.get("instance"))).as("paykit, %s", id).isEqualTo(expected);
    if (c.path("networknt").path("rejectsSchema").asBoolean()) {
      assertThatThrownBy(() -> THEIRS.schemaAt("/x-cases/" + id)).isInstanceOf(SchemaException.class);
    } else {
      assertThat(networknt(id, c.get("instance"))).as("networknt, %s", id).isEqualTo(expectedOfNetworknt);
    }
  }

  @Test
  void everyRecordedDifferenceSaysWhy() {
    int differences = 0;
    for (JsonNode c : FILE.get("cases")) {
      if (c.has("networknt")) {
        differences++;
        assertThat(c.path("networknt").path("why").asText()).as(c.get("id").asText()).hasSizeGreaterThan(20);
        if (!c.path("networknt").path("rejectsSchema").asBoolean()) {
          assertThat(pairs(c.path("networknt").path("expect"))).isNotEqualTo(pairs(c.get("expect")));
        }
      }
    }
    assertThat(differences).isLessThan(FILE.get("cases").size() / 4);
  }

  /**
   * What networknt's errors would leak if paykit wrapped them: on this set its messages repeat no text of
   * the value that the spec does not hold (paykit's never do; SchemaCaseSetTest checks that), but every
   * error carries the value itself ({@code getInstanceNode()}), so a wrapper would have to drop it and
   * write its own messages.
   */
  @Test
  void networkntErrorsCarryTheValueButItsMessagesDoNotRepeatIt() {
    List<String> leaks = new ArrayList<>();
    int errors = 0;
    int carrying = 0;
    for (JsonNode c : FILE.get("cases")) {
      if (c.path("networknt").path("rejectsSchema").asBoolean()) {
        continue;
      }
      String schemaText = c.get("schema").toString() + DOCUMENT.get("components");
      for (Error e : theirs(c.get("id").textValue(), c.get("instance"))) {
        errors++;
        carrying += e.getInstanceNode() != null && !e.getInstanceNode().isMissingNode() ? 1 : 0;
        for (String text : valueTexts(c.get("instance"))) {
          if (!schemaText.contains(text) && e.getMessage().contains(text)) {
            leaks.add(c.get("id").textValue() + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(carrying).isEqualTo(errors).isPositive();
  }

  /** The value's strings and numbers of five or more characters. */
  private static List<String> valueTexts(JsonNode value) {
    List<String> texts = new ArrayList<>();
    if (value.isTextual() || value.isNumber()) {
      String text = value.isNumber() ? value.decimalValue().toPlainString() : value.textValue();
      if (text.length() >= 5) {
        texts.add(text);
      }
    } else {
      value.elements().forEachRemaining(child -> texts.addAll(valueTexts(child)));
    }
    return texts;
  }

  private static List<String> ours(String id, JsonNode instance) {
    List<Violation> out = new ArrayList<>();
    OURS.validate("", instance, DOCUMENT.get("x-cases").get(id), out);
    return out.stream().map(v -> v.field() + " " + v.rule()).sorted().toList();
  }

  private static List<Error> theirs(String id, JsonNode instance) {
    Schema schema = THEIRS.schemaAt("/x-cases/" + id);
    return NetworkntValidators.validate(schema, NetworkntValidators.tree(instance.toString()));
  }

  private static List<String> networknt(String id, JsonNode instance) {
    Set<String> pairs = new TreeSet<>();
    for (Error e : theirs(id, instance)) {
      pairs.add(normalized(e));
    }
    return List.copyOf(pairs);
  }

  /** {@code "path keyword"} in paykit's terms; see the class comment. */
  static String normalized(Error e) {
    NodePath evaluation = e.getEvaluationPath();
    int depth = 0; // how many instance steps the evaluation path has taken so far
    for (int i = 0; i < evaluation.getNameCount(); i++) {
      String step = evaluation.getName(i);
      boolean last = i + 1 == evaluation.getNameCount();
      if ((step.equals("anyOf") || step.equals("oneOf")) && !last) {
        return path(e.getInstanceLocation(), depth, null) + " " + step; // inside a branch
      }
      switch (step) {
        case "properties", "patternProperties", "prefixItems" -> {
          i++;
          depth++;
        }
        case "additionalProperties", "items", "unevaluatedProperties", "unevaluatedItems", "contains" -> depth++;
        case "allOf", "dependentSchemas" -> i++;
        default -> { } // $ref, not, if/then/else and the keyword itself take no instance step
      }
    }
    NodePath at = e.getInstanceLocation();
    boolean namesMember = Set.of("required", "additionalProperties", "dependentRequired").contains(e.getKeyword());
    return path(at, at.getNameCount(), namesMember ? e.getProperty() : null) + " " + e.getKeyword();
  }

  /** The first {@code depth} steps of {@code at} (plus {@code member}) as {@code a.b[0].c}. */
  private static String path(NodePath at, int depth, String member) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      Object element = at.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    if (member != null) {
      path.append(path.length() == 0 ? "" : ".").append(member);
    }
    return path.toString();
  }

  private static List<String> pairs(JsonNode expect) {
    List<String> pairs = new ArrayList<>();
    expect.forEach(p -> pairs.add(p.get(0).textValue() + " " + p.get(1).textValue()));
    return pairs.stream().sorted().toList();
  }
}
