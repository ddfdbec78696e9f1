package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.RequestTemplate;
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

  private final ApiSpec spec;
  private final Map<String, Supplier<String>> credentials;

  /** @param credentials the secret for each security scheme name; a supplier allows rotating keys */
  public SpecAuthentication(ApiSpec spec, Map<String, Supplier<String>> credentials) {
    this.spec = spec;
    this.credentials = Map.copyOf(credentials);
  }

  @Override
  public void apply(RequestTemplate template, OperationSpec operation) {
    for (String name : operation.securitySchemes()) {
      Supplier<String> credential = credentials.get(name);
      if (credential == null) {
        throw new IllegalStateException("no credential configured for security scheme " + name);
      }
      JsonNode scheme = spec.securityScheme(name);
      String type = scheme.path("type").asText();
      String value = credential.get();
      if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
        AttemptStep.replaceHeader(template, scheme.path("name").asText(), value);
      } else if (type.equals("http")) {
        String httpScheme = scheme.path("scheme").asText().toLowerCase(Locale.ROOT);
        String header = switch (httpScheme) {
          case "bearer" -> "Bearer " + value;
          case "basic" -> "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
          default -> throw new IllegalStateException("unsupported http scheme " + httpScheme);
        };
        AttemptStep.replaceHeader(template, "Authorization", header);
      } else {
        throw new IllegalStateException("unsupported security scheme " + name + " (" + type + ")");
      }
    }
  }
}
