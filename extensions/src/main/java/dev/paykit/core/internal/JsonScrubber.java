package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.paykit.core.internal.Redactor;
import java.util.Iterator;
import java.util.Map;

/**
 * Removes the client's secrets from every text of a decoded answer, before it is bound to a model: a
 * provider that echoes the caller's credential in a message, an error or a status description cannot
 * leak it through any result, exception or {@code toString()} built from the answer, whatever path the
 * answer takes afterwards. Stateless.
 */
public final class JsonScrubber {

  private JsonScrubber() {}

  /** Scrubs the tree in place; returns it. */
  public static JsonNode scrub(JsonNode node, Redactor redactor) {
    scrub(node, redactor, 0);
    return node;
  }

  private static void scrub(JsonNode node, Redactor redactor, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          String text = e.getValue().textValue();
          String clean = redactor.redact(text);
          if (!clean.equals(text)) {
            e.setValue(TextNode.valueOf(clean));
          }
        } else {
          scrub(e.getValue(), redactor, depth + 1);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        if (v.isTextual()) {
          String clean = redactor.redact(v.textValue());
          if (!clean.equals(v.textValue())) {
            array.set(i, TextNode.valueOf(clean));
          }
        } else {
          scrub(v, redactor, depth + 1);
        }
      }
    }
  }
}
