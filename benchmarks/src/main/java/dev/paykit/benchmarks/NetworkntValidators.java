package dev.paykit.benchmarks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code com.networknt:json-schema-validator} 3.0.x set up the way paykit would have to use it: the OpenAPI
 * 3.1 dialect, format assertions on, one whole spec document registered under a base IRI so that its
 * local {@code $ref}s resolve, and numbers read as exact decimals (Jackson 3, which networknt 3 is built
 * on; paykit is on Jackson 2, so a value has to cross from one tree model to the other). Only the
 * benchmarks module (and its cross-check test) has it on the class path.
 */
public final class NetworkntValidators {

  /** Jackson 3, floats as {@code BigDecimal}: money keeps its scale, as in paykit's own mapper. */
  public static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final String BASE = "https://paykit.invalid/spec.json";

  private final SchemaRegistry registry;

  /** @param documentJson the whole spec document as JSON text */
  public NetworkntValidators(String documentJson) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
        .schemaRegistryConfig(config)
        .nodeReader(reader -> reader.jsonMapper(JSON))
        .schemas(Map.of(BASE, documentJson)));
  }

  /** The compiled schema at a JSON pointer of the document, e.g. {@code /components/schemas/Money}. */
  public Schema schemaAt(String pointer) {
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
    schema.initializeValidators();
    return schema;
  }

  public static List<Error> validate(Schema schema, JsonNode value) {
    return schema.validate(value);
  }

  /** A Jackson 3 tree of this JSON text, numbers exact. */
  public static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  /** A Jackson 3 tree of a Jackson 2 one, the way a paykit pipeline would have to hand a body over. */
  public static JsonNode tree(byte[] json) {
    return JSON.readTree(json);
  }
}
