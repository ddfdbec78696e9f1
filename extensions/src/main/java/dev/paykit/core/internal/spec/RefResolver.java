package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves local {@code $ref}s ({@code "#"} followed by a JSON pointer, percent-encoding allowed) against
 * one document and caches the result per reference string. Thread-safe.
 */
final class RefResolver {

  private final JsonNode root;
  private final ConcurrentHashMap<String, JsonNode> cache = new ConcurrentHashMap<>();

  RefResolver(JsonNode root) {
    this.root = root;
  }

  /**
   * @return the node {@code ref} points to, never {@code null}
   * @throws IllegalArgumentException when {@code ref} is not local, malformed, or points nowhere
   */
  JsonNode resolve(String ref) {
    JsonNode target = cache.get(ref); // the common case, without computeIfAbsent's locking
    return target != null ? target : cache.computeIfAbsent(ref, this::lookup);
  }

  private JsonNode lookup(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException(
          "Unsupported $ref '" + ref + "': only local references starting with '#' are supported");
    }
    JsonNode target;
    try {
      target = root.at(JsonPointer.compile(percentDecode(ref.substring(1))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Malformed $ref '" + ref + "'", e);
    }
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("Unresolvable $ref '" + ref + "'");
    }
    return target;
  }

  /** Decodes %XX escapes (UTF-8) of a URI fragment; leaves everything else, including '+', as is. */
  private static String percentDecode(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    StringBuilder text = new StringBuilder(fragment.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    int i = 0;
    while (i < fragment.length()) {
      if (isEscape(fragment, i)) {
        escaped.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      if (escaped.size() > 0) {
        text.append(escaped.toString(StandardCharsets.UTF_8));
        escaped.reset();
      }
      text.append(fragment.charAt(i++));
    }
    return text.append(escaped.toString(StandardCharsets.UTF_8)).toString();
  }

  private static boolean isEscape(String s, int i) {
    return s.charAt(i) == '%' && i + 2 < s.length()
        && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0;
  }
}
