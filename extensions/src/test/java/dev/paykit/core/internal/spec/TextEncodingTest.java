package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Text that UTF-8 cannot carry (an unpaired UTF-16 surrogate) is a violation wherever the validator sees
 * it, whatever the schema says: encoders would send it as {@code ?}, so two different values would
 * reach the provider as the same one.
 */
class TextEncodingTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode yaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<Violation> validate(String field, JsonNode value, String schemaYaml) {
    JsonNode schema = yaml(schemaYaml);
    return CompiledCrossCheck.validate(new SchemaValidator(schema), field, value, schema);
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"pay-\uD800", "pay-\uDBFF", "pay-\uDC00", "pay-\uDFFF", "\uD800pay", "a\uDC00\uD800b",
      "\uD83D", "\uDE00\uD83D"})
  void anUnpairedSurrogateIsRejectedAndNamed(String text) {
    assertThat(validate("tx_id", TextNode.valueOf(text), "{type: string, maxLength: 255}"))
        .extracting(Violation::field, Violation::rule).containsExactly(tuple("tx_id", "encoding"));
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"pay-\uD83D\uDE00", "\uD83D\uDE00", "caf\u00e9", "\u4e2d\u6587", "", "\uFFFD"})
  void validTextPassesIncludingSurrogatePairs(String text) {
    assertThat(validate("tx_id", TextNode.valueOf(text), "{type: string}")).isEmpty();
  }

  @Test
  void theMessageNeverContainsTheText() {
    List<Violation> out = validate("desc", TextNode.valueOf("SECRET-4111\uD800"), "{type: string}");

    assertThat(out).singleElement().satisfies(v -> {
      assertThat(v.message()).doesNotContain("SECRET").doesNotContain("\uD800");
      assertThat(v.toString()).doesNotContain("SECRET");
    });
  }

  @Test
  void nestedMembersItemsAndPropertyNamesAreCheckedEvenWithoutASchemaForThem() {
    ObjectNode body = NODES.objectNode();
    body.put("ok", "fine \uD83D\uDE00");
    body.putObject("beneficiary").put("name", "Ada\uDBFF");
    ArrayNode items = body.putArray("items");
    items.addObject().put("note", "ok");
    items.addObject().put("note", "x\uDC01");
    body.putObject("metadata").put("k\uD800", "v");
    body.put("undeclared", "\uDFFF");

    List<Violation> out = validate("", body, """
        type: object
        properties:
          beneficiary: {type: object, properties: {name: {type: string, pattern: "^A"}}}
          items: {type: array, items: true}
          metadata: {type: object}
        """);

    assertThat(out).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
        tuple("beneficiary.name", "encoding"), tuple("items[1].note", "encoding"),
        tuple("metadata", "encoding"), tuple("undeclared", "encoding"));
    assertThat(out).allSatisfy(v -> assertThat(v.field() + v.message()).doesNotContain("\uD800"));
  }

  @Test
  void aBooleanOrMissingSchemaStillChecksTheText() {
    assertThat(validate("v", TextNode.valueOf("\uD800"), "true")).extracting(Violation::rule)
        .containsExactly("encoding");
    List<Violation> out = new ArrayList<>();
    new SchemaValidator(NODES.objectNode()).validate("v", TextNode.valueOf("\uDBFF"), null, out);
    assertThat(out).extracting(Violation::rule).containsExactly("encoding");
  }
}
