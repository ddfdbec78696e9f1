package dev.paykit.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches an exception message or a log line. Immutable and
 * thread-safe; built once per client from the client's secrets.
 *
 * <p>Each known secret (API key, secret token) is replaced wherever it occurs, as is, JSON-escaped or
 * form-encoded; and so is any value of a sensitive header or field ({@code Authorization},
 * {@code signature}, ...) in the forms {@code name: value}, {@code name=value} and
 * {@code "name":"value"}. A JSON value is masked up to its real closing quote, however it is escaped
 * ({@code \"}, {@code \\}, {@code &#92;u0022}), or to the end of the text when it is cut off; a JSON
 * name may be written with {@code &#92;u} escapes; a number or boolean value is masked too. Runs in
 * linear time.
 *
 * <p>Secrets that change while the client lives (a session id from a login) are given as a supplier
 * ({@link #withLiveSecrets}), asked on every {@link #redact}: they are masked in the same forms, so a
 * provider's message or a logged answer that echoes one in plain text never shows it either.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "[REDACTED]";

  private static final int MIN_SECRET_LENGTH = 4;

  private static final Supplier<Collection<String>> NO_LIVE_SECRETS = List::of;

  private final List<String> secrets;
  private final List<Pattern> jsonNames;
  private final List<Pattern> fieldPatterns;
  private final Supplier<? extends Collection<String>> liveSecrets;
  /** Per field pattern: the name it is about and the separator it needs ({@code =} or {@code :}). */
  private final String[] fieldNames;
  private final char[] fieldSeparators;

  private Redactor(List<String> secrets, List<Pattern> jsonNames, List<Pattern> fieldPatterns,
      String[] fieldNames, char[] fieldSeparators, Supplier<? extends Collection<String>> liveSecrets) {
    this.secrets = secrets;
    this.jsonNames = jsonNames;
    this.fieldPatterns = fieldPatterns;
    this.fieldNames = fieldNames;
    this.fieldSeparators = fieldSeparators;
    this.liveSecrets = liveSecrets;
    this.secretStarts = new char[secrets.size() * 2];
    for (int i = 0; i < secrets.size(); i++) {
      secretStarts[2 * i] = secrets.get(i).charAt(0);
      secretStarts[2 * i + 1] = secrets.get(i).charAt(1);
    }
  }

  /**
   * This redactor, also masking the secrets {@code live} gives at the time of each {@link #redact} (e.g.
   * the current and the previous session id; null entries and ones shorter than four characters ignored).
   * The supplier must be cheap and thread-safe.
   */
  public Redactor withLiveSecrets(Supplier<? extends Collection<String>> live) {
    return new Redactor(secrets, jsonNames, fieldPatterns, fieldNames, fieldSeparators,
        Objects.requireNonNull(live, "live"));
  }

  /** The forms in which a secret may appear: as is, JSON-escaped (with and without {@code \/}), form-encoded. */
  private static void addForms(String s, Collection<String> into) {
    if (s != null && s.length() >= MIN_SECRET_LENGTH) {
      into.add(s);
      into.add(jsonEscaped(s, false));
      into.add(jsonEscaped(s, true));
      into.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
  }

  /**
   * A redactor for these secrets and sensitive header / field names (case-insensitive). Secrets
   * shorter than four characters are ignored, since masking them would garble ordinary text.
   */
  public static Redactor of(Collection<String> secrets, Collection<String> sensitiveNames) {
    Set<String> kept = new LinkedHashSet<>();
    for (String s : secrets) {
      addForms(s, kept);
    }
    List<String> sorted = new ArrayList<>(kept);
    // Longest first, so that a secret containing another is masked whole.
    sorted.sort((a, b) -> b.length() - a.length());
    List<Pattern> names = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : sensitiveNames) {
      Pattern[] compiled = NAME_PATTERNS.computeIfAbsent(Objects.requireNonNull(name), Redactor::compile);
      names.add(compiled[0]);
      patterns.add(compiled[1]);
      patterns.add(compiled[2]);
      fieldNames.add(name);
      fieldNames.add(name);
    }
    char[] separators = new char[patterns.size()];
    for (int i = 0; i < separators.length; i++) {
      separators[i] = i % 2 == 0 ? '=' : ':';
    }
    return new Redactor(List.copyOf(sorted), List.copyOf(names), List.copyOf(patterns),
        fieldNames.toArray(new String[0]), separators, NO_LIVE_SECRETS);
  }

  /**
   * The patterns of one sensitive name, compiled once per JVM (the names are the specs' and the
   * builders' header and field names, a handful per provider; patterns are immutable and thread-safe).
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, Pattern[]> NAME_PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Pattern[] compile(String name) {
    String n = Pattern.quote(name);
    return new Pattern[] {
        Pattern.compile("\"" + jsonName(name) + "\"\\s*:\\s*"),
        Pattern.compile("(?i)(\\b" + n + "=)[^&\\s\"]*()"),
        Pattern.compile("(?i)(\\b" + n + ":[ \\t]*)[^\\r\\n]*()")};
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return new Redactor(List.of(), List.of(), List.of(), new String[0], new char[0], NO_LIVE_SECRETS);
  }

  /**
   * Whether {@link #redact} may change this text (given as characters, e.g. a parser's buffer): false only
   * when it surely returns the text as it is, because the text holds none of what every masking needs: the
   * first two characters of a secret (of a form of one), a {@code "}, or the separator of a sensitive
   * field. With live secrets, always true. Allocates nothing.
   */
  public boolean mayChange(char[] text, int offset, int length) {
    if (length == 0) {
      return false;
    }
    if (liveSecrets != NO_LIVE_SECRETS) {
      return true;
    }
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = text[i];
      if (c == '"') {
        return true;
      }
      for (char separator : fieldSeparators) {
        if (c == separator) {
          return true;
        }
      }
      if (i + 1 < end) {
        for (int p = 0; p < secretStarts.length; p += 2) {
          if (secretStarts[p] == c && secretStarts[p + 1] == text[i + 1]) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The first two characters of each secret, in pairs (secrets are at least four characters long). */
  private final char[] secretStarts;

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
    if (liveSecrets != NO_LIVE_SECRETS) {
      Set<String> live = new LinkedHashSet<>();
      for (String s : liveSecrets.get()) {
        addForms(s, live);
      }
      List<String> longestFirst = new ArrayList<>(live);
      longestFirst.sort((a, b) -> b.length() - a.length());
      for (String secret : longestFirst) {
        if (out.contains(secret)) {
          out = out.replace(secret, MASK);
        }
      }
    }
    // each pattern needs characters most texts (a name, an amount, a status) do not have: without them
    // it cannot match, and no matcher is made (JsonScrubber asks about every text of every answer)
    if (out.indexOf('"') >= 0 && out.indexOf(':') >= 0) { // "name" : value
      for (Pattern name : jsonNames) {
        out = maskJsonValues(out, name);
      }
    }
    for (int i = 0; i < fieldPatterns.size(); i++) {
      if (out.indexOf(fieldSeparators[i]) >= 0 && containsIgnoringCase(out, fieldNames[i])) { // name= / name:
        out = fieldPatterns.get(i).matcher(out).replaceAll("$1" + MASK + "$2");
      }
    }
    return out;
  }

  /**
   * Whether {@code name} occurs in {@code text} ignoring case, as {@link String#regionMatches(boolean, int,
   * String, int, int)} compares: at least wherever the field patterns' ASCII case-insensitive match can.
   */
  private static boolean containsIgnoringCase(String text, String name) {
    for (int i = 0, last = text.length() - name.length(); i <= last; i++) {
      if (text.regionMatches(true, i, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  /** Masks the value after each match of {@code name} (a JSON member name and its colon). */
  private static String maskJsonValues(String text, Pattern name) {
    Matcher m = name.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int start = m.end();
      int end;
      if (start < text.length() && text.charAt(start) == '"') {
        start++;
        end = closingQuote(text, start);
      } else {
        end = endOfScalar(text, start);
        if (end == start || text.startsWith("null", start)) {
          from = m.end();
          continue;
        }
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(MASK);
      copied = end;
      from = Math.max(end, m.end());
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** The index of the quote that closes a JSON string whose content starts at {@code i}, or the end. */
  private static int closingQuote(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2; // an escape: the next character never closes the string
      } else if (c == '"') {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** The end of a JSON number, {@code true}, {@code false} or {@code null} starting at {@code i}. */
  private static int endOfScalar(String text, int i) {
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.')) {
        break;
      }
      j++;
    }
    return j;
  }

  /** A regex for a JSON member name: each character as is (any case) or as a {@code &#92;u} escape. */
  private static String jsonName(String name) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      Set<Character> forms = new LinkedHashSet<>(List.of(c,
          Character.toLowerCase(c), Character.toUpperCase(c)));
      regex.append("(?:");
      boolean first = true;
      for (char f : forms) {
        if (!first) {
          regex.append('|');
        }
        first = false;
        regex.append(Pattern.quote(String.valueOf(f)))
            .append("|\\\\u").append(String.format(Locale.ROOT, "(?i:%04x)", (int) f));
      }
      if (c == '/') {
        regex.append("|\\\\/");
      }
      regex.append(')');
    }
    return regex.toString();
  }

  /** The secret as it appears inside a JSON string (Jackson leaves {@code /} alone; others escape it). */
  private static String jsonEscaped(String secret, boolean escapeSlash) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append(escapeSlash ? "\\/" : "/");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secret forms, " + jsonNames.size() + " field names]";
  }
}
