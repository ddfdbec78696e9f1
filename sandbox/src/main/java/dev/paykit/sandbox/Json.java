package dev.paykit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.mockserver.model.HttpResponse;

/**
 * JSON for the simulators. Amounts are written from {@link BigDecimal} as plain JSON numbers:
 * {@code WRITE_BIGDECIMAL_AS_PLAIN} keeps {@code 0.00000001} from becoming {@code 1E-8}, and
 * {@link DecimalNode#valueOf} keeps the scale as computed (no float anywhere). Request bodies are
 * read the same way: every fraction as the {@link BigDecimal} sent ({@code 12.50} stays
 * {@code 12.50}), and a repeated property name is an error rather than "last one wins". Sandbox
 * machinery, not an API for the sandbox's users.
 */
public final class Json {
  /** The content type of every JSON answer. */
  public static final String CONTENT_TYPE = "application/json";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}

  /** {@return a new, empty JSON object} */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Parses one JSON document.
   *
   * @param body the request body's bytes
   * @return the document, fractions as {@link BigDecimal}
   * @throws IOException for anything that is not exactly one JSON document (a repeated property included)
   */
  public static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  /**
   * A JSON number of exactly this value and scale.
   *
   * @param value the amount
   * @return the node, written as a plain number
   */
  public static DecimalNode decimal(BigDecimal value) {
    return DecimalNode.valueOf(value);
  }

  /**
   * Renders a node, decimals plain.
   *
   * @param node the JSON to render
   * @return its UTF-8 bytes
   * @throws IllegalStateException when Jackson cannot render it
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render sandbox JSON", e);
    }
  }

  /**
   * A response with exactly these JSON bytes and {@code Content-Type: application/json}.
   *
   * @param status the HTTP status
   * @param body the JSON to render
   * @return the response
   */
  public static HttpResponse response(int status, JsonNode body) {
    return response(status, bytes(body));
  }

  /**
   * A response with these bytes, already JSON, e.g. a saved answer replayed.
   *
   * @param status the HTTP status
   * @param body the JSON bytes, sent as they are
   * @return the response, {@code Content-Type: application/json}
   */
  public static HttpResponse response(int status, byte[] body) {
    return HttpResponse.response()
        .withStatusCode(status)
        .withHeader("Content-Type", CONTENT_TYPE)
        .withBody(body);
  }
}
