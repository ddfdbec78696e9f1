package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import static dev.paykit.core.internal.spec.JsonValues.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One {@link SchemaValidator#validate} call: applies a schema node to a value, recursing into
 * {@code $ref}, composition keywords and (through {@link ContainerChecks}) properties and items.
 * Not thread-safe; one instance per call. Keeps the {@code $ref} targets being applied to each value so
 * that a reference cycle that does not descend into the value ends instead of looping forever.
 */
final class Evaluation {

  private static final int MAX_LISTED_ENUM_VALUES = 10;

  final RefResolver refs;
  final StringChecks strings;
  private final boolean nullableKeyword;
  private final ContainerChecks containers = new ContainerChecks(this);
  /** The ({@code $ref} target, value) pairs being applied, innermost last: as deep as the nesting, no deeper. */
  private final List<JsonNode> refTargetsInProgress = new ArrayList<>();
  private final List<JsonNode> refValuesInProgress = new ArrayList<>();

  /** @param nullableKeyword whether OAS 3.0's {@code nullable: true} admits null (it means nothing in 3.1) */
  Evaluation(RefResolver refs, StringChecks strings, boolean nullableKeyword) {
    this.refs = refs;
    this.strings = strings;
    this.nullableKeyword = nullableKeyword;
  }

  /** Appends the violations of a present {@code value}; an absent/null value is not checked. */
  void check(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    if (isAbsent(value) || schema == null || schema.isMissingNode() || schema.isNull()) {
      return;
    }
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        out.add(new Violation(field, "false", "is not allowed"));
      }
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual()) {
      checkRef(field, value, refs.resolve(ref.textValue()), out);
    }
    if (!checkType(field, value, schema, out)) {
      return; // the remaining keywords of this schema would only repeat the type mismatch
    }
    checkEnumAndConst(field, value, schema, out);
    if (value.isTextual()) {
      strings.check(field, value.textValue(), schema, out);
    } else if (value.isNumber()) {
      NumberChecks.check(field, JsonValues.decimal(value), schema, out);
    } else if (value.isObject()) {
      containers.checkObject(field, value, schema, out);
    } else if (value.isArray()) {
      containers.checkArray(field, value, schema, out);
    }
    checkComposition(field, value, schema, out);
  }

  /** Whether {@code value} satisfies {@code schema} (a present value; violations are discarded). */
  boolean isValid(String field, JsonNode value, JsonNode schema) {
    List<Violation> scratch = new ArrayList<>();
    check(field, value, schema, scratch);
    return scratch.isEmpty();
  }

  private void checkRef(String field, JsonNode value, JsonNode target, List<Violation> out) {
    for (int i = 0; i < refTargetsInProgress.size(); i++) {
      if (refTargetsInProgress.get(i) == target && refValuesInProgress.get(i) == value) {
        return; // cycle without descending into the value: already being checked further up
      }
    }
    refTargetsInProgress.add(target);
    refValuesInProgress.add(value);
    try {
      check(field, value, target, out);
    } finally {
      refTargetsInProgress.remove(refTargetsInProgress.size() - 1);
      refValuesInProgress.remove(refValuesInProgress.size() - 1);
    }
  }


  /** Checks {@code type} (a string or an array of names); false when the value has none of the types. */
  private static boolean checkType(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    if (value.isNumber() && JsonValues.decimal(value) == null) {
      out.add(new Violation(field, "type", "must be a finite number"));
      return false;
    }
    JsonNode type = schema.get("type");
    if (type == null || (type.isTextual() && JsonValues.hasType(value, type.textValue()))) {
      return true; // the common case, decided without allocating
    }
    StringJoiner expected = new StringJoiner(" or ");
    for (JsonNode name : type.isArray() ? type : List.of(type)) {
      if (!name.isTextual() || JsonValues.hasType(value, name.textValue())) {
        return true;
      }
      expected.add(name.textValue());
    }
    if (expected.length() == 0) {
      return true; // an empty type array constrains nothing
    }
    out.add(new Violation(field, "type",
        "must be of type " + expected + " (was " + JsonValues.typeName(value) + ")"));
    return false;
  }

  private static void checkEnumAndConst(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray()) {
      boolean found = false;
      for (JsonNode candidate : allowed) {
        found |= JsonValues.equal(candidate, value);
      }
      if (!found) {
        out.add(new Violation(field, "enum", describeEnum(allowed)));
      }
    }
    JsonNode constant = schema.get("const");
    if (constant != null && !JsonValues.equal(constant, value)) {
      out.add(new Violation(field, "const", "must be " + JsonValues.format(constant)));
    }
  }

  /**
   * {@code must be one of [PENDING, PAID]}; when the members are not all strings, strings are quoted so
   * that {@code true} and {@code "true"} read differently: {@code must be one of [true, false, "one_off"]}.
   */
  private static String describeEnum(JsonNode allowed) {
    if (allowed.size() > MAX_LISTED_ENUM_VALUES) {
      return "must be one of the " + allowed.size() + " allowed values";
    }
    boolean mixed = false;
    for (JsonNode candidate : allowed) {
      mixed |= !candidate.isTextual();
    }
    StringJoiner names = new StringJoiner(", ", "must be one of [", "]");
    for (JsonNode candidate : allowed) {
      names.add(mixed && candidate.isTextual() ? candidate.toString() : JsonValues.format(candidate));
    }
    return names.toString();
  }

  private void checkComposition(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode branch : allOf) {
        check(field, value, branch, out);
      }
    }
    checkAnyOf(field, value, schema.get("anyOf"), out);
    checkOneOf(field, value, schema.get("oneOf"), out);
    JsonNode not = schema.get("not");
    if (not != null && isValid(field, value, not)) {
      out.add(new Violation(field, "not", "must not match the excluded schema"));
    }
  }

  /** {@code anyOf}: satisfied by the first valid branch; otherwise one violation saying why each failed. */
  private void checkAnyOf(String field, JsonNode value, JsonNode branches, List<Violation> out) {
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return;
    }
    List<List<Violation>> failures = new ArrayList<>(branches.size());
    for (JsonNode branch : branches) {
      List<Violation> scratch = new ArrayList<>();
      check(field, value, branch, scratch);
      if (scratch.isEmpty()) {
        return;
      }
      failures.add(scratch);
    }
    out.add(new Violation(field, "anyOf", Alternatives.noneMatches("anyOf", field, branches, failures)));
  }

  /** {@code oneOf}: exactly one branch valid; none and more than one are each one violation. */
  private void checkOneOf(String field, JsonNode value, JsonNode branches, List<Violation> out) {
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return;
    }
    List<List<Violation>> failures = new ArrayList<>(branches.size());
    List<Integer> matching = new ArrayList<>(2);
    for (int i = 0; i < branches.size(); i++) {
      List<Violation> scratch = new ArrayList<>();
      check(field, value, branches.get(i), scratch);
      if (scratch.isEmpty()) {
        matching.add(i);
      }
      failures.add(scratch);
    }
    if (matching.isEmpty()) {
      out.add(new Violation(field, "oneOf", Alternatives.noneMatches("oneOf", field, branches, failures)));
    } else if (matching.size() > 1) {
      out.add(new Violation(field, "oneOf", Alternatives.severalMatch(branches, matching)));
    }
  }

  /**
   * Whether {@code schema} admits null: a {@code type} naming "null", an {@code enum} or {@code const}
   * holding null, {@code nullable: true} in an OAS 3.0 document, or no {@code type}/{@code enum}/{@code
   * const} restriction at all (following {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}). A
   * missing schema ({@code null}) does not admit null.
   */
  boolean allowsNull(JsonNode schema) {
    return allowsNull(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private boolean allowsNull(JsonNode schema, Set<JsonNode> inProgress) {
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return false;
    }
    if (schema.isBoolean()) {
      return schema.booleanValue();
    }
    if (!schema.isObject() || !inProgress.add(schema)) {
      return true; // not a schema, or a reference cycle: adds no restriction
    }
    try {
      JsonNode nullable = nullableKeyword ? schema.get("nullable") : null;
      if (nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
        return true;
      }
      JsonNode ref = schema.get("$ref");
      if (ref != null && ref.isTextual() && !allowsNull(refs.resolve(ref.textValue()), inProgress)) {
        return false;
      }
      if (!typeAndEnumAllowNull(schema)) {
        return false;
      }
      for (JsonNode branch : schema.path("allOf")) {
        if (!allowsNull(branch, inProgress)) {
          return false;
        }
      }
      return anyBranchAllowsNull(schema.get("anyOf"), inProgress)
          && anyBranchAllowsNull(schema.get("oneOf"), inProgress);
    } finally {
      inProgress.remove(schema);
    }
  }

  private static boolean typeAndEnumAllowNull(JsonNode schema) {
    JsonNode constant = schema.get("const");
    if (constant != null && !constant.isNull()) {
      return false;
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      for (JsonNode name : type.isArray() ? type : List.of(type)) {
        if ("null".equals(name.textValue())) {
          return true;
        }
      }
      return type.isArray() && type.isEmpty();
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray()) {
      for (JsonNode candidate : allowed) {
        if (candidate.isNull()) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private boolean anyBranchAllowsNull(JsonNode branches, Set<JsonNode> inProgress) {
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return true;
    }
    for (JsonNode branch : branches) {
      if (allowsNull(branch, inProgress)) {
        return true;
      }
    }
    return false;
  }
}
