package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The check every string gets, whatever its schema says: it must be text that UTF-8 can carry, i.e.
 * without an unpaired UTF-16 surrogate. Java's encoders (form, path, query) replace one with {@code ?}
 * and JSON writers escape or reject it, so {@code pay-U+D800} and {@code pay-U+DBFF} would reach the
 * provider as the same value. Walks the whole value, member names included. Messages never contain the
 * text checked.
 */
public final class TextChecks {

  static final String RULE = "encoding";

  private TextChecks() {}

  static void check(String field, JsonNode value, List<Violation> out) {
    if (value != null && !isText(value)) {
      report(field, value, out); // rare: only now are the members' paths worth building
    }
  }

  /** Whether every string in the value, member names included, is text UTF-8 can carry. */
  static boolean isText(JsonNode value) {
    if (value.isTextual()) {
      return !hasUnpairedSurrogate(value.textValue());
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        if (hasUnpairedSurrogate(member.getKey()) || !isText(member.getValue())) {
          return false;
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (!isText(item)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void report(String field, JsonNode value, List<Violation> out) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      if (hasUnpairedSurrogate(value.textValue())) {
        out.add(new Violation(field, RULE,
            "must be valid Unicode text: it contains an unpaired UTF-16 surrogate, which cannot be sent losslessly"));
      }
    } else if (value.isObject()) {
      boolean badName = false;
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        if (hasUnpairedSurrogate(member.getKey())) {
          badName = true; // the name itself must not end up in the field path
        } else {
          report(ContainerChecks.child(field, member.getKey()), member.getValue(), out);
        }
      }
      if (badName) {
        out.add(new Violation(field, RULE,
            "has a property name that contains an unpaired UTF-16 surrogate, which cannot be sent losslessly"));
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        report(ContainerChecks.index(field, i), value.get(i), out);
      }
    }
  }

  /** Whether the text holds a UTF-16 surrogate without its pair (which UTF-8 cannot carry). */
  public static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
