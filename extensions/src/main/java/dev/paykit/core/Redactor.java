package dev.paykit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches an exception message or a log line. Immutable and
 * thread-safe; built once per client from the client's secrets.
 *
 * <p>Each known secret (API key, secret token) is replaced wherever it occurs, and so is any value of a
 * sensitive header or field ({@code Authorization}, {@code signature}, ...) in the forms
 * {@code name: value}, {@code name=value} and {@code "name":"value"}.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "[REDACTED]";

  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;
  private final List<Pattern> fieldPatterns;

  private Redactor(List<String> secrets, List<Pattern> fieldPatterns) {
    this.secrets = secrets;
    this.fieldPatterns = fieldPatterns;
  }

  /**
   * A redactor for these secrets and sensitive header / field names (case-insensitive). Secrets
   * shorter than four characters are ignored, since masking them would garble ordinary text.
   */
  public static Redactor of(Collection<String> secrets, Collection<String> sensitiveNames) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        kept.add(s);
      }
    }
    // Longest first, so that a secret containing another is masked whole.
    kept.sort((a, b) -> b.length() - a.length());
    List<Pattern> patterns = new ArrayList<>();
    for (String name : sensitiveNames) {
      String n = Pattern.quote(Objects.requireNonNull(name));
      patterns.add(Pattern.compile("(?i)(\"" + n + "\"\\s*:\\s*\")[^\"]*(\")"));
      patterns.add(Pattern.compile("(?i)(\\b" + n + "=)[^&\\s\"]*()"));
      patterns.add(Pattern.compile("(?i)(\\b" + n + ":[ \\t]*)[^\\r\\n]*()"));
    }
    return new Redactor(List.copyOf(kept), List.copyOf(patterns));
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return new Redactor(List.of(), List.of());
  }

  /** The text with every secret masked; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    for (Pattern p : fieldPatterns) {
      out = p.matcher(out).replaceAll("$1" + MASK + "$2");
    }
    return out;
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secrets, " + fieldPatterns.size() / 3 + " field names]";
  }
}
