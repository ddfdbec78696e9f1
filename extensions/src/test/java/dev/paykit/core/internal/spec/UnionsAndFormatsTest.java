package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.SchemaValidatorTest.json;
import static dev.paykit.core.internal.spec.SchemaValidatorTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the next providers' specs need from JSON Schema 2020-12: {@code oneOf}/{@code anyOf} that say why,
 * type unions, 3.1 nullability, {@code const}, mixed-type enums, {@code patternProperties}, strict RFC 3339
 * formats and ECMA-262 {@code $}.
 */
class UnionsAndFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates {@code value} as field "body" against {@code #/components/schemas/<name>} of {@code doc}. */
  private static List<Violation> check(String docYaml, String name, String value) {
    JsonNode doc = yaml(docYaml);
    List<Violation> out = new ArrayList<>();
    new SchemaValidator(doc).validate("body", json(JSON, value), yaml("$ref: '#/components/schemas/" + name + "'"), out);
    return out;
  }

  private static List<Violation> check(String schemaYaml, String value) {
    return SchemaValidatorTest.check(schemaYaml, value);
  }

  @Nested
  class Alternatives {
    /** Paypercut's {@code off_session}: a boolean, or one of two strings. */
    private final String offSession = "oneOf: [{type: boolean}, {type: string, enum: [one_off, recurring]}]";

    @Test
    void oneOfWithNoValidBranchSaysWhyEachFailed() {
      assertThat(check(offSession, "true")).isEmpty();
      assertThat(check(offSession, "\"recurring\"")).isEmpty();
      assertThat(check(offSession, "\"weekly\"")).singleElement()
          .extracting(Violation::field, Violation::rule, Violation::message)
          .containsExactly("v", "oneOf", "matches none of the 2 allowed shapes (oneOf): "
              + "[0] must be of type boolean (was string); [1] must be one of [one_off, recurring]");
    }

    @Test
    void oneOfWithSeveralValidBranchesNamesThem() {
      String overlapping =
          "oneOf: [{type: string}, {type: string, maxLength: 5}, {type: integer}, {type: string, minLength: 1}]";
      assertThat(check(overlapping, "12")).isEmpty();
      assertThat(check(overlapping, "\"abc\"")).singleElement()
          .extracting(Violation::rule, Violation::message)
          .containsExactly("oneOf", "matches more than one of the 4 allowed shapes (oneOf): "
              + "[0], [1] and [3] all match; exactly one must");
      assertThat(check("oneOf: [{type: number}, {type: integer}]", "3")).singleElement()
          .extracting(Violation::message)
          .isEqualTo("matches more than one of the 2 allowed shapes (oneOf): [0] and [1] both match; exactly one must");
    }

    @Test
    void branchesAreNamedByRefOrTitleAndNestedReasonsByRelativePath() {
      String doc = """
          openapi: 3.1.0
          components:
            schemas:
              Payment:
                type: object
                properties:
                  method:
                    oneOf: [{$ref: "#/components/schemas/Card"}, {title: Wallet, type: object, required: [wallet_id]}]
              Card:
                type: object
                required: [number, expiry]
                properties:
                  number: {type: string, pattern: "^[0-9]{12,19}$"}
                  expiry: {type: string}
                  cvc: {type: string, maxLength: 4}
          """;
      assertThat(check(doc, "Payment", "{\"method\": {\"wallet_id\": \"w1\"}}")).isEmpty();
      assertThat(check(doc, "Payment", "{\"method\": {\"number\": \"12ab\", \"cvc\": \"12345\"}}"))
          .extracting(Violation::field, Violation::rule, Violation::message).containsExactly(tuple(
              "body.method", "oneOf", "matches none of the 2 allowed shapes (oneOf): "
                  + "[0] Card expiry is required, number must match the pattern ^[0-9]{12,19}$, "
                  + "cvc must be at most 4 characters long (was 5); [1] Wallet wallet_id is required"));
    }

    @Test
    void longBranchReasonsAreCounted() {
      String schema = "anyOf: [{type: object, required: [a, b, c, d, e]}, {type: string}]";
      assertThat(check(schema, "{}")).singleElement().extracting(Violation::message)
          .isEqualTo("matches none of the 2 allowed shapes (anyOf): [0] a is required, b is required, "
              + "c is required, and 2 more; [1] must be of type string (was object)");
    }

