package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.JsonValues.plural;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * String keywords: {@code minLength}, {@code maxLength}, {@code pattern} and {@code format}.
 * Holds the thread-safe cache of compiled {@code pattern}s. Messages never contain the text checked.
 */
final class StringChecks {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$");
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final ConcurrentHashMap<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** The compiled form of a spec regex, compiled once per validator. */
  Pattern pattern(String regex) {
    Pattern compiled = patterns.get(regex);
    return compiled != null ? compiled : patterns.computeIfAbsent(regex, r -> Pattern.compile(endOfInputDollars(r)));
  }

  /**
   * The regex with ECMA-262's meaning of {@code $} (JSON Schema patterns are ECMA-262): end of input
   * only. Java's {@code $} also matches before a final line terminator, so {@code ^[0-9]{10}$} would
   * accept an account number followed by a newline. Every {@code $} that is neither escaped nor inside a
   * character class (nor inside Java's {@code \Q...\E}) becomes {@code \z}.
   */
  static String endOfInputDollars(String regex) {
    if (regex.indexOf('$') < 0) {
      return regex;
    }
    StringBuilder java = new StringBuilder(regex.length() + 4);
    int classDepth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char escaped = regex.charAt(++i);
        java.append(c).append(escaped);
        if (escaped == 'Q') { // Java's literal section: copied up to \E as it is
          int end = regex.indexOf("\\E", i + 1);
          end = end < 0 ? regex.length() : end;
          java.append(regex, i + 1, end);
          i = end - 1;
        }
        continue;
      }
      if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '$' && classDepth == 0) {
        java.append("\\z");
        continue;
      }
      java.append(c);
    }
    return java.toString();
  }

  void check(String field, String text, JsonNode schema, List<Violation> out) {
    checkLength(field, text, schema, out);
    JsonNode regex = schema.get("pattern");
    if (regex != null && regex.isTextual() && !pattern(regex.textValue()).matcher(text).find()) {
      out.add(new Violation(field, "pattern", "must match the pattern " + regex.textValue()));
    }
    JsonNode format = schema.get("format");
    if (format != null && format.isTextual()) {
      String expected = formatProblem(format.textValue(), text);
      if (expected != null) {
        out.add(new Violation(field, "format", expected));
      }
    }
  }

  private static void checkLength(String field, String text, JsonNode schema, List<Violation> out) {
    JsonNode min = schema.get("minLength");
    JsonNode max = schema.get("maxLength");
    if (!isCount(min) && !isCount(max)) {
      return;
    }
    long length = text.codePointCount(0, text.length());
    if (isCount(min) && length < min.asLong()) {
      out.add(new Violation(field, "minLength",
          "must be at least " + plural(min.asLong(), "character") + " long (was " + length + ")"));
    }
    if (isCount(max) && length > max.asLong()) {
      out.add(new Violation(field, "maxLength",
          "must be at most " + plural(max.asLong(), "character") + " long (was " + length + ")"));
    }
  }

  static boolean isCount(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToLong();
  }

  /** What {@code format} expects when {@code text} does not conform; {@code null} when it does or is unknown. */
  static String formatProblem(String format, String text) {
    switch (format) {
      case "date-time":
        return Rfc3339.isDateTime(text) ? null
            : "must be an RFC 3339 date-time with offset, e.g. 2024-01-31T12:00:00Z";
      case "date":
        return Rfc3339.isDate(text) ? null : "must be a date in the form YYYY-MM-DD";
      case "time":
        return Rfc3339.isTime(text) ? null : "must be an RFC 3339 time with offset, e.g. 12:00:00Z";
      case "uri":
        return isAbsoluteUri(text) ? null : "must be an absolute URI";
      case "email":
        return EMAIL.matcher(text).matches() ? null : "must be an email address";
      case "uuid":
        return UUID.matcher(text).matches() ? null : "must be a UUID";
      default:
        return null;
    }
  }

  /** RFC 3986: ASCII only (an IRI is another format), and absolute. */
  private static boolean isAbsoluteUri(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7e) {
        return false;
      }
    }
    try {
      return new URI(text).isAbsolute();
    } catch (URISyntaxException e) { // its message quotes the text: never propagate it
      return false;
    }
  }
}
