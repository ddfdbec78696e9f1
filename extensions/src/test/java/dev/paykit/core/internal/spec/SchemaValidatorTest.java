package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final ObjectMapper YAML = new YAMLMapper();
  /** Plain JSON: fractional numbers become doubles (DoubleNode), as with a default ObjectMapper. */
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Exact JSON: fractional numbers stay BigDecimal with their scale (DecimalNode). */
  private static final ObjectMapper EXACT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode json(ObjectMapper mapper, String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Validates JSON {@code value} as field "v" against a YAML schema that is also the document root. */
  static List<Violation> check(String schemaYaml, String value) {
    return check(schemaYaml, json(JSON, value));
  }

  static List<Violation> checkExact(String schemaYaml, String value) {
    return check(schemaYaml, json(EXACT_JSON, value));
  }

  static List<Violation> check(String schemaYaml, JsonNode value) {
    JsonNode schema = yaml(schemaYaml);
    return CompiledCrossCheck.validate(new SchemaValidator(schema), "v", value, schema);
  }

  static List<String> rules(List<Violation> violations) {
    return violations.stream().map(Violation::rule).toList();
  }

  @Test
  void violationToStringIsFieldColonMessage() {
    assertThat(new Violation("amount", "minimum", "must be at least 1"))
        .hasToString("amount: must be at least 1");
  }

  @Nested
  class Types {
    @Test
    void string() {
      assertThat(check("type: string", "\"x\"")).isEmpty();
      assertThat(check("type: string", "12")).singleElement()
          .extracting(Violation::field, Violation::rule, Violation::message)
          .containsExactly("v", "type", "must be of type string (was integer)");
    }

    @Test
    void integerAcceptsOnlyNumbersWithoutFraction() {
      assertThat(check("type: integer", "5")).isEmpty();
      assertThat(check("type: integer", "5.0")).isEmpty();
      assertThat(checkExact("type: integer", "5.00")).isEmpty();
      assertThat(checkExact("type: integer", "1E+3")).isEmpty();
      assertThat(check("type: integer", "12345678901234567890123")).isEmpty();
      assertThat(rules(check("type: integer", "5.5"))).containsExactly("type");
      assertThat(rules(check("type: integer", "\"5\""))).containsExactly("type");
    }

    @Test
    void numberBooleanArrayObject() {
      assertThat(check("type: number", "5")).isEmpty();
      assertThat(check("type: number", "5.25")).isEmpty();
      assertThat(rules(check("type: number", "\"5.25\""))).containsExactly("type");
      assertThat(check("type: boolean", "true")).isEmpty();
      assertThat(rules(check("type: boolean", "\"true\""))).containsExactly("type");
      assertThat(check("type: array", "[]")).isEmpty();
      assertThat(rules(check("type: array", "{}"))).containsExactly("type");
      assertThat(check("type: object", "{}")).isEmpty();
      assertThat(rules(check("type: object", "[]"))).containsExactly("type");
    }

    @Test
    void typeArray() {
      String schema = "type: [string, integer]";
      assertThat(check(schema, "\"a\"")).isEmpty();
      assertThat(check(schema, "3")).isEmpty();
      assertThat(check(schema, "true")).singleElement().extracting(Violation::message)
          .isEqualTo("must be of type string or integer (was boolean)");
    }

    @Test
    void nonFiniteNumberIsRejected() {
      assertThat(rules(check("type: number", JsonNodeFactory.instance.numberNode(Double.NaN))))
          .containsExactly("type");
    }

    @Test
    void absentOrNullTopLevelValueIsNotChecked() {
      assertThat(check("{type: string, minLength: 3}", (JsonNode) null)).isEmpty();
      assertThat(check("{type: string, minLength: 3}", NullNode.getInstance())).isEmpty();
    }
  }

  @Nested
  class Nullability {
    private final String schema = """
        type: object
        required: [a, b, c, d]
        properties:
          a: {type: [string, "null"]}
          b: {type: string, nullable: true}
          c: {type: string}
          d: {type: string}
          e: {type: string, minLength: 5}
        """;

    @Test
    void requiredNullIsOkOnlyWhenTheSchemaAdmitsNull() {
      List<Violation> violations = check(schema, "{\"a\": null, \"b\": null, \"c\": null, \"e\": null}");
      assertThat(violations).extracting(Violation::field, Violation::rule, Violation::message)
          .containsExactly(tuple("v.c", "required", "is required"), tuple("v.d", "required", "is required"));
    }

    @Test
    void nullableTypeArrayStillChecksPresentValues() {
      assertThat(check(schema, "{\"a\": 1, \"b\": \"x\", \"c\": \"x\", \"d\": \"x\"}"))
          .extracting(Violation::field, Violation::rule).containsExactly(tuple("v.a", "type"));
    }

    @Test
    void nullableThroughRefAndAllOf() {
      JsonNode doc = yaml("""
          components:
            schemas:
              MaybeText: {type: [string, "null"]}
              Text: {type: string}
          """);
      JsonNode schema = yaml("""
          type: object
          required: [a, b, c]
          properties:
            a: {$ref: "#/components/schemas/MaybeText"}
            b: {allOf: [{$ref: "#/components/schemas/Text"}], nullable: true}
            c: {$ref: "#/components/schemas/Text"}
          """);
      List<Violation> out = new ArrayList<>();
      new SchemaValidator(doc).validate("body", json(JSON, "{\"a\":null,\"b\":null,\"c\":null}"), schema, out);
      assertThat(out).extracting(Violation::field).containsExactly("body.c");
    }
  }

  @Nested
  class Strings {
    @Test
    void lengthsCountCodePoints() {
      assertThat(check("{minLength: 2, maxLength: 2}", "\"\uD83D\uDE00\uD83D\uDE00\"")).isEmpty();
      assertThat(check("{minLength: 2}", "\"a\"")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("minLength", "must be at least 2 characters long (was 1)");
      assertThat(check("{maxLength: 255}", "\"" + "x".repeat(300) + "\"")).singleElement()
          .extracting(Violation::rule, Violation::message)
          .containsExactly("maxLength", "must be at most 255 characters long (was 300)");
    }

    @Test
    void patternIsAnUnanchoredSearch() {
      assertThat(check("pattern: \"[0-9]\"", "\"abc1def\"")).isEmpty();
      assertThat(check("pattern: \"^[A-Z]{3,5}$\"", "\"USD\"")).isEmpty();
      assertThat(check("pattern: \"^[A-Z]{3,5}$\"", "\"usd\"")).singleElement()
          .extracting(Violation::rule, Violation::message)
          .containsExactly("pattern", "must match the pattern ^[A-Z]{3,5}$");
    }

    @Test
    void patternsAreCompiledOnce() {
      StringChecks strings = new StringChecks();
      assertThat(strings.pattern("^a+$")).isSameAs(strings.pattern("^a+$"));
    }

    @Test
    void stringKeywordsIgnoreOtherTypes() {
      assertThat(check("{minLength: 3, pattern: \"^x$\", format: email}", "12")).isEmpty();
    }

    @Test
    void formats() {
      assertThat(check("format: date-time", "\"2024-01-31T12:00:00Z\"")).isEmpty();
      assertThat(check("format: date-time", "\"2024-01-31T12:00:00.123+02:00\"")).isEmpty();
      assertThat(rules(check("format: date-time", "\"2024-01-31T12:00:00\""))).containsExactly("format");
      assertThat(rules(check("format: date-time", "\"2024-01-31\""))).containsExactly("format");
      assertThat(check("format: date", "\"2024-02-29\"")).isEmpty();
      assertThat(rules(check("format: date", "\"2023-02-29\""))).containsExactly("format");
      assertThat(check("format: uri", "\"https://shop.example/callback?id=1\"")).isEmpty();
      assertThat(rules(check("format: uri", "\"/relative/path\""))).containsExactly("format");
      assertThat(rules(check("format: uri", "\"http://exa mple\""))).containsExactly("format");
      assertThat(check("format: email", "\"jane.doe+shop@example.co.uk\"")).isEmpty();
      assertThat(rules(check("format: email", "\"jane.doe@localhost\""))).containsExactly("format");
      assertThat(rules(check("format: email", "\"jane doe@example.com\""))).containsExactly("format");
      assertThat(check("format: uuid", "\"123e4567-e89b-12d3-a456-426614174000\"")).isEmpty();
      assertThat(rules(check("format: uuid", "\"123e4567e89b12d3a456426614174000\""))).containsExactly("format");
      assertThat(check("format: password", "\"anything\"")).isEmpty();
      assertThat(check("format: no-such-format", "\"anything\"")).isEmpty();
    }

    @Test
    void integerFormats() {
      assertThat(check("{type: integer, format: int32}", "2147483647")).isEmpty();
      assertThat(rules(check("{type: integer, format: int32}", "2147483648"))).containsExactly("format");
      assertThat(check("{type: integer, format: int64}", "9223372036854775807")).isEmpty();
      assertThat(rules(check("{type: integer, format: int64}", "9223372036854775808"))).containsExactly("format");
    }
  }

  @Nested
  class Numbers {
    @Test
    void minimumAndMaximum() {
      String schema = "{minimum: 1, maximum: 500}";
      assertThat(check(schema, "1")).isEmpty();
      assertThat(check(schema, "500")).isEmpty();
      assertThat(check(schema, "0")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("minimum", "must be at least 1");
      assertThat(check(schema, "500.5")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("maximum", "must be at most 500");
    }

    @Test
    void exclusiveBoundsNumericForm31() {
      String schema = "{exclusiveMinimum: 0, exclusiveMaximum: 10}";
      assertThat(check(schema, "0.0000000001")).isEmpty();
      assertThat(checkExact(schema, "9.99999999999999999999")).isEmpty();
      assertThat(check(schema, "0")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("exclusiveMinimum", "must be greater than 0");
      assertThat(check(schema, "-0.0")).extracting(Violation::rule).containsExactly("exclusiveMinimum");
      assertThat(check(schema, "10")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("exclusiveMaximum", "must be less than 10");
    }

    @Test
    void exclusiveBoundsBooleanForm30() {
      String schema = "{minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}";
      assertThat(check(schema, "5")).isEmpty();
      assertThat(rules(check(schema, "0"))).containsExactly("exclusiveMinimum");
      assertThat(rules(check(schema, "10"))).containsExactly("exclusiveMaximum");
      String inclusive = "{minimum: 0, exclusiveMinimum: false, maximum: 10, exclusiveMaximum: false}";
      assertThat(check(inclusive, "0")).isEmpty();
      assertThat(check(inclusive, "10")).isEmpty();
    }

    @Test
    void numericExclusiveBoundIsNotMistakenForTheBooleanForm() {
      assertThat(check("{minimum: 1, exclusiveMinimum: 5}", "3")).extracting(Violation::rule)
          .containsExactly("exclusiveMinimum");
      assertThat(check("{minimum: 1, exclusiveMinimum: 5}", "1")).extracting(Violation::rule)
          .containsExactly("exclusiveMinimum");
    }

    @Test
    void multipleOfIsExactForDoublesAndDecimals() {
      String schema = "multipleOf: 0.01";
      assertThat(check(schema, "10.01")).isEmpty();
      assertThat(checkExact(schema, "10.01")).isEmpty();
      assertThat(checkExact(schema, "10.0100")).isEmpty();
      assertThat(check(schema, "10.015")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("multipleOf", "must be a multiple of 0.01");
      assertThat(rules(checkExact(schema, "10.015"))).containsExactly("multipleOf");
      assertThat(check("multipleOf: 0.1", "0.3")).isEmpty();
      assertThat(check("multipleOf: 2.5", "7.5")).isEmpty();
      assertThat(rules(check("multipleOf: 2.5", "8"))).containsExactly("multipleOf");
      assertThat(check("multipleOf: 0.01", "-4.2")).isEmpty();
    }

    @Test
    void exponentNotationIsTheSameNumber() {
      String schema = "{type: integer, maximum: 1000, multipleOf: 1000}";
      assertThat(checkExact(schema, "1E+3")).isEmpty();
      assertThat(check(schema, "1E+3")).isEmpty();
      assertThat(rules(checkExact("exclusiveMaximum: 1000", "1E+3"))).containsExactly("exclusiveMaximum");
      assertThat(rules(checkExact("maximum: 999", "1E+3"))).containsExactly("maximum");
      assertThat(checkExact("minimum: 1E+3", "1000")).isEmpty();
    }

    @Test
    void boundsCompareExactly() {
      assertThat(check("minimum: 0.1", "0.1")).isEmpty();
      assertThat(rules(checkExact("minimum: 0.1", "0.09999999999999999999"))).containsExactly("minimum");
      assertThat(rules(checkExact("maximum: 0.3", "0.30000000000000000001"))).containsExactly("maximum");
    }

    @Test
    void multipleOfStaysFastForHugeExponents() {
      assertThat(NumberChecks.isMultiple(new BigDecimal("1E+999999999"), new BigDecimal("0.01"))).isTrue();
      assertThat(NumberChecks.isMultiple(new BigDecimal("1E+999999999"), new BigDecimal("3"))).isFalse();
      assertThat(NumberChecks.isMultiple(new BigDecimal("3E+999999999"), new BigDecimal("0.3"))).isTrue();
      assertThat(NumberChecks.isMultiple(new BigDecimal("1E-999999999"), new BigDecimal("0.01"))).isFalse();
      assertThat(NumberChecks.isMultiple(new BigDecimal("1000"), new BigDecimal("8"))).isTrue();
      assertThat(NumberChecks.isMultiple(new BigDecimal("100"), new BigDecimal("8"))).isFalse();
    }
  }

  @Nested
  class Enums {
    @Test
    void enumAndConst() {
      assertThat(check("enum: [PENDING, PAID]", "\"PAID\"")).isEmpty();
      assertThat(check("enum: [PENDING, PAID]", "\"paid\"")).singleElement()
          .extracting(Violation::rule, Violation::message)
          .containsExactly("enum", "must be one of [PENDING, PAID]");
      assertThat(check("enum: [1, 2]", "2.0")).isEmpty();
      assertThat(check("const: EUR", "\"EUR\"")).isEmpty();
      assertThat(check("const: EUR", "\"USD\"")).singleElement()
          .extracting(Violation::rule, Violation::message).containsExactly("const", "must be EUR");
    }

    @Test
    void longEnumsAreCountedNotListed() {
      String schema = "enum: [" + String.join(", ", IntStream.range(0, 20).mapToObj(i -> "V" + i).toList()) + "]";
      assertThat(check(schema, "\"V3\"")).isEmpty();
      assertThat(check(schema, "\"X\"")).singleElement().extracting(Violation::message)
          .isEqualTo("must be one of the 20 allowed values");
    }
  }

  @Nested
  class ObjectKeywords {
    private final String schema = """
        type: object
        required: [amount, beneficiary]
        additionalProperties: false
        minProperties: 2
        maxProperties: 4
        properties:
          amount: {type: number, exclusiveMinimum: 0}
          reference: {type: string, maxLength: 10}
          beneficiary:
            type: object
            required: [accountNumber, name]
            properties:
              accountNumber: {type: string, pattern: "^[0-9]{8,12}$"}
              name: {type: string, minLength: 1}
        """;

    @Test
    void validObject() {
      assertThat(check(schema, """
          {"amount": 10.5, "reference": null,
           "beneficiary": {"accountNumber": "12345678", "name": "Jane"}}""")).isEmpty();
    }

    @Test
    void reportsEveryViolationWithNestedPaths() {
      List<Violation> violations = check(schema, """
          {"amount": -1, "reference": "much too long", "beneficiary": {"accountNumber": "12-34"},
           "extra": true}""");
      assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
          tuple("v.amount", "exclusiveMinimum"),
          tuple("v.reference", "maxLength"),
          tuple("v.beneficiary.name", "required"),
          tuple("v.beneficiary.accountNumber", "pattern"),
          tuple("v.extra", "additionalProperties"));
    }

    @Test
    void requiredMissingAndMinMaxProperties() {
      assertThat(check(schema, "{}")).extracting(Violation::field, Violation::rule).containsExactly(
          tuple("v.amount", "required"), tuple("v.beneficiary", "required"), tuple("v", "minProperties"));
      JsonNode five = yaml("{type: object, maxProperties: 2}");
      List<Violation> out = new ArrayList<>();
      new SchemaValidator(five).validate("v", json(JSON, "{\"a\":1,\"b\":2,\"c\":3}"), five, out);
      assertThat(out).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("maxProperties", "must have at most 2 properties (was 3)");
    }

    @Test
    void additionalPropertiesSchemaAndPatternProperties() {
      String map = """
          type: object
          patternProperties:
            "^x-": {type: string}
          additionalProperties: {type: integer, minimum: 0}
          """;
      assertThat(check(map, "{\"a\": 1, \"x-note\": \"hi\"}")).isEmpty();
      assertThat(check(map, "{\"a\": -1, \"x-note\": 3}")).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("v.a", "minimum"), tuple("v.x-note", "type"));
    }

    @Test
    void rootFieldEmptyGivesPlainChildNames() {
      JsonNode s = yaml("{required: [token]}");
      List<Violation> out = new ArrayList<>();
      new SchemaValidator(s).validate(null, json(JSON, "{}"), s, out);
      assertThat(out).extracting(Violation::field).containsExactly("token");
    }
  }

  @Nested
  class ArrayKeywords {
    private final String schema = """
        type: array
        minItems: 1
        maxItems: 4
        uniqueItems: true
        items:
          type: object
          required: [amount]
          properties:
            amount: {type: number, multipleOf: 0.01}
        """;

    @Test
    void validArray() {
      assertThat(check(schema, "[{\"amount\": 1.5}, {\"amount\": 2}]")).isEmpty();
    }

    @Test
    void itemPathsAndCounts() {
      List<Violation> violations = check(schema,
          "[{\"amount\": 1}, {\"amount\": 1.0}, {}, {\"amount\": 0.001}, null]");
      assertThat(violations).extracting(Violation::field, Violation::rule, Violation::message).containsExactly(
          tuple("v", "maxItems", "must have at most 4 items (was 5)"),
          tuple("v", "uniqueItems", "must not contain duplicate items (items [0] and [1] are equal)"),
          tuple("v[2].amount", "required", "is required"),
          tuple("v[3].amount", "multipleOf", "must be a multiple of 0.01"),
          tuple("v[4]", "type", "must not be null"));
      assertThat(check(schema, "[]")).singleElement().extracting(Violation::message)
          .isEqualTo("must have at least 1 item (was 0)");
    }

    @Test
    void nullableItems() {
      assertThat(check("items: {type: [integer, \"null\"]}", "[1, null]")).isEmpty();
      assertThat(check("uniqueItems: false", "[1, 1]")).isEmpty();
    }
  }

  @Nested
  class Composition {
    @Test
    void allOfAppliesEveryBranch() {
      String schema = "allOf: [{type: string}, {minLength: 3}, {pattern: \"^a\"}]";
      assertThat(check(schema, "\"abc\"")).isEmpty();
      assertThat(rules(check(schema, "\"b\""))).containsExactly("minLength", "pattern");
    }

    @Test
    void anyOfAndOneOfNeedOneValidBranch() {
      String anyOf = "anyOf: [{type: string, format: uuid}, {type: integer, minimum: 1}]";
      assertThat(check(anyOf, "5")).isEmpty();
      assertThat(check(anyOf, "\"123e4567-e89b-12d3-a456-426614174000\"")).isEmpty();
      assertThat(check(anyOf, "0")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("anyOf", "matches none of the 2 allowed shapes (anyOf): "
              + "[0] must be of type string (was integer); [1] must be at least 1");
      String oneOf = "oneOf: [{type: string}, {type: integer}]";
      assertThat(check(oneOf, "5")).isEmpty();
      assertThat(rules(check(oneOf, "true"))).containsExactly("oneOf");
    }

    @Test
    void notAndBooleanSchemas() {
      assertThat(check("not: {type: string}", "5")).isEmpty();
      assertThat(rules(check("not: {type: string}", "\"x\""))).containsExactly("not");
      assertThat(check("true", "5")).isEmpty();
      assertThat(rules(check("false", "5"))).containsExactly("false");
    }
  }

  @Nested
  class References {
    private final JsonNode doc = yaml("""
        components:
          schemas:
            Money:
              type: object
              required: [amount, currency]
              properties:
                amount: {type: number, exclusiveMinimum: 0, multipleOf: 0.01}
                currency: {$ref: "#/components/schemas/Currency"}
            Currency: {type: string, pattern: "^[A-Z]{3}$"}
            Alias: {$ref: "#/components/schemas/Currency"}
            Node:
              type: object
              properties:
                name: {type: string, minLength: 1}
                children: {type: array, items: {$ref: "#/components/schemas/Node"}}
            LoopA: {$ref: "#/components/schemas/LoopB"}
            LoopB: {allOf: [{$ref: "#/components/schemas/LoopA"}], type: string}
        paths:
          /pay/{id}:
            post: {x-limit: {maximum: 5}}
        """);
    private final SchemaValidator validator = new SchemaValidator(doc);

    private List<Violation> validate(String ref, String value) {
      return CompiledCrossCheck.validate(validator, "body", json(JSON, value), yaml("$ref: \"" + ref + "\""));
    }

    @Test
    void refIntoComponentsAndNestedRef() {
      assertThat(validate("#/components/schemas/Money", "{\"amount\": 9.99, \"currency\": \"EUR\"}")).isEmpty();
      assertThat(validate("#/components/schemas/Money", "{\"amount\": 9.999, \"currency\": \"eur\"}"))
          .extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("body.amount", "multipleOf"), tuple("body.currency", "pattern"));
      assertThat(rules(validate("#/components/schemas/Alias", "\"euro\""))).containsExactly("pattern");
    }

    @Test
    void recursiveSchema() {
      assertThat(validate("#/components/schemas/Node",
          "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"name\":\"\"}]}]}"))
          .extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("body.children[0].children[0].name", "minLength"));
    }

    @Test
    void referenceCycleTerminates() {
      assertThat(validate("#/components/schemas/LoopA", "\"x\"")).isEmpty();
      assertThat(rules(validate("#/components/schemas/LoopA", "1"))).containsExactly("type");
    }

    @Test
    void escapedAndPercentEncodedPointers() {
      assertThat(rules(validate("#/paths/~1pay~1%7Bid%7D/post/x-limit", "6"))).containsExactly("maximum");
    }

    @Test
    void brokenReferencesFailLoudlyWithoutTheValue() {
      assertThatThrownBy(() -> validate("#/components/schemas/Nope", "\"SECRET-VALUE\""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("#/components/schemas/Nope")
          .hasMessageNotContaining("SECRET-VALUE");
      assertThatThrownBy(() -> validate("other.yaml#/components/schemas/Money", "1"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only local");
    }
  }

  @Test
  void messagesNeverContainTheValue() {
    String secret = "4111111111111111";
    String schema = """
        type: object
        additionalProperties: false
        properties:
          pan: {type: string, maxLength: 4, pattern: "^x", format: uuid, enum: [a, b], const: c}
          panEmail: {type: string, format: email}
          panDate: {type: string, format: date-time}
          panUri: {type: string, format: uri}
          panInt: {type: string}
          panNumber: {type: number, maximum: 10, multipleOf: 7, enum: [1], format: int32, const: 2}
          panFraction: {type: integer}
          panList: {type: array, maxItems: 1, uniqueItems: true}
          panAny: {anyOf: [{type: integer}, {format: date}], not: {type: string}}
        """;
    ObjectNode value = (ObjectNode) json(JSON, "{}");
    value.put("pan", "SECRET-" + secret);
    value.put("panEmail", "SECRET-" + secret);
    value.put("panDate", "SECRET-" + secret);
    value.put("panUri", "SECRET " + secret);
    value.put("panInt", Long.parseLong(secret));
    value.put("panNumber", Long.parseLong(secret));
    value.set("panFraction", DecimalNode.valueOf(new BigDecimal(secret + ".5")));
    value.set("panList", json(JSON, "[\"SECRET-" + secret + "\", \"SECRET-" + secret + "\"]"));
    value.put("panAny", "SECRET-" + secret);
    List<Violation> out = new ArrayList<>();
    new SchemaValidator(yaml(schema)).validate("card", value, yaml(schema), out);

    assertThat(out).hasSize(19);
    assertThat(out).allSatisfy(v -> {
      assertThat(v.message()).doesNotContain(secret).doesNotContain("SECRET");
      assertThat(v.toString()).doesNotContain(secret);
    });
  }

  @Test
  void sharedValidatorIsThreadSafe() {
    JsonNode schema = yaml("{type: object, properties: {c: {type: string, pattern: \"^[A-Z]{3}$\"}}}");
    SchemaValidator validator = new SchemaValidator(schema);
    List<Integer> counts = IntStream.range(0, 2000).parallel().mapToObj(i -> {
      List<Violation> out = new ArrayList<>();
      ObjectNode value = JsonNodeFactory.instance.objectNode().set("c", TextNode.valueOf(i % 2 == 0 ? "EUR" : "eu"));
      validator.validate("v", value, schema, out);
      return out.size() - (i % 2);
    }).distinct().toList();
    assertThat(counts).containsExactly(0);
  }

  @Nested
  class PromptCashSpec {
    private final JsonNode spec;
    private final JsonNode form;
    private final SchemaValidator validator;

    PromptCashSpec() throws IOException {
      spec = YAML.readTree(Path.of("../specs/promptcash/openapi.yaml").toFile());
      form = spec.at(JsonPointer.compile(
          "/paths/~1create-payment/post/requestBody/content/application~1x-www-form-urlencoded/schema"));
      validator = new SchemaValidator(spec);
    }

    @Test
    void validCreatePaymentForm() {
      assertThat(form.isObject()).isTrue();
      List<Violation> out = new ArrayList<>();
      validator.validate("createPayment", json(JSON, """
          {"token": "pub_123", "tx_id": "order-2024-0001", "amount": 10.5, "currency": "USD",
           "desc": "Order 1", "callback": "https://shop.example/paid", "expiration": 30, "confirm": 0,
           "time": 1717171717}"""), form, out);
      assertThat(out).isEmpty();
    }

    @Test
    void invalidCreatePaymentForm() {
      List<Violation> out = new ArrayList<>();
      validator.validate("createPayment", json(JSON, """
          {"tx_id": "%s", "amount": 0, "currency": "usd", "callback": "not a uri",
           "expiration": 0, "confirm": 1.5}""".formatted("x".repeat(256))), form, out);
      assertThat(out).extracting(Violation::field, Violation::rule).containsExactly(
          tuple("createPayment.token", "required"),
          tuple("createPayment.tx_id", "maxLength"),
          tuple("createPayment.amount", "exclusiveMinimum"),
          tuple("createPayment.currency", "pattern"),
          tuple("createPayment.callback", "format"),
          tuple("createPayment.expiration", "minimum"),
          tuple("createPayment.confirm", "type"));
      assertThat(out.get(1)).hasToString("createPayment.tx_id: must be at most 255 characters long (was 256)");
    }

    @Test
    void componentRefsOfTheSpecResolve() {
      List<Violation> out = new ArrayList<>();
      validator.validate("status", TextNode.valueOf("LOST"), yaml("$ref: '#/components/schemas/PaymentStatus'"), out);
      assertThat(out).extracting(Violation::rule).containsExactly("enum");
    }
  }
}
