package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.JsonValues.isAbsent;
import static dev.paykit.core.internal.spec.JsonValues.plural;
import static dev.paykit.core.internal.spec.StringChecks.isCount;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Object and array keywords of one {@link Evaluation}: {@code required}, {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code minProperties}/{@code maxProperties},
 * {@code items}, {@code minItems}/{@code maxItems} and {@code uniqueItems}. Child paths are
 * {@code parent.name} and {@code parent[index]}.
 */
final class ContainerChecks {

  private final Evaluation evaluation;

  ContainerChecks(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  void checkObject(String field, JsonNode object, JsonNode schema, List<Violation> out) {
    checkRequired(field, object, schema, out);
    int present = 0;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (!isAbsent(member.getValue())) { // a null member counts as absent
        present++;
        checkMember(field, member.getKey(), member.getValue(), schema, out);
      }
    }
    JsonNode min = schema.get("minProperties");
    if (isCount(min) && present < min.asLong()) {
      out.add(new Violation(field, "minProperties",
          "must have at least " + plural(min.asLong(), "property") + " (was " + present + ")"));
    }
    JsonNode max = schema.get("maxProperties");
    if (isCount(max) && present > max.asLong()) {
      out.add(new Violation(field, "maxProperties",
          "must have at most " + plural(max.asLong(), "property") + " (was " + present + ")"));
    }
  }

  /** Absent, or null while the property's schema at this level does not admit null. */
  private void checkRequired(String field, JsonNode object, JsonNode schema, List<Violation> out) {
    JsonNode required = schema.get("required");
    if (required == null || !required.isArray()) {
      return;
    }
    for (JsonNode name : required) {
      if (!name.isTextual()) {
        continue;
      }
      JsonNode member = object.get(name.textValue());
      boolean missing = member == null || member.isMissingNode()
          || (member.isNull() && !evaluation.allowsNull(memberSchema(schema, name.textValue())));
      if (missing) {
        out.add(new Violation(child(field, name.textValue()), "required", "is required"));
      }
    }
  }

  /** The schema of a named member at this level: its {@code properties} entry, else {@code additionalProperties}. */
  private static JsonNode memberSchema(JsonNode schema, String name) {
    JsonNode declared = schema.path("properties").get(name);
    if (declared != null) {
      return declared;
    }
    JsonNode additional = schema.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }

  private void checkMember(String field, String name, JsonNode value, JsonNode schema, List<Violation> out) {
    String path = child(field, name);
    JsonNode declared = schema.path("properties").get(name);
    boolean known = declared != null;
    if (known) {
      evaluation.check(path, value, declared, out);
    }
    JsonNode patterns = schema.get("patternProperties");
    if (patterns != null && patterns.isObject()) {
      for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
        if (evaluation.strings.pattern(entry.getKey()).matcher(name).find()) {
          known = true;
          evaluation.check(path, value, entry.getValue(), out);
        }
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (known || additional == null) {
      return;
    }
    if (additional.isBoolean() && !additional.booleanValue()) {
      out.add(new Violation(path, "additionalProperties", "is not an allowed property"));
    } else if (additional.isObject()) {
      evaluation.check(path, value, additional, out);
    }
  }

  void checkArray(String field, JsonNode array, JsonNode schema, List<Violation> out) {
    int size = array.size();
    JsonNode min = schema.get("minItems");
    if (isCount(min) && size < min.asLong()) {
      out.add(new Violation(field, "minItems",
          "must have at least " + plural(min.asLong(), "item") + " (was " + size + ")"));
    }
    JsonNode max = schema.get("maxItems");
    if (isCount(max) && size > max.asLong()) {
      out.add(new Violation(field, "maxItems",
          "must have at most " + plural(max.asLong(), "item") + " (was " + size + ")"));
    }
    JsonNode unique = schema.get("uniqueItems");
    if (unique != null && unique.isBoolean() && unique.booleanValue()) {
      checkUnique(field, array, out);
    }
    JsonNode items = schema.get("items");
    if (items == null) {
      return;
    }
    for (int i = 0; i < size; i++) {
      // OAS 3.1 / 2020-12: one schema for all items; draft-4 tuple form: one schema per position
      JsonNode itemSchema = items.isArray() ? items.get(i) : items;
      if (itemSchema != null) {
        checkItem(index(field, i), array.get(i), itemSchema, out);
      }
    }
  }

  /** An array element is always present: null is a type violation unless the item schema admits it. */
  private void checkItem(String path, JsonNode item, JsonNode itemSchema, List<Violation> out) {
    if (isAbsent(item)) {
      if (!evaluation.allowsNull(itemSchema)) {
        out.add(new Violation(path, "type", "must not be null"));
      }
    } else {
      evaluation.check(path, item, itemSchema, out);
    }
  }

  private static void checkUnique(String field, JsonNode array, List<Violation> out) {
    for (int i = 0; i < array.size(); i++) {
      for (int j = i + 1; j < array.size(); j++) {
        if (JsonValues.equal(array.get(i), array.get(j))) {
          out.add(new Violation(field, "uniqueItems", "must not contain duplicate items (items ["
              + i + "] and [" + j + "] are equal)"));
          return;
        }
      }
    }
  }
}
