package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The answer check's compiled required-field plan ({@link ResponseGuard#required}) finds exactly what the
 * spec walk ({@link ResponseGuard#missing(JsonNode, JsonNode, int)}) finds, the same first missing field or
 * the same failure, for every response schema of every provider and for answers made to miss, null or
 * mistype any part of it.
 */
class ResponseGuardRequiredTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  @ParameterizedTest
  @ValueSource(strings = {"promptcash", "prunny", "prune", "paypercut", "ptapi"})
  void theCompiledCheckFindsWhatTheSpecWalkFinds(String provider) {
    ApiSpec spec = ApiSpec.load(provider);
    ResponseGuard guard = new ResponseGuard(spec, PaykitJson.newMapper(), Redactor.none(), (r, t) -> null);
    Map<JsonNode, Boolean> schemas = new IdentityHashMap<>();
    for (OperationSpec op : spec.operations()) {
      for (int status = 100; status < 600; status++) {
        op.response(status).map(OperationSpec.Response::jsonSchema).ifPresent(s -> schemas.put(s, true));
      }
    }
    assertThat(schemas).isNotEmpty();
    int missed = compare(spec, guard, schemas, new Random(20261203L + provider.hashCode()));
    assertThat(missed).as("answers that lack something").isGreaterThan(schemas.size());
  }

  @Test
  void recursiveSchemasAndUnresolvableReferences() throws Exception {
    ApiSpec spec = ApiSpec.parse("synthetic", new ByteArrayInputStream("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /tree:
            get:
              operationId: tree
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Tree"}
          /required:
            get:
              operationId: required
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Required"}
          /odd:
            get:
              operationId: odd
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Odd"}
        components:
          schemas:
            Tree:
              type: object
              required: [name]
              properties:
                name: {type: [string, "null"]}
                kids: {type: array, items: {$ref: "#/components/schemas/Tree"}}
                parent: {$ref: "#/components/schemas/Tree"}
                both: {allOf: [{$ref: "#/components/schemas/Tree"}, {required: [extra]}]}
            Odd:
              type: object
              required: [id]
              properties:
                id: {type: integer}
                elsewhere: {$ref: "other.yaml#/Thing"}
                list: {type: array, items: {$ref: "other.yaml#/Thing"}}
                loop: {$ref: "#/components/schemas/Loop"}
            Loop: {$ref: "#/components/schemas/Loop"}
            Required:
              type: object
              required: [id, thing]
              properties:
                id: {type: integer}
                thing: {$ref: "other.yaml#/Thing"}
        """.getBytes(StandardCharsets.UTF_8)));
    ResponseGuard guard = new ResponseGuard(spec, PaykitJson.newMapper(), Redactor.none(), (r, t) -> null);
    Map<JsonNode, Boolean> schemas = new IdentityHashMap<>();
    for (OperationSpec op : spec.operations()) {
      schemas.put(op.response(200).orElseThrow().jsonSchema(), true);
    }
    assertThat(compare(spec, guard, schemas, new Random(7))).isGreaterThan(0);
  }

  private static int compare(ApiSpec spec, ResponseGuard guard, Map<JsonNode, Boolean> schemas, Random random) {
    int missed = 0;
    for (JsonNode schema : schemas.keySet()) {
      for (int round = 0; round < 300; round++) {
        JsonNode value = value(spec, schema, random, 0);
        String walked = outcome(() -> guard.missing(value, schema, 0));
        String compiled = outcome(() -> guard.required(schema).missing(value, 0));
        assertThat(compiled).as("%s on %s", schema, value).isEqualTo(walked);
        missed += walked == null ? 0 : 1;
      }
    }
    return missed;
  }

  private static String outcome(java.util.function.Supplier<String> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return "failed: " + e;
    }
  }

  /** A value shaped by the schema, made at random to lack, null or mistype any part of it. */
  private static JsonNode value(ApiSpec spec, JsonNode schemaRef, Random random, int depth) {
    int dice = random.nextInt(40);
    if (dice == 0) {
      return NODES.nullNode();
    }
    if (dice == 1 || depth > 14) {
      return random.nextBoolean() ? NODES.textNode("x") : NODES.arrayNode().add(NODES.objectNode());
    }
    JsonNode schema;
    try {
      schema = spec.resolve(schemaRef);
    } catch (RuntimeException unresolvable) {
      return NODES.objectNode().put("any", 1);
    }
    ObjectNode object = NODES.objectNode();
    boolean isObject = "object".equals(schema.path("type").asText()) || schema.has("properties")
        || schema.has("required") || schema.has("allOf") || schema.has("x-paykit-envelope");
    for (JsonNode part : schema.path("allOf")) {
      JsonNode made = value(spec, part, random, depth + 1);
      if (made instanceof ObjectNode o) {
        object.setAll(o);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (random.nextInt(8) != 0) {
        object.set(p.getKey(), value(spec, p.getValue(), random, depth + 1));
      }
    }
    for (JsonNode required : schema.path("required")) {
      int fate = random.nextInt(12);
      if (fate == 0) {
        object.remove(required.asText());
      } else if (fate == 1) {
        object.putNull(required.asText());
      } else if (!object.has(required.asText())) {
        object.put(required.asText(), "r");
      }
    }
    JsonNode envelope = schema.path("x-paykit-envelope");
    for (JsonNode key : envelope.path("data")) {
      if (random.nextInt(3) == 0) {
        object.set(key.asText(), random.nextBoolean() ? NODES.objectNode() : NODES.nullNode());
      }
    }
    if (schema.has("items")) {
      ArrayNode list = NODES.arrayNode();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        list.add(random.nextInt(10) == 0 ? NODES.nullNode() : value(spec, schema.get("items"), random, depth + 1));
      }
      return list;
    }
    if (isObject) {
      return object;
    }
    return switch (random.nextInt(4)) {
      case 0 -> NODES.textNode("t");
      case 1 -> NODES.numberNode(new BigDecimal("12.50"));
      case 2 -> NODES.booleanNode(true);
      default -> NODES.numberNode(3);
    };
  }
}
