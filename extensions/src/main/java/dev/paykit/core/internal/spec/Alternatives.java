package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.JsonValues.plural;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.StringJoiner;

/**
 * The messages of a failed {@code anyOf} or {@code oneOf}: which of the allowed shapes the value misses
 * and why, e.g. {@code matches none of the 2 allowed shapes (oneOf): [0] must be of type boolean (was
 * string); [1] must be one of [one_off, recurring]}. Built only from the branches' own violations
 * (paths relative to the alternative's field, and messages, which never contain the value) and from
 * spec data (a branch's {@code $ref} name or {@code title}), so the message never contains the value
 * either.
 */
final class Alternatives {

  /** Reasons listed per branch; the rest are counted, so nested alternatives cannot grow without bound. */
  private static final int MAX_REASONS_PER_BRANCH = 3;

  private Alternatives() {}

  /** No branch is valid; {@code failures.get(i)} holds branch i's violations (each non-empty). */
  static String noneMatches(String keyword, String field, JsonNode branches, List<List<Violation>> failures) {
    StringJoiner why = new StringJoiner("; ",
        "matches none of the " + plural(branches.size(), "allowed shape") + " (" + keyword + "): ", "");
    for (int i = 0; i < branches.size(); i++) {
      why.add(label(i, branches.get(i)) + " " + reasons(field, failures.get(i)));
    }
    return why.toString();
  }

  /** {@code oneOf} with more than one valid branch, listed by index (and name). */
  static String severalMatch(JsonNode branches, List<Integer> matching) {
    StringJoiner which = new StringJoiner(", ");
    for (int i = 0; i < matching.size() - 1; i++) {
      which.add(label(matching.get(i), branches.get(matching.get(i))));
    }
    int last = matching.get(matching.size() - 1);
    return "matches more than one of the " + plural(branches.size(), "allowed shape") + " (oneOf): "
        + which + " and " + label(last, branches.get(last)) + (matching.size() == 2 ? " both" : " all")
        + " match; exactly one must";
  }

  /** {@code [1]}, or {@code [1] CardPayment} for a branch that is a {@code $ref} or has a {@code title}. */
  private static String label(int index, JsonNode branch) {
    String name = null;
    JsonNode title = branch.get("title");
    JsonNode ref = branch.get("$ref");
    if (title != null && title.isTextual()) {
      name = title.textValue();
    } else if (ref != null && ref.isTextual()) {
      name = ref.textValue().substring(ref.textValue().lastIndexOf('/') + 1);
    }
    return name == null || name.isEmpty() ? "[" + index + "]" : "[" + index + "] " + name;
  }

  private static String reasons(String field, List<Violation> violations) {
    StringJoiner reasons = new StringJoiner(", ");
    int listed = Math.min(violations.size(), MAX_REASONS_PER_BRANCH);
    for (int i = 0; i < listed; i++) {
      Violation v = violations.get(i);
      String at = relative(field, v.field());
      reasons.add(at.isEmpty() ? v.message() : at + " " + v.message());
    }
    if (violations.size() > listed) {
      reasons.add("and " + (violations.size() - listed) + " more");
    }
    return reasons.toString();
  }

  /** {@code card.number} for {@code body.card.number} under {@code body}; {@code [2]} under {@code list}. */
  static String relative(String parent, String field) {
    if (parent.isEmpty() || !field.startsWith(parent)) {
      return field;
    }
    String rest = field.substring(parent.length());
    if (rest.startsWith(".")) {
      return rest.substring(1);
    }
    return rest.isEmpty() || rest.startsWith("[") ? rest : field;
  }
}
