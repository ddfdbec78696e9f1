package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paykit.core.internal.PaykitJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amounts with huge exponents are judged by the bounds quickly and without expanding them: the
 * validator never calls {@code toPlainString()} or does arithmetic at the value's scale, so
 * {@code 1E+1000000000} costs as little as {@code 1E+1000}. Each case must finish well inside the timeout.
 */
class HugeNumbersTest {

  private static final Duration FAST = Duration.ofSeconds(5);
  private static final ObjectMapper MAPPER = PaykitJson.newMapper();

  private static JsonNode yaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> rules(JsonNode value, String schemaYaml) {
    JsonNode schema = yaml(schemaYaml);
    List<Violation> out = new ArrayList<>();
    assertTimeoutPreemptively(FAST, () -> new SchemaValidator(schema).validate("amount", value, schema, out));
    return out.stream().map(v -> v.field() + " " + v.rule()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1E+1000          | amount maximum",
      "1E+1000000000    | amount maximum",
      "1E+2147483647    | amount maximum",
      "-1E+1000000000   | amount exclusiveMinimum",
      "1E-1000          | amount multipleOf",
      "1E-1000000000    | amount multipleOf",
      "1E-2147483647    | amount multipleOf",
      "123.45E+999999999| amount maximum",
      "999999999999.99  | ''",
      "999999999999.98  | ''",
      "0.001            | amount multipleOf",
      "1000000000000.00 | amount maximum",
      "0.01             | ''",
      "0.00             | amount exclusiveMinimum"})
  void prunnyLikeAmount(String value, String expected) {
    List<String> got = rules(DecimalNode.valueOf(new BigDecimal(value)),
        "{type: number, exclusiveMinimum: 0, maximum: 999999999999.99, multipleOf: 0.01}");
    assertThat(got).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1E+1000          | amount maximum",
      "1E+1000000000    | amount maximum",
      "1E-1000          | amount multipleOf",
      "1E-1000000000    | amount multipleOf",
      "0.00000001       | ''",
      "0.000000001      | amount multipleOf",
      "1000000000000    | ''"})
  void promptCashLikeAmount(String value, String expected) {
    List<String> got = rules(DecimalNode.valueOf(new BigDecimal(value)),
        "{type: number, exclusiveMinimum: 0, maximum: 1000000000000, multipleOf: 0.00000001}");
    assertThat(got).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
  }

  /** How the pipeline turns an argument into a JSON value (valueToTree) must not expand it either. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"1E+1000000000", "1E-1000000000"})
  void aHugeDecimalArgumentBecomesAJsonValueWithoutBeingExpanded(String value) {
    JsonNode[] node = new JsonNode[2];
    assertTimeoutPreemptively(FAST, () -> {
      node[0] = MAPPER.valueToTree(new BigDecimal(value));
      node[1] = MAPPER.valueToTree(Map.of("amount", new BigDecimal(value)));
    });
    assertThat(rules(node[0], "{type: number, maximum: 1, multipleOf: 0.01}")).isNotEmpty();
    assertThat(rules(node[1].get("amount"), "{type: number, maximum: 1, multipleOf: 0.01}")).isNotEmpty();
  }
}
