package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.core.internal.PaykitJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared case set ({@code schema-cases.json}, also run through networknt's validator by the
 * benchmarks module's {@code NetworkntOracleTest}): each case's violations, as [path, keyword] pairs,
 * are exactly the expected ones, and no message contains text of the value that the spec does not.
 */
class SchemaCaseSetTest {

  static final String RESOURCE = "dev/paykit/core/internal/spec/schema-cases.json";
  private static final ObjectMapper MAPPER = PaykitJson.newMapper();
  private static final JsonNode FILE = read();
  /** The case set's document with every case's schema under {@code #/x-cases/<id>}. */
  private static final JsonNode DOCUMENT = document(FILE);
  private static final SchemaValidator VALIDATOR = new SchemaValidator(DOCUMENT);

  private static JsonNode read() {
    try (InputStream in = SchemaCaseSetTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode document(JsonNode file) {
    ObjectNode doc = file.get("document").deepCopy();
    ObjectNode cases = doc.putObject("x-cases");
    file.get("cases").forEach(c -> cases.set(c.get("id").textValue(), c.get("schema")));
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
  void violationsAreTheExpectedOnes(String id) {
    JsonNode c = testCase(id);
    List<Violation> out = CompiledCrossCheck.validate(VALIDATOR, "", c.get("instance"), DOCUMENT.get("x-cases").get(id));

    assertThat(out.stream().map(v -> v.field() + " " + v.rule()).sorted().toList())
        .as("%s: %s", id, out)
        .isEqualTo(pairs(c.get("expect")));
    String schemaText = c.get("schema").toString() + DOCUMENT.get("components");
    for (Violation v : out) {
      for (String text : valueTexts(c.get("instance"))) {
        if (!schemaText.contains(text)) {
          assertThat(v.message()).as("%s: %s", id, v).doesNotContain(text);
        }
      }
    }
  }

  @Test
  void theSetCoversEveryKeywordTheSpecsUse() {
    List<String> keywords = new ArrayList<>();
    FILE.get("cases").forEach(c -> c.get("expect").forEach(p -> keywords.add(p.get(1).textValue())));
    assertThat(keywords).contains("minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "required", "enum", "const", "type", "minItems", "maxItems", "uniqueItems",
        "additionalProperties", "oneOf", "anyOf", "not", "format", "false", "minProperties", "encoding");
    assertThat(FILE.get("cases").size()).isGreaterThanOrEqualTo(40);
  }

  /** {@code [["a", "required"]]} as sorted {@code "a required"} strings. */
  static List<String> pairs(JsonNode expect) {
    List<String> pairs = new ArrayList<>();
    expect.forEach(p -> pairs.add(p.get(0).textValue() + " " + p.get(1).textValue()));
    return pairs.stream().sorted().toList();
  }

  /** The value's strings and numbers of five or more characters: what no message may repeat. */
  static List<String> valueTexts(JsonNode value) {
    List<String> texts = new ArrayList<>();
    collect(value, texts);
    return texts;
  }

  private static void collect(JsonNode value, List<String> texts) {
    if (value.isTextual() || value.isNumber()) {
      String text = value.isNumber() ? value.decimalValue().toPlainString() : value.textValue();
      if (text.length() >= 5) {
        texts.add(text);
      }
    } else if (value.isContainerNode()) {
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        collect(member.getValue(), texts);
      }
      if (value.isArray()) {
        value.forEach(item -> collect(item, texts));
      }
    }
  }
}
