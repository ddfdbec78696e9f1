package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts a compiled plan takes, each against the full evaluation ({@link CompiledCrossCheck}: the plan
 * accepts a value exactly when the evaluation finds nothing, and reports the same violations): a
 * {@code multipleOf} that is a power of ten decided from the value's scale, a {@code $ref} with no other
 * keyword compiled as its target, and type names compiled to codes.
 */
class PlanShortcutsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  @Test
  void multipleOfAPowerOfTenAgreesWithTheArithmetic() {
    String[] divisors = {"0.01", "0.010", "1", "1.0", "100", "1E+2", "1E+3", "10.0", "0.001", "1E-8", "0.1",
        "3", "0.5", "2.5", "0.02", "20", "0.0100"};
    Random random = new Random(20261203L);
    int checked = 0;
    for (String divisor : divisors) {
      JsonNode schema = SchemaValidatorTest.yaml("multipleOf: " + divisor);
      SchemaValidator validator = new SchemaValidator(schema);
      List<JsonNode> values = new ArrayList<>(List.of(DecimalNode.valueOf(BigDecimal.ZERO),
          DecimalNode.valueOf(new BigDecimal("0E+5")), DecimalNode.valueOf(new BigDecimal("0.000")),
          DecimalNode.valueOf(new BigDecimal("1500.00")), DecimalNode.valueOf(new BigDecimal("1.5E+3")),
          DecimalNode.valueOf(new BigDecimal("-0.01")), DecimalNode.valueOf(new BigDecimal("1E+2147483647")),
          DecimalNode.valueOf(new BigDecimal("1E-2147483647")), IntNode.valueOf(7), IntNode.valueOf(-300),
          DoubleNode.valueOf(0.1), DoubleNode.valueOf(10.01), DoubleNode.valueOf(1e300), FloatNode.valueOf(0.3f),
          DoubleNode.valueOf(Double.NaN), DoubleNode.valueOf(Double.POSITIVE_INFINITY)));
      for (int i = 0; i < 400; i++) {
        long unscaled = random.nextInt(3) == 0 ? random.nextInt(2001) - 1000 : random.nextLong() % 1_000_000_000L;
        int scale = random.nextInt(13) - 5;
        values.add(DecimalNode.valueOf(BigDecimal.valueOf(unscaled, scale)));
      }
      for (JsonNode value : values) {
        CompiledCrossCheck.validate(validator, "amount", value, schema);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(divisors.length * 416);
  }

  @Test
  void aBareRefIsItsTarget() {
    JsonNode doc = SchemaValidatorTest.yaml("""
        openapi: 3.1.0
        components:
          schemas:
            Code: {type: string, pattern: "^[A-Z]{3}$"}
            Amount: {type: number, exclusiveMinimum: 0, multipleOf: 0.01}
            Anything: {}
            AnythingAtAll: true
            Nothing: false
            Either: {anyOf: [{type: string}, {type: integer}]}
            Typed: {type: [string, "null"]}
            Pair: {type: object, required: [code], properties: {code: {$ref: "#/components/schemas/Code"}}}
            Open: {type: object, additionalProperties: {$ref: "#/components/schemas/Amount"}}
            List: {type: array, items: {$ref: "#/components/schemas/Code"}}
            Tree: {type: object, properties: {kids: {type: array, items: {$ref: "#/components/schemas/Tree"}}}}
            Alias: {$ref: "#/components/schemas/Pair"}
            AliasOfAlias: {$ref: "#/components/schemas/Alias", description: only words}
            Nullable: {$ref: "#/components/schemas/Code", nullable: true}
        """);
    SchemaValidator validator = new SchemaValidator(doc);
    List<JsonNode> values = values();
    int checked = 0;
    for (String name : List.of("Code", "Amount", "Anything", "AnythingAtAll", "Nothing", "Either", "Typed", "Pair",
        "Open", "List", "Tree", "Alias", "AliasOfAlias", "Nullable")) {
      // the bare reference, a reference to a reference, and the reference below a property and an item
      List<JsonNode> schemas = List.of(SchemaValidatorTest.yaml("$ref: \"#/components/schemas/" + name + "\""),
          SchemaValidatorTest.yaml("{properties: {v: {$ref: \"#/components/schemas/" + name + "\"}}}"),
          SchemaValidatorTest.yaml("{items: {$ref: \"#/components/schemas/" + name + "\"}}"),
          SchemaValidatorTest.yaml("{allOf: [{$ref: \"#/components/schemas/" + name + "\"}]}"));
      for (JsonNode schema : schemas) {
        for (JsonNode value : values) {
          JsonNode wrapped = schema.has("properties") ? NODES.objectNode().set("v", value)
              : schema.has("items") ? NODES.arrayNode().add(value) : value;
          CompiledCrossCheck.validate(validator, "body", wrapped, schema);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(14 * 4 * values.size());
  }

  /** A {@code $ref} with any other keyword the plan compiles is not its target alone: the keyword applies too. */
  @Test
  void aRefWithAnotherKeywordKeepsIt() {
    JsonNode doc = SchemaValidatorTest.yaml("""
        openapi: 3.1.0
        components:
          schemas:
            Loose: {minLength: 0}
        """);
    SchemaValidator validator = new SchemaValidator(doc);
    List<String> keywords = List.of("type: integer", "type: [string, number]", "enum: [EUR, 12]", "const: EUR",
        "minLength: 4", "maxLength: 2", "pattern: \"^[a-z]+$\"", "format: date", "minimum: 10",
        "exclusiveMinimum: 12", "maximum: 0", "exclusiveMaximum: 9.99", "multipleOf: 5", "required: [code]",
        "properties: {code: {maxLength: 1}}", "additionalProperties: false", "additionalProperties: {type: integer}",
        "minItems: 3", "maxItems: 1", "items: {type: integer}", "items: [{type: integer}]",
        "allOf: [{type: string}]");
    int failing = 0;
    for (String keyword : keywords) {
      JsonNode schema = SchemaValidatorTest.yaml("{$ref: \"#/components/schemas/Loose\", " + keyword + "}");
      boolean anyViolation = false;
      for (JsonNode value : values()) {
        anyViolation |= !CompiledCrossCheck.validate(validator, "body", value, schema).isEmpty();
      }
      failing += anyViolation ? 1 : 0;
    }
    assertThat(failing).as("every keyword rejects one of the values").isEqualTo(keywords.size());
  }

  /** Values that reach every check a bare Checks makes: text, numbers without a decimal, members, items. */
  private static List<JsonNode> values() {
    List<JsonNode> values = new ArrayList<>();
    for (String text : List.of("EUR", "eur", "", "E\ud800R", "\udc00", "\ud83d\ude00", "EURO")) {
      values.add(TextNode.valueOf(text));
    }
    values.add(NullNode.getInstance());
    values.add(DecimalNode.valueOf(new BigDecimal("9.99")));
    values.add(DecimalNode.valueOf(new BigDecimal("9.999")));
    values.add(DecimalNode.valueOf(new BigDecimal("-1")));
    values.add(IntNode.valueOf(12));
    values.add(DoubleNode.valueOf(Double.NaN));
    values.add(DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
    values.add(FloatNode.valueOf(Float.NaN));
    values.add(NODES.booleanNode(true));
    ObjectNode pair = NODES.objectNode().put("code", "EUR");
    values.add(pair);
    values.add(NODES.objectNode().put("code", "E\ud800R"));
    values.add(NODES.objectNode().put("c\ud800de", "EUR").put("code", "EUR"));
    values.add(NODES.objectNode().putNull("code"));
    values.add(NODES.objectNode().set("code", DoubleNode.valueOf(Double.NaN)));
    values.add(NODES.objectNode().put("code", "EUR").set("x", DoubleNode.valueOf(Double.NaN)));
    values.add(NODES.objectNode().put("a", new BigDecimal("1.25")).put("b", new BigDecimal("1.255")));
    values.add(NODES.objectNode().set("kids", NODES.arrayNode().add(NODES.objectNode())
        .add(NODES.objectNode().set("kids", NODES.arrayNode().add("\ud800")))));
    values.add(NODES.objectNode().set("kids", NODES.arrayNode().addNull()));
    values.add(NODES.objectNode());
    ArrayNode list = NODES.arrayNode().add("EUR").add("USD");
    values.add(list);
    values.add(NODES.arrayNode().add("EUR").addNull());
    values.add(NODES.arrayNode().add("EUR").add("\udfff"));
    values.add(NODES.arrayNode().add(DoubleNode.valueOf(Double.NaN)));
    values.add(NODES.arrayNode().add(NODES.objectNode().put("\ud800", 1)));
    values.add(NODES.arrayNode());
    return values;
  }
}
