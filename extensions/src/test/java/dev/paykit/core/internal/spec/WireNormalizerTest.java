package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers are brought to the spec's shape from the spec's own markers, whatever the path. */
class WireNormalizerTest {

  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: t, version: "1"}
      paths:
        /things:
          post:
            operationId: createThing
            responses:
              "200":
                description: ok
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/ThingResponse"}
              default:
                $ref: "#/components/responses/Error"
      components:
        responses:
          Error:
            description: error
            content:
              application/json:
                schema: {$ref: "#/components/schemas/Error"}
        schemas:
          Code:
            type: string
            enum: ["00", "09", "100"]
            x-paykit-numeric-code: {minDigits: 2}
          Envelope:
            type: object
            properties:
              status: {$ref: "#/components/schemas/Code"}
          Thing:
            type: object
            x-paykit-read-aliases:
              thingID: [thingId, thing_id]
            properties:
              thingID: {type: string}
              status: {type: string}
              codes:
                type: array
                items: {$ref: "#/components/schemas/Code"}
              parent: {$ref: "#/components/schemas/Thing"}
          ThingResponse:
            allOf:
              - $ref: "#/components/schemas/Envelope"
              - type: object
                properties:
                  data: {$ref: "#/components/schemas/Thing"}
          Error:
            type: object
            properties:
              status: {type: integer}
      """;

  private final ObjectMapper json = new ObjectMapper();
  private final ApiSpec spec = parse();
  private final WireNormalizer normalizer = new WireNormalizer(spec);

  private static ApiSpec parse() {
    try {
      return ApiSpec.parse("t", new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String normalize(String answer, String schemaName) throws Exception {
    JsonNode tree = json.readTree(answer);
    return json.writeValueAsString(normalizer.normalize(tree, normalizer.componentSchema(schemaName).orElseThrow()));
  }

  @Test
  void numericCodesBecomeTheirZeroPaddedTextWhereverTheSchemaIsTheCode() throws Exception {
    assertThat(normalize("{\"status\":0,\"data\":{\"status\":0,\"codes\":[9,100,\"09\"],"
        + "\"parent\":{\"codes\":[0]}}}", "ThingResponse"))
        .isEqualTo("{\"status\":\"00\",\"data\":{\"status\":0,\"codes\":[\"09\",\"100\",\"09\"],"
            + "\"parent\":{\"codes\":[\"00\"]}}}");
  }

  @Test
  void onlyNonNegativeIntegersAreCodes() throws Exception {
    assertThat(normalize("{\"status\":-1}", "Envelope")).isEqualTo("{\"status\":-1}");
    assertThat(normalize("{\"status\":1.5}", "Envelope")).isEqualTo("{\"status\":1.5}");
    assertThat(normalize("{\"status\":\"9\"}", "Envelope")).isEqualTo("{\"status\":\"9\"}");
    assertThat(normalize("{\"status\":null}", "Envelope")).isEqualTo("{\"status\":null}");
    assertThat(normalize("{\"status\":123456789012}", "Envelope")).isEqualTo("{\"status\":\"123456789012\"}");
  }

  @Test
  void otherSpellingsAreReadAsTheWireNameWhichWinsWhenBothArePresent() throws Exception {
    assertThat(normalize("{\"thingId\":\"a\"}", "Thing")).isEqualTo("{\"thingId\":\"a\",\"thingID\":\"a\"}");
    assertThat(normalize("{\"thing_id\":\"b\"}", "Thing")).isEqualTo("{\"thing_id\":\"b\",\"thingID\":\"b\"}");
    assertThat(normalize("{\"thingID\":\"w\",\"thingId\":\"a\"}", "Thing"))
        .isEqualTo("{\"thingID\":\"w\",\"thingId\":\"a\"}");
    assertThat(normalize("{\"parent\":{\"parent\":{\"thingId\":\"deep\"}}}", "Thing"))
        .isEqualTo("{\"parent\":{\"parent\":{\"thingId\":\"deep\",\"thingID\":\"deep\"}}}");
  }

  @Test
  void theOperationsResponseForTheStatusIsTheSchema() throws Exception {
    OperationSpec op = spec.operation("createThing");
    JsonNode ok = json.readTree("{\"status\":9}");
    JsonNode error = json.readTree("{\"status\":500}");

    assertThat(normalizer.normalize(ok, normalizer.responseSchema(op, 200).orElseThrow()).get("status").asText())
        .isEqualTo("09");
    assertThat(normalizer.normalize(error, normalizer.responseSchema(op, 500).orElseThrow()).get("status").isInt())
        .isTrue();
    assertThat(normalizer.componentSchema("Nothing")).isEmpty();
  }
}
