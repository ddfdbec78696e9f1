package dev.paykit.spring.boot;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the credentials of paykit's clients ({@code paykit.<provider>.secret-token}, {@code public-token},
 * {@code api-key}, {@code secret-key}, PT API's {@code subscription-key}, {@code secondary-key} and
 * {@code password}, in any spelling Spring's relaxed binding accepts, also as environment
 * variables) in actuator output.
 */
public final class PaykitSanitizingFunction implements SanitizingFunction {

  private static final Set<String> CREDENTIALS = Set.of("secrettoken", "publictoken", "apikey", "secretkey",
      "subscriptionkey", "secondarykey", "password");
  private static final Pattern SEPARATORS = Pattern.compile("[-_.\\[\\]]");

  @Override
  public SanitizableData apply(SanitizableData data) {
    String key = data.getKey();
    if (key == null) {
      return data;
    }
    String flat = SEPARATORS.matcher(key.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    if (!flat.startsWith("paykit")) {
      return data;
    }
    for (String c : CREDENTIALS) {
      if (flat.endsWith(c)) {
        return data.withValue(SanitizableData.SANITIZED_VALUE);
      }
    }
    return data;
  }
}
