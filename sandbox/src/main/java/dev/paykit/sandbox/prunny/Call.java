package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mockserver.model.HttpRequest;

/**
 * One request to the Prunny simulator as its handlers see it: the path below the prefix, the
 * values of the route's path parameters, query parameters, headers, the JSON body and the time it
 * is handled at. Confined to the Netty thread handling the request.
 */
final class Call {
  private final HttpRequest request;
  private final String path;
  private final List<String> pathParameters;
  private final String baseUrl;
  private final Instant now;
  private JsonNode json;

  Call(HttpRequest request, String path, List<String> pathParameters, String baseUrl, Instant now) {
    this.request = request;
    this.path = path;
    this.pathParameters = List.copyOf(pathParameters);
    this.baseUrl = baseUrl;
    this.now = now;
  }

  String method() {
    return request.getMethod().getValue();
  }

  /** The path below the prefix, without a trailing slash, e.g. {@code /v1/accounts}. */
  String path() {
    return path;
  }

  /** The {@code i}-th path parameter of the route, percent-decoded. */
  String pathParameter(int i) {
    return pathParameters.get(i);
  }

  /** {@code http://127.0.0.1:<port>/prunny}: where absolute links start. */
  String baseUrl() {
    return baseUrl;
  }

  /** The simulator's clock when the request arrived. */
  Instant now() {
    return now;
  }

  FormParameters query() {
    return FormParameters.fromQuery(request);
  }

  /** The first value of a header, "" when absent. */
  String header(String name) {
    return request.getFirstHeader(name);
  }

  /** The body as validated JSON; 400 when it is not a JSON object sent as application/json. */
  Body body() {
    String contentType = header("Content-Type").toLowerCase(Locale.ROOT);
    if (!contentType.startsWith(Json.CONTENT_TYPE)) {
      throw Envelope.invalid("Content-Type must be " + Json.CONTENT_TYPE + ", was '"
          + header("Content-Type") + "'");
    }
    return Body.of(json());
  }

  /**
   * The body as compared for idempotency: the parsed JSON (so spacing does not matter, every
   * value does), or the raw text when it is not JSON; a missing body is the empty text.
   */
  JsonNode fingerprint() {
    try {
      return json();
    } catch (ApiError notJson) {
      return TextNode.valueOf(rawBody());
    }
  }

  private JsonNode json() {
    if (json == null) {
      String raw = rawBody();
      if (raw.isBlank()) {
        throw Envelope.invalid("a JSON request body is required");
      }
      try {
        json = Json.parse(raw.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        throw Envelope.invalid("malformed JSON body: " + detail);
      }
    }
    return json;
  }

  private String rawBody() {
    byte[] raw = request.getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }
}