    @Test
    void alternativesAtTheRootAndInArrays() {
      JsonNode schema = yaml("{type: array, items: {anyOf: [{type: integer}, {type: string, minLength: 2}]}}");
      List<Violation> out = new ArrayList<>();
      new SchemaValidator(schema).validate("", json(JSON, "[1, \"ab\", \"x\"]"), schema, out);
      assertThat(out).extracting(Violation::field, Violation::rule, Violation::message).containsExactly(tuple(
          "[2]", "anyOf", "matches none of the 2 allowed shapes (anyOf): [0] must be of type integer (was string); "
              + "[1] must be at least 2 characters long (was 1)"));
    }

    @Test
    void reasonsNeverRepeatTheValue() {
      String secret = "4111111111111111";
      String schema = "oneOf: [{type: string, pattern: '^x', maxLength: 3, format: email}, {type: string, enum: [a]}, "
          + "{type: object, additionalProperties: false}]";
      List<Violation> out = check(schema, "\"SECRET-" + secret + "\"");
      assertThat(out).singleElement().extracting(Violation::message).asString()
          .contains("must match the pattern ^x").doesNotContain(secret).doesNotContain("SECRET");
    }
  }

  @Nested
  class TypeUnionsAndNull {
    private final String union = "{type: [boolean, string], enum: [true, false, one_off, recurring]}";

    @Test
    void typeUnionWithAMixedEnum() {
      assertThat(check(union, "false")).isEmpty();
      assertThat(check(union, "\"one_off\"")).isEmpty();
      assertThat(check(union, "1")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("type", "must be of type boolean or string (was integer)");
      assertThat(check(union, "\"true\"")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("enum", "must be one of [true, false, \"one_off\", \"recurring\"]");
    }

    @Test
    void nullableIsAKeywordOnlyBeforeOpenApi31() {
      String doc = """
          openapi: %s
          components:
            schemas:
              Body:
                type: object
                required: [a, b, c]
                properties:
                  a: {type: [string, "null"]}
                  b: {type: string, nullable: true}
                  c: {oneOf: [{type: "null"}, {type: string}]}
          """;
      String value = "{\"a\": null, \"b\": null, \"c\": null}";
      assertThat(check(doc.formatted("3.1.0"), "Body", value)).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("body.b", "required"));
      assertThat(check(doc.formatted("3.0.3"), "Body", value)).isEmpty();
      assertThat(SchemaValidator.isOpenApi31OrLater("3.1.1")).isTrue();
      assertThat(SchemaValidator.isOpenApi31OrLater("3.2.0")).isTrue();
      assertThat(SchemaValidator.isOpenApi31OrLater("3.0.3")).isFalse();
      assertThat(SchemaValidator.isOpenApi31OrLater("")).isFalse();
    }

    @Test
    void constAndEnumDecideWhetherARequiredNullIsAllowed() {
      String schema = """
          type: object
          required: [fixed, maybe, listed]
          properties:
            fixed: {const: EUR}
            maybe: {const: null}
            listed: {enum: [a, null]}
          """;
      assertThat(check(schema, "{\"fixed\": null, \"maybe\": null, \"listed\": null}"))
          .extracting(Violation::field, Violation::rule).containsExactly(tuple("v.fixed", "required"));
    }

    @Test
    void constOfAnyType() {
      assertThat(check("const: {a: [1, 2]}", "{\"a\": [1, 2.0]}")).isEmpty();
      assertThat(check("const: 5", "5.0")).isEmpty();
      assertThat(check("const: true", "\"true\"")).singleElement().extracting(Violation::rule, Violation::message)
          .containsExactly("const", "must be true");
    }
  }

  @Nested
  class MapsOfParts {
    /** Prune's repeatable multipart parts, {@code director_<n>_first_name}. */
    private final String parts = """
        type: object
        required: [business_name]
        additionalProperties: false
        properties:
          business_name: {type: string, minLength: 1}
        patternProperties:
          "^director_[0-9]+_first_name$": {type: string, minLength: 1, maxLength: 50}
          "^director_[0-9]+_dob$": {type: string, format: date}
        """;

