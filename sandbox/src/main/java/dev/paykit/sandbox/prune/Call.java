package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mockserver.model.HttpRequest;

/**
 * One request to the Prune simulator as its handlers see it: the environment its key opened, the values
 * of the route's path parameters, the query, the JSON or multipart body and the time it is handled at.
 * Confined to the Netty thread handling the request.
 */
final class Call {
  private final HttpRequest request;
  private final Environment environment;
  private final List<String> pathParameters;
  private final Instant now;

  Call(HttpRequest request, Environment environment, List<String> pathParameters, Instant now) {
    this.request = request;
    this.environment = environment;
    this.pathParameters = List.copyOf(pathParameters);
    this.now = now;
  }

  Environment environment() {
    return environment;
  }

  /** The {@code i}-th path parameter of the route, percent-decoded. */
  String pathParameter(int i) {
    return pathParameters.get(i);
  }

  Instant now() {
    return now;
  }

  FormParameters query() {
    return FormParameters.fromQuery(request);
  }

  /** The JSON object body; 400 when it is not one sent as application/json. */
  JsonBody json() {
    String contentType = request.getFirstHeader("Content-Type");
    if (!contentType.toLowerCase(Locale.ROOT).startsWith(Json.CONTENT_TYPE)) {
      throw Envelope.invalid("Content-Type must be " + Json.CONTENT_TYPE + ", was '" + contentType + "'");
    }
    byte[] raw = request.getBodyAsRawBytes();
    if (raw == null || raw.length == 0) {
      throw Envelope.invalid("a JSON request body is required");
    }
    JsonNode json;
    try {
      json = Json.parse(raw);
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw Envelope.invalid("malformed JSON body: " + detail);
    }
    return JsonBody.of(json);
  }

  /** The multipart/form-data body, every part with its exact bytes; 400 when it is not one. */
  MultipartForm form() {
    return MultipartForm.parse(request.getFirstHeader("Content-Type"), request.getBodyAsRawBytes());
  }
}
