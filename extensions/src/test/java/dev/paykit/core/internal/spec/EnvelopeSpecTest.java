package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code x-paykit-envelope} as the runtime reads it: found through $ref and allOf, validated, applied to trees. */
class EnvelopeSpecTest {

  private final ObjectMapper json = new ObjectMapper();
  private final ApiSpec kit = ApiSpec.load("envelopekit");

  private static ApiSpec spec(String yaml) {
    try {
      return ApiSpec.parse("t", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode tree(String text) throws IOException {
    return json.readTree(text);
  }

  private EnvelopeSpec envelopeOf(ApiSpec spec, String schema) {
    return spec.envelope(spec.root().path("components").path("schemas").path(schema)).orElseThrow();
  }

  @Test
  void theEnvelopeIsFoundThroughRefAndAllOfWithEveryKey() {
    EnvelopeSpec e = envelopeOf(kit, "ItemResponse");

    assertThat(e.data()).containsExactly("data", "result", "payload");
    assertThat(e.canonical()).isEqualTo("data");
    assertThat(e.alternatives()).containsExactly("result", "payload");
    assertThat(e.code()).containsExactly("code", "errorCode");
    assertThat(e.message()).containsExactly("message", "description");
    assertThat(e.success().field()).isEqualTo("status");
    assertThat(e.schema()).isSameAs(kit.root().at("/components/schemas/Envelope"));
    assertThat(kit.envelope(yaml("{$ref: '#/components/schemas/ItemList'}"))).containsSame(e);
    assertThat(kit.envelope(kit.root().at("/components/schemas/Item"))).isEmpty();
    assertThat(kit.declaredEnvelope(kit.root().at("/components/schemas/ItemResponse"))).isEmpty();
    assertThat(kit.declaredEnvelope(kit.root().at("/components/schemas/Envelope"))).containsSame(e);
  }

  @Test
  void aSpecWhoseEnvelopesAllReadAlikeHasADefaultOneAndOneWithDifferentEnvelopesHasNone() {
    ApiSpec alike = spec("""
        openapi: 3.1.0
        paths: {}
        components:
          schemas:
            One: {type: object, x-paykit-envelope: {data: [data, responseData], code: status}}
            Paged: {type: object, x-paykit-envelope: {data: [data, responseData], code: status}}
        """);

    assertThat(alike.defaultEnvelope()).map(EnvelopeSpec::schema)
        .containsSame(alike.root().at("/components/schemas/One"));
    assertThat(kit.defaultEnvelope()).isEmpty();
    assertThat(spec("openapi: 3.1.0\npaths: {}\n").defaultEnvelope()).isEmpty();
  }

  @Test
  void anAlternativeKeysPayloadIsMovedUnderTheCanonicalKey() throws IOException {
    EnvelopeSpec e = envelopeOf(kit, "ItemResponse");
    JsonNode absent = tree("{\"status\":true,\"result\":{\"id\":\"a\"}}");
    JsonNode nulled = tree("{\"data\":null,\"payload\":[]}");
    JsonNode emptyList = tree("{\"data\":[],\"result\":[],\"payload\":[1]}");
    JsonNode emptyObject = tree("{\"data\":{},\"result\":{\"id\":\"b\"}}");
    JsonNode both = tree("{\"data\":{\"id\":\"c\"},\"result\":{\"id\":\"d\"}}");
    JsonNode none = tree("{\"status\":true}");

    for (JsonNode t : new JsonNode[] {absent, nulled, emptyList, emptyObject, both, none}) {
      e.canonicalise(t);
    }

    assertThat(absent.toString()).isEqualTo("{\"status\":true,\"data\":{\"id\":\"a\"}}");
    assertThat(nulled.toString()).isEqualTo("{\"data\":[]}");
    assertThat(emptyList.toString()).isEqualTo("{\"data\":[1],\"result\":[]}");
    assertThat(emptyObject.toString()).isEqualTo("{\"data\":{\"id\":\"b\"}}");
    assertThat(both.toString()).isEqualTo("{\"data\":{\"id\":\"c\"},\"result\":{\"id\":\"d\"}}");
    assertThat(none.toString()).isEqualTo("{\"status\":true}");
    assertThat(e.carriesPayload(none)).isFalse();
    assertThat(e.carriesPayload(absent)).isTrue();
  }

  @Test
  void codeAndMessageAreReadFromTheFirstNamedFieldThatHoldsOne() throws IOException {
    EnvelopeSpec prune = envelopeOf(kit, "ItemResponse");
    EnvelopeSpec coded = envelopeOf(kit, "TransferResponse");

    assertThat(prune.code(tree("{\"code\":404,\"errorCode\":\"X\"}"))).isEqualTo("404");
    assertThat(prune.code(tree("{\"code\":null,\"errorCode\":\"400001\"}"))).isEqualTo("400001");
    assertThat(prune.code(tree("{\"code\":{\"nested\":1}}"))).isNull();
    assertThat(prune.message(tree("{\"description\":\"out of range\"}"))).isEqualTo("out of range");
    assertThat(prune.message(tree("{\"message\":[\"a\"]}"))).isNull();
    assertThat(coded.code(tree("{\"status\":7}"))).isEqualTo("07");   // Code's x-paykit-numeric-code
    assertThat(coded.code(tree("{\"status\":103}"))).isEqualTo("103");
    assertThat(coded.code(tree("{\"status\":\"51\"}"))).isEqualTo("51");
    assertThat(coded.message(tree("{}"))).isNull();
  }

  @Test
  void theSuccessRuleComparesScalarsAndAnAnswerWithoutTheFieldSaysNothing() throws IOException {
    EnvelopeSpec prune = envelopeOf(kit, "ItemResponse");
    EnvelopeSpec coded = envelopeOf(kit, "TransferResponse");

    assertThat(prune.outcome(tree("{\"status\":true}"))).isEqualTo(EnvelopeSpec.Outcome.SUCCEEDED);
    assertThat(prune.outcome(tree("{\"status\":\"true\"}"))).isEqualTo(EnvelopeSpec.Outcome.SUCCEEDED);
    assertThat(prune.outcome(tree("{\"status\":false}"))).isEqualTo(EnvelopeSpec.Outcome.FAILED);
    assertThat(prune.outcome(tree("{\"status\":\"FAILED\"}"))).isEqualTo(EnvelopeSpec.Outcome.FAILED);
    assertThat(prune.outcome(tree("{\"status\":null}"))).isEqualTo(EnvelopeSpec.Outcome.UNSAID);
    assertThat(prune.outcome(tree("{\"status\":{}}"))).isEqualTo(EnvelopeSpec.Outcome.UNSAID);
    assertThat(prune.outcome(tree("{}"))).isEqualTo(EnvelopeSpec.Outcome.UNSAID);
    assertThat(coded.outcome(tree("{\"status\":\"51\"}"))).isEqualTo(EnvelopeSpec.Outcome.NO_RULE);
    EnvelopeSpec.Success numeric = new EnvelopeSpec.Success("ok", java.util.List.of(json.getNodeFactory().numberNode(1)));
    assertThat(numeric.test(tree("{\"ok\":1.0}"))).isEqualTo(EnvelopeSpec.Outcome.SUCCEEDED);
    assertThat(numeric.test(tree("{\"ok\":\"1\"}"))).isEqualTo(EnvelopeSpec.Outcome.SUCCEEDED);
    assertThat(numeric.test(tree("{\"ok\":\"one\"}"))).isEqualTo(EnvelopeSpec.Outcome.FAILED);
  }

  @Test
  void everyProblemOfAnEnvelopeIsNamed() {
    assertThat(EnvelopeSpec.problems(yaml("{data: [data, responseData], code: status, message: message,"
        + " success: {field: status, values: [true]}}"))).isEmpty();
    assertThat(EnvelopeSpec.problems(yaml("{code: status}"))).isEmpty();
    assertThat(EnvelopeSpec.problems(yaml("{datas: [data], code: 7, message: [], success: {field: '', values: [], when: x}}")))
        .containsExactlyInAnyOrder(
            "unknown key datas (known: data, code, message, success)",
            "code must be a field name or a non-empty list of field names",
            "message must be a field name or a non-empty list of field names",
            "success: unknown key when (known: field, values)",
            "success.field must name the field that tells the outcome",
            "success.values must list the values that mean success");
    assertThat(EnvelopeSpec.problems(yaml("{data: [data, 1, data], success: {field: status, values: [true, [x], null]}}")))
        .containsExactlyInAnyOrder(
            "data[1] must be a field name",
            "data[2] repeats data",
            "success.values[1] must be a string, number or boolean",
            "success.values[2] must be a string, number or boolean");
    assertThat(EnvelopeSpec.problems(yaml("{}"))).containsExactly("x-paykit-envelope names none of data, code, message, success");
    assertThat(EnvelopeSpec.problems(yaml("[data]"))).hasSize(1);
    assertThat(EnvelopeSpec.problems(yaml("{success: true}"))).containsExactly("success must be an object {field, values}");
  }

  @Test
  void aSpecWithAnInvalidEnvelopeFailsToLoadNamingWhereAndWhat() {
    assertThatThrownBy(() -> spec("""
        openapi: 3.1.0
        paths: {}
        components:
          schemas:
            Envelope: {type: object, x-paykit-envelope: {data: [data], status: code}}
        """))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("invalid x-paykit-envelope at t spec #/components/schemas/Envelope: "
            + "unknown key status (known: data, code, message, success)");
  }
}