    @Test
    void patternPropertiesMatchRepeatedNamesAndEverythingElseIsRejected() {
      assertThat(check(parts, """
          {"business_name": "Acme", "director_1_first_name": "Ada", "director_12_first_name": "Bo",
           "director_1_dob": "1990-02-28"}""")).isEmpty();
      assertThat(check(parts, """
          {"business_name": "Acme", "director_1_first_name": "", "director_x_first_name": "Ada",
           "director_2_dob": "1990-02-30", "director_1_first_name\\n": "Ada"}"""))
          .extracting(Violation::field, Violation::rule).containsExactly(
              tuple("v.director_1_first_name", "minLength"),
              tuple("v.director_x_first_name", "additionalProperties"),
              tuple("v.director_2_dob", "format"),
              tuple("v.director_1_first_name\n", "additionalProperties"));
    }
  }

  @Nested
  class Formats {
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31T12:00:00Z", "2024-01-31t12:00:00z", "2024-01-31T12:00:00.123456789012+02:00",
        "2024-02-29T00:00:00-23:59", "1998-12-31T23:59:60Z", "1998-12-31T15:59:60.5-08:00"})
    void validDateTimes(String text) {
      assertThat(check("format: date-time", "\"" + text + "\"")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31T12:00Z", "2024-01-31T12:00:00", "2024-01-31 12:00:00Z", "2024-01-31T24:00:00Z",
        "2024-01-31T12:00:00+01", "2024-01-31T12:00:00+0100", "2024-01-31T12:00:00+01:00:30", "2023-02-29T12:00:00Z",
        "2024-13-01T12:00:00Z", "+2024-01-31T12:00:00Z", "2024-01-31T12:00:00.Z", "1998-12-31T23:58:60Z",
        "2024-01-31T12:00:0\u0661Z", "2024-01-31T12:00:00Z\n"})
    void invalidDateTimes(String text) {
      assertThat(checkNode("format: date-time", JSON.valueToTree(text))).extracting(Violation::rule)
          .containsExactly("format");
    }

    @Test
    void datesAndTimes() {
      assertThat(check("format: date", "\"2000-02-29\"")).isEmpty();
      assertThat(check("format: time", "\"08:30:06.283185Z\"")).isEmpty();
      for (String bad : List.of("1900-02-29", "2024-1-01", "20240101", "2024-04-31", "12024-01-01")) {
        assertThat(check("format: date", "\"" + bad + "\"")).as(bad).extracting(Violation::rule).containsExactly("format");
      }
      assertThat(check("format: time", "\"08:30\"")).singleElement().extracting(Violation::message)
          .isEqualTo("must be an RFC 3339 time with offset, e.g. 12:00:00Z");
    }

    @Test
    void uriIsAsciiAndAbsolute() {
      assertThat(check("format: uri", "\"https://merchant.example/status/ABCD1234/\"")).isEmpty();
      assertThat(check("format: uri", "\"urn:isbn:0451450523\"")).isEmpty();
      assertThat(check("format: uri", "\"https://b\u00fccher.example/\"")).extracting(Violation::rule)
          .containsExactly("format");
    }

    private List<Violation> checkNode(String schema, JsonNode value) {
      return SchemaValidatorTest.check(schema, value);
    }
  }

  @Nested
  class Patterns {
    @Test
    void dollarIsTheEndOfInputAsInEcma262() {
      String account = "pattern: \"^([0-9]{10}|[0-9]{15})$\"";
      assertThat(check(account, "\"1010119934\"")).isEmpty();
      assertThat(check(account, "\"1010119934\\n\"")).extracting(Violation::rule).containsExactly("pattern");
      assertThat(check("pattern: \"^[A-Z]{3}$\"", "\"USD\\r\\n\"")).extracting(Violation::rule).containsExactly("pattern");
    }

    @Test
    void onlyUnescapedDollarsOutsideClassesAreRewritten() {
      assertThat(StringChecks.endOfInputDollars("^a$")).isEqualTo("^a\\z");
      assertThat(StringChecks.endOfInputDollars("^\\$[0-9$]+(x|$)")).isEqualTo("^\\$[0-9$]+(x|\\z)");
      assertThat(StringChecks.endOfInputDollars("[[a]$]$")).isEqualTo("[[a]$]\\z");
      assertThat(StringChecks.endOfInputDollars("\\\\$")).isEqualTo("\\\\\\z");
      assertThat(StringChecks.endOfInputDollars("\\Q$\\E$")).isEqualTo("\\Q$\\E\\z");
      assertThat(StringChecks.endOfInputDollars("\\Q$")).isEqualTo("\\Q$");
      assertThat(check("pattern: \"^\\\\$[0-9]+$\"", "\"$12\"")).isEmpty();
    }
  }
}
