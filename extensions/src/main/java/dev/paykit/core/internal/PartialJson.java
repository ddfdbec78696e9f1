package dev.paykit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads scalar values out of JSON that may be cut off or broken further on, e.g. the id at the start of
 * an answer whose connection dropped halfway. A value counts only when it arrived whole: a string up to
 * its closing quote, a number only when a byte after its last digit arrived too, so that
 * {@code {"id": 10} cut after {@code 10} never reads as 10 when 1001 was sent. Reading stops at the first
 * thing that is not JSON. Stateless.
 */
final class PartialJson {

  /** The longest value taken: an id, not a document. */
  static final int MAX_VALUE_LENGTH = 255;

  private PartialJson() {}

  /**
   * The text of every string, number or boolean found, whole, at one of these dotted paths
   * ({@code data.id}: member {@code id} of member {@code data} of the top-level object), the first
   * occurrence of each; paths not found are absent.
   */
  static Map<String, String> scalars(JsonFactory factory, byte[] json, Collection<String> paths) {
    return scalars(factory, json, paths, java.util.Set.of());
  }

  /**
   * Like {@link #scalars(JsonFactory, byte[], Collection)}; at the {@code idPaths} only a string or an
   * integer is taken (an id is never {@code true} or {@code 1.5e3}).
   */
  static Map<String, String> scalars(JsonFactory factory, byte[] json, Collection<String> paths,
      Collection<String> idPaths) {
    Map<String, String> wanted = new HashMap<>();
    for (String p : paths) {
      if (p != null && !p.isBlank()) {
        wanted.put("/" + p.replace('.', '/'), p);
      }
    }
    Map<String, String> found = new HashMap<>();
    if (wanted.isEmpty() || json == null || json.length == 0) {
      return found;
    }
    try (JsonParser parser = factory.createParser(json)) {
      for (JsonToken token; (token = parser.nextToken()) != null; ) {
        if (!token.isScalarValue() || token == JsonToken.VALUE_NULL) {
          continue;
        }
        String path = wanted.get(parser.getParsingContext().pathAsPointer().toString());
        if (path == null || found.containsKey(path)) {
          continue;
        }
        if (idPaths.contains(path) && token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
          found.put(path, null); // the first value there is no id: take none, not a later one
          continue;
        }
        String text = parser.getText(); // a string cut before its closing quote throws here
        boolean whole = !token.isNumeric()
            || parser.currentTokenLocation().getByteOffset() + text.length() < json.length; // a byte ends it
        if (whole && text.length() <= MAX_VALUE_LENGTH) {
          found.put(path, text);
        }
      }
    } catch (IOException | RuntimeException brokenFromHereOn) {
      // what was read whole before the break stays
    }
    found.values().removeIf(java.util.Objects::isNull);
    return found;
  }
}
