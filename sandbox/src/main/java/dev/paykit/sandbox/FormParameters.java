package dev.paykit.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.NottableString;
import org.mockserver.model.Parameter;

/**
 * Decoded request parameters, from an {@code application/x-www-form-urlencoded} body (in the order
 * sent, which a signature over the fields may depend on, e.g. Prompt.Cash's) or from the query
 * string. The first value of a repeated name wins. Failures are 400s ({@link ApiError#badRequest}).
 * Sandbox machinery, not an API for the sandbox's users.
 */
public final class FormParameters {
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private final List<Map.Entry<String, String>> entries;

  private FormParameters(List<Map.Entry<String, String>> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses the body of a form POST. A client that sends JSON instead gets a 400 that says so rather
   * than a puzzling "missing token" (Prompt.Cash's docs use curl's {@code -d}, form encoding).
   *
   * @param request the request, with a form-encoded body
   * @return the fields in the order sent
   * @throws ApiError a 400 for another Content-Type or malformed percent-encoding
   */
  public static FormParameters fromFormBody(HttpRequest request) {
    String contentType = request.getFirstHeader("Content-Type");
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FORM_TYPE)) {
      throw ApiError.badRequest("Content-Type must be " + FORM_TYPE + ", was '" + contentType + "'");
    }
    String body = new String(request.getBodyAsRawBytes(), StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      entries.add(new SimpleImmutableEntry<>(decode(name), decode(value)));
    }
    return new FormParameters(entries);
  }

  /**
   * Query-string parameters, already percent-decoded by MockServer (order not significant).
   *
   * @param request the request
   * @return its query parameters
   */
  public static FormParameters fromQuery(HttpRequest request) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (Parameter parameter : request.getQueryStringParameterList()) {
      List<NottableString> values = parameter.getValues();
      String value = values.isEmpty() ? "" : values.get(0).getValue();
      entries.add(new SimpleImmutableEntry<>(parameter.getName().getValue(), value));
    }
    return new FormParameters(entries);
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("malformed form encoding: " + e.getMessage());
    }
  }

  /**
   * The value if the parameter was sent at all (possibly empty).
   *
   * @param name the parameter's name
   * @return its first value, or empty when not sent
   */
  public Optional<String> find(String name) {
    for (Map.Entry<String, String> entry : entries) {
      if (entry.getKey().equals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The value, or "" when not sent: the docs give "" as the default of every text field.
   *
   * @param name the parameter's name
   * @return its first value, or ""
   */
  public String get(String name) {
    return find(name).orElse("");
  }

  /**
   * Whether the parameter was sent at all.
   *
   * @param name the parameter's name
   * @return true when sent, even empty
   */
  public boolean has(String name) {
    return find(name).isPresent();
  }

  /**
   * The value of a required field.
   *
   * @param name the parameter's name
   * @return its first value, not empty
   * @throws ApiError a 400 naming the field when it is missing or empty
   */
  public String required(String name) {
    String value = get(name);
    if (value.isEmpty()) {
      throw ApiError.badRequest("missing required field: " + name);
    }
    return value;
  }
}
