package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step 3: applies the credentials of each security scheme the operation's spec names, and nothing on
 * operations that name none (unlike the generated {@code ApiClient}, whose interceptors sign every
 * request). Supports {@code apiKey} in a header (raw value), {@code http bearer} and {@code http basic}
 * (value {@code user:password}). Headers are replaced, never appended. Thread-safe.
 */
public final class SpecAuthentication implements AttemptStep {

  private final Map<String, Supplier<String>> credentials;
  /** Each credential's scheme, read from the spec once: what to send, or why it cannot be sent. */
  private final Map<String, Scheme> schemes;

  /** @param credentials the secret for each security scheme name; a supplier allows rotating keys */
  public SpecAuthentication(ApiSpec spec, Map<String, Supplier<String>> credentials) {
    this.credentials = Map.copyOf(credentials);
    Map<String, Scheme> read = new java.util.HashMap<>();
    for (String name : this.credentials.keySet()) {
      read.put(name, Scheme.read(spec, name));
    }
    this.schemes = Map.copyOf(read);
  }

  @Override
  public void apply(AttemptRequest template, OperationSpec operation) {
    for (String name : operation.securitySchemes()) {
      Supplier<String> credential = credentials.get(name);
      if (credential == null) {
        throw new IllegalStateException("no credential configured for security scheme " + name);
      }
      schemes.get(name).apply(template, credential.get());
    }
  }

  /**
   * One security scheme as the spec describes it: the header and how the credential goes into it
   * ({@code apiKey} raw, {@code bearer}, {@code basic}), or the reason it cannot be applied, thrown when an
   * operation needs it (never at construction: a scheme no called operation uses does no harm).
   */
  private record Scheme(String header, String kind, RuntimeException unusable) {

    static Scheme read(ApiSpec spec, String name) {
      JsonNode scheme;
      try {
        scheme = spec.securityScheme(name);
      } catch (IllegalArgumentException missing) {
        return new Scheme(null, null, missing);
      }
      String type = scheme.path("type").asText();
      if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
        return new Scheme(scheme.path("name").asText(), "apiKey", null);
      } else if (type.equals("http")) {
        String httpScheme = scheme.path("scheme").asText().toLowerCase(Locale.ROOT);
        return switch (httpScheme) {
          case "bearer", "basic" -> new Scheme("Authorization", httpScheme, null);
          default -> new Scheme(null, null, new IllegalStateException("unsupported http scheme " + httpScheme));
        };
      }
      return new Scheme(null, null,
          new IllegalStateException("unsupported security scheme " + name + " (" + type + ")"));
    }

    void apply(AttemptRequest template, String value) {
      if (unusable != null) {
        throw unusable instanceof IllegalArgumentException e ? new IllegalArgumentException(e.getMessage())
            : new IllegalStateException(unusable.getMessage());
      }
      String headerValue = switch (kind) {
        case "bearer" -> "Bearer " + value;
        case "basic" -> "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        default -> value;
      };
      template.replaceHeader(header, headerValue);
    }
  }
}
