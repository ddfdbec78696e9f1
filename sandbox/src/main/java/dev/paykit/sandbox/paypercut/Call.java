package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.NottableString;
import org.mockserver.model.Parameter;

/**
 * One request to the Paypercut simulator as its handlers see it: the path below the prefix, the
 * route's path parameters, the account it acts for, query parameters (repeated ones kept, the
 * {@code name[]} spelling accepted), the JSON body and the time it is handled at. Confined to the
 * Netty thread handling the request.
 */
final class Call {
  private final HttpRequest request;
  private final String path;
  private final List<String> pathParameters;
  private final String account;
  private final Instant now;
  private final String baseUrl;
  private JsonNode json;

  Call(HttpRequest request, String path, List<String> pathParameters, String account, Instant now,
      String baseUrl) {
    this.request = request;
    this.path = path;
    this.pathParameters = List.copyOf(pathParameters);
    this.account = account;
    this.now = now;
    this.baseUrl = baseUrl;
  }

  String method() {
    return request.getMethod().getValue();
  }

  /** The path below the prefix, without a trailing slash, e.g. {@code /v1/payment_intents}. */
  String path() {
    return path;
  }

  /** The {@code i}-th path parameter of the route, percent-decoded. */
  String pathParameter(int i) {
    return pathParameters.get(i);
  }

  /** The account every read and write of this request is scoped to. */
  String account() {
    return account;
  }

  /** The simulator's clock when the request arrived, to the second. */
  Instant now() {
    return now;
  }

  String baseUrl() {
    return baseUrl;
  }

  String header(String name) {
    return request.getFirstHeader(name);
  }

  /** Every value of query parameter {@code name} (or {@code name[]}), in the order sent. */
  List<String> queryAll(String name) {
    List<String> values = new ArrayList<>();
    for (Parameter parameter : request.getQueryStringParameterList()) {
      String sent = parameter.getName().getValue();
      if (sent.equals(name) || sent.equals(name + "[]")) {
        for (NottableString value : parameter.getValues()) {
          values.add(value.getValue());
        }
      }
    }
    return values;
  }

  /** The one value of a query parameter; 400 when it is repeated. */
  Optional<String> query(String name) {
    List<String> values = queryAll(name);
    if (values.size() > 1) {
      throw Errors.invalid(name, "must be sent once");
    }
    return values.stream().findFirst();
  }

  /** A query text of at most {@code maxLength} characters. */
  Optional<String> query(String name, int maxLength) {
    Optional<String> value = query(name);
    if (value.isPresent() && value.get().length() > maxLength) {
      throw Errors.invalid(name, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** An RFC 3339 date-time query parameter ({@code start_date}, {@code end_date}). */
  Optional<Instant> queryTime(String name) {
    Optional<String> value = query(name);
    try {
      return value.map(v -> OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      throw Errors.invalid(name, "'" + value.get() + "' is not an RFC 3339 date-time");
    }
  }

  /**
   * The fields {@code expand} names (repeated {@code expand=}, or {@code expand[]=}); 400 for a
   * field this operation cannot expand.
   */
  Set<String> expand(Set<String> allowed) {
    Set<String> fields = new LinkedHashSet<>(queryAll("expand"));
    for (String field : fields) {
      if (!allowed.contains(field)) {
        throw Errors.invalid("expand", allowed.isEmpty()
            ? "this operation expands no field"
            : "'" + field + "' cannot be expanded here (only " + String.join(", ", allowed) + ")");
      }
    }
    return fields;
  }

  /** The body as a validated reader; an empty body is {@code {}}. */
  Body body() {
    return Body.root(json());
  }

  /**
   * The body as compared for idempotency: the parsed JSON (so spacing and property order do not
   * matter, every value does), the raw text when it is not JSON, or "" when there is none.
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
        json = Json.object();
        return json;
      }
      String contentType = header("Content-Type").toLowerCase(Locale.ROOT);
      if (!contentType.startsWith(Json.CONTENT_TYPE)) {
        throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_invalid", null,
            "Content-Type must be application/json, was '" + header("Content-Type") + "'.");
      }
      try {
        json = Json.parse(raw.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_invalid", null,
            "The request body is not valid JSON: " + detail);
      }
    }
    return json;
  }

  private String rawBody() {
    byte[] raw = request.getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  /** The raw query string as sent ("" when none), part of what an idempotency key is bound to. */
  String rawQuery() {
    StringBuilder query = new StringBuilder();
    for (Parameter parameter : request.getQueryStringParameterList()) {
      for (NottableString value : parameter.getValues()) {
        query.append(query.length() == 0 ? "" : "&").append(parameter.getName().getValue()).append('=')
            .append(value.getValue());
      }
    }
    return query.toString();
  }
}
