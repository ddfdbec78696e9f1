package dev.paykit.core.internal.spec;

import static dev.paykit.core.internal.spec.JsonValues.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A schema compiled once into the checks it makes (issue 11, "compiled validators"): the keywords are
 * read from the schema when the plan is built, {@code $ref}s resolved, patterns compiled, and a value is
 * then only tested against them, without walking the schema, building field paths or messages.
 *
 * <p>A plan only <em>accepts</em>: {@link #accepts} answers true only when {@link Evaluation} would find
 * no violation in the value and {@link TextChecks} no unpaired surrogate; then nothing else is done. When it
 * answers false, the caller runs the full evaluation, which names every violated field with its message,
 * exactly as before. Keywords a plan does not compile ({@code anyOf}, {@code oneOf}, {@code not},
 * {@code patternProperties}, {@code minProperties}, {@code maxProperties}, {@code uniqueItems}) and
 * reference cycles that do not descend into the value are tested by a full evaluation of that part.
 * Immutable and thread-safe once built.
 */
final class ValidationPlan {

  /** Keywords the full evaluation applies that a plan leaves to it. */
  private static final Set<String> NOT_COMPILED = Set.of("anyOf", "oneOf", "not", "patternProperties",
      "minProperties", "maxProperties", "uniqueItems");

  private final Node root;

  private ValidationPlan(Node root) {
    this.root = root;
  }

  /** Compiles {@code schema} (may be null, missing, a boolean schema or a {@code $ref}). */
  static ValidationPlan compile(JsonNode schema, RefResolver refs, StringChecks strings, boolean nullableKeyword) {
    Compiler compiler = new Compiler(refs, strings, new Evaluation(refs, strings, nullableKeyword), nullableKeyword);
    return new ValidationPlan(compiler.compile(schema, newIdentitySet()));
  }

  /** True only when the full validation of this value would report nothing (absent values: true). */
  boolean accepts(JsonNode value) {
    return isAbsent(value) || root.accepts(value);
  }

  private static Set<JsonNode> newIdentitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /** One compiled schema node; {@code value} is present (not null, not missing). */
  private abstract static class Node {
    abstract boolean accepts(JsonNode value);
  }

  /** No constraint: only the text check every string gets. */
  private static final Node ANY = new Node() {
    @Override
    boolean accepts(JsonNode value) {
      return TextChecks.isText(value);
    }
  };

  /** {@code false}: nothing is allowed. */
  private static final Node NOTHING = new Node() {
    @Override
    boolean accepts(JsonNode value) {
      return false;
    }
  };

  /** A part left to the full evaluation (with the text check of its whole value). */
  private static final class Evaluated extends Node {
    private final JsonNode schema;
    private final RefResolver refs;
    private final StringChecks strings;
    private final boolean nullableKeyword;

    Evaluated(JsonNode schema, RefResolver refs, StringChecks strings, boolean nullableKeyword) {
      this.schema = schema;
      this.refs = refs;
      this.strings = strings;
      this.nullableKeyword = nullableKeyword;
    }

    @Override
    boolean accepts(JsonNode value) {
      return new Evaluation(refs, strings, nullableKeyword).isValid("", value, schema) && TextChecks.isText(value);
    }
  }

  /** A {@code $ref} target still being compiled where it is reached again below a property or item. */
  private static final class Later extends Node {
    Node target;

    @Override
    boolean accepts(JsonNode value) {
      return target.accepts(value);
    }
  }

  private static final int T_OTHER = 0;
  private static final int T_NULL = 1;
  private static final int T_BOOLEAN = 2;
  private static final int T_STRING = 3;
  private static final int T_ARRAY = 4;
  private static final int T_OBJECT = 5;
  private static final int T_NUMBER = 6;
  private static final int T_INTEGER = 7;

  /** The code of a type name, for the names {@link JsonValues#hasType} knows; {@code T_OTHER} matches anything. */
  private static int typeCode(String type) {
    return switch (type) {
      case "null" -> T_NULL;
      case "boolean" -> T_BOOLEAN;
      case "string" -> T_STRING;
      case "array" -> T_ARRAY;
      case "object" -> T_OBJECT;
      case "number" -> T_NUMBER;
      case "integer" -> T_INTEGER;
      default -> T_OTHER;
    };
  }

  /** The keywords of one schema object. */
  private static final class Checks extends Node {
    Node ref;
    // type: null = no constraint
    String[] types;
    /** {@link #types} as {@link JsonValues#hasType} tests them, one code each ({@link #typeCode}). */
    int[] typeCodes;
    JsonNode enumValues;
    JsonNode constant;
    // strings
    long minLength = -1;
    long maxLength = -1;
    Pattern pattern;
    String format = "";
    // numbers
    BigDecimal minimum;
    boolean minimumExclusive;
    BigDecimal exclusiveMinimum;
    BigDecimal maximum;
    boolean maximumExclusive;
    BigDecimal exclusiveMaximum;
    BigDecimal multipleOf;
    /**
     * Whether {@link #multipleOf} is a power of ten ({@code 0.01}, {@code 1}, {@code 100}), and the scale of
     * that power ({@code 2}, {@code 0}, {@code -2}): a value of at most that scale is a multiple of it (its
     * unscaled value times a whole power of ten), with no arithmetic.
     */
    boolean multipleOfIsPowerOfTen;
    int multipleOfScale;
    // objects
    String[] required;
    boolean[] requiredAllowsNull;
    Map<String, Node> properties;
    boolean noAdditional;
    Node additional;
    // arrays
    long minItems = -1;
    long maxItems = -1;
    Node items;
    Node[] tupleItems;
    boolean itemsAllowNull;
    boolean[] tupleItemsAllowNull;
    Node[] allOf;

    /** True when no keyword but {@code $ref} constrains: every other field is as a new Checks has it. */
    boolean onlyRef() {
      return types == null && enumValues == null && constant == null && minLength < 0 && maxLength < 0
          && pattern == null && format.isEmpty() && minimum == null && !minimumExclusive && exclusiveMinimum == null
          && maximum == null && !maximumExclusive && exclusiveMaximum == null && multipleOf == null
          && required == null && properties == null && !noAdditional && additional == null && minItems < 0
          && maxItems < 0 && items == null && tupleItems == null && allOf == null;
    }

    @Override
    boolean accepts(JsonNode value) {
      if (ref != null && !ref.accepts(value)) {
        return false;
      }
      if (value.isNumber() && JsonValues.decimal(value) == null) {
        return false;
      }
      if (types != null && !hasOneOfTheTypes(value)) {
        return false;
      }
      if (enumValues != null) {
        boolean found = false;
        for (JsonNode candidate : enumValues) {
          found |= JsonValues.equal(candidate, value);
        }
        if (!found) {
          return false;
        }
      }
      if (constant != null && !JsonValues.equal(constant, value)) {
        return false;
      }
      boolean ok;
      if (value.isTextual()) {
        ok = acceptsText(value.textValue());
      } else if (value.isNumber()) {
        ok = acceptsNumber(JsonValues.decimal(value));
      } else if (value.isObject()) {
        ok = acceptsObject(value);
      } else if (value.isArray()) {
        ok = acceptsArray(value);
      } else {
        ok = true;
      }
      if (!ok) {
        return false;
      }
      if (allOf != null) {
        for (Node branch : allOf) {
          if (!branch.accepts(value)) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean hasOneOfTheTypes(JsonNode value) {
      for (int type : typeCodes) {
        if (hasType(value, type)) {
          return true;
        }
      }
      return false;
    }

    /** {@link JsonValues#hasType} of the name {@code type} was coded from ({@link #typeCode}). */
    private static boolean hasType(JsonNode value, int type) {
      return switch (type) {
        case T_NULL -> isAbsent(value);
        case T_BOOLEAN -> value.isBoolean();
        case T_STRING -> value.isTextual();
        case T_ARRAY -> value.isArray();
        case T_OBJECT -> value.isObject();
        case T_NUMBER -> value.isNumber();
        case T_INTEGER -> {
          BigDecimal d = JsonValues.decimal(value);
          yield d != null && JsonValues.isIntegral(d);
        }
        default -> true;
      };
    }

    private boolean acceptsText(String text) {
      if (TextChecks.hasUnpairedSurrogate(text)) {
        return false;
      }
      if (minLength >= 0 || maxLength >= 0) {
        long length = text.codePointCount(0, text.length());
        if ((minLength >= 0 && length < minLength) || (maxLength >= 0 && length > maxLength)) {
          return false;
        }
      }
      if (pattern != null && !pattern.matcher(text).find()) {
        return false;
      }
      return format.isEmpty() || StringChecks.formatProblem(format, text) == null;
    }

    private boolean acceptsNumber(BigDecimal v) {
      if (minimum != null && (minimumExclusive ? v.compareTo(minimum) <= 0 : v.compareTo(minimum) < 0)) {
        return false;
      }
      if (exclusiveMinimum != null && v.compareTo(exclusiveMinimum) <= 0) {
        return false;
      }
      if (maximum != null && (maximumExclusive ? v.compareTo(maximum) >= 0 : v.compareTo(maximum) > 0)) {
        return false;
      }
      if (exclusiveMaximum != null && v.compareTo(exclusiveMaximum) >= 0) {
        return false;
      }
      if (multipleOf != null && !(multipleOfIsPowerOfTen && v.scale() <= multipleOfScale)
          && !NumberChecks.isMultiple(v, multipleOf)) {
        return false;
      }
      return format.isEmpty() || NumberChecks.fitsIntegerFormat(v, format);
    }

    private boolean acceptsObject(JsonNode object) {
      if (required != null) {
        for (int i = 0; i < required.length; i++) {
          JsonNode member = object.get(required[i]);
          if (member == null || member.isMissingNode() || (member.isNull() && !requiredAllowsNull[i])) {
            return false;
          }
        }
      }
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (TextChecks.hasUnpairedSurrogate(member.getKey())) {
          return false;
        }
        JsonNode v = member.getValue();
        if (isAbsent(v)) {
          continue; // a null member counts as absent
        }
        Node declared = properties == null ? null : properties.get(member.getKey());
        Node applied = declared != null ? declared : noAdditional ? NOTHING : additional != null ? additional : ANY;
        if (!applied.accepts(v)) {
          return false;
        }
      }
      return true;
    }

    private boolean acceptsArray(JsonNode array) {
      int size = array.size();
      if ((minItems >= 0 && size < minItems) || (maxItems >= 0 && size > maxItems)) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        JsonNode item = array.get(i);
        Node schema;
        boolean allowsNull;
        if (tupleItems != null) {
          schema = i < tupleItems.length ? tupleItems[i] : null;
          allowsNull = i < tupleItems.length && tupleItemsAllowNull[i];
        } else {
          schema = items;
          allowsNull = itemsAllowNull;
        }
        if (schema == null) {
          if (!TextChecks.isText(item)) {
            return false;
          }
        } else if (isAbsent(item)) {
          if (!allowsNull) {
            return false;
          }
        } else if (!schema.accepts(item)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Builds the nodes of one plan; a {@code $ref} target is compiled once per plan, unless its node leads
   * back to a target still being compiled further up ({@link #lowestOpenUsed}).
   */
  private static final class Compiler {
    private final RefResolver refs;
    private final StringChecks strings;
    private final Evaluation nulls;
    private final boolean nullableKeyword;
    private final Map<JsonNode, Node> targets = new IdentityHashMap<>();
    /** The {@code $ref} targets being compiled, outermost first. */
    private final List<JsonNode> open = new ArrayList<>();
    /**
     * The outermost position in {@link #open} of a target still being compiled that the target now being
     * compiled reached ({@link Integer#MAX_VALUE}: none). A target whose node reaches one further up than
     * itself is right only in the place it was compiled for, so it is not reused elsewhere: reused on the
     * same value as that outer target, it would call the outer target's node, which calls it, without end.
     */
    private int lowestOpenUsed = Integer.MAX_VALUE;

    Compiler(RefResolver refs, StringChecks strings, Evaluation nulls, boolean nullableKeyword) {
      this.refs = refs;
      this.strings = strings;
      this.nulls = nulls;
      this.nullableKeyword = nullableKeyword;
    }

    /**
     * @param sameValue the {@code $ref} targets being compiled for the same value (since the last
     *     property or item): reaching one again is a cycle that does not descend, left to the evaluation
     */
    Node compile(JsonNode schema, Set<JsonNode> sameValue) {
      if (schema == null || schema.isMissingNode() || schema.isNull()) {
        return ANY;
      }
      if (schema.isBoolean()) {
        return schema.booleanValue() ? ANY : NOTHING;
      }
      if (!schema.isObject()) {
        return ANY;
      }
      for (String keyword : NOT_COMPILED) {
        if (schema.has(keyword)) {
          return new Evaluated(schema, refs, strings, nullableKeyword);
        }
      }
      Checks c = new Checks();
      JsonNode ref = schema.get("$ref");
      if (ref != null && ref.isTextual()) {
        JsonNode target = refs.resolve(ref.textValue());
        if (sameValue.contains(target)) {
          return new Evaluated(schema, refs, strings, nullableKeyword);
        }
        Node known = targets.get(target);
        if (known instanceof Later open && open.target == null) {
          lowestOpenUsed = Math.min(lowestOpenUsed, indexOfOpen(target)); // still being compiled further up
        }
        if (known == null) {
          Later later = new Later();
          targets.put(target, later);
          sameValue.add(target);
          int depth = open.size();
          open.add(target);
          int outerLowest = lowestOpenUsed;
          lowestOpenUsed = Integer.MAX_VALUE;
          try {
            known = compile(target, sameValue);
          } finally {
            sameValue.remove(target);
            open.remove(depth);
          }
          later.target = known;
          if (lowestOpenUsed < depth) {
            // it leads back to a target still being compiled further up, through a property or an item
            // of this place: elsewhere (e.g. on the same value as that target) it must be compiled anew
            targets.remove(target);
          } else {
            targets.put(target, known);
          }
          lowestOpenUsed = Math.min(outerLowest, lowestOpenUsed < depth ? lowestOpenUsed : Integer.MAX_VALUE);
        }
        c.ref = known;
      }
      JsonNode type = schema.get("type");
      if (type != null) {
        c.types = typeNames(type);
        if (c.types != null) {
          c.typeCodes = new int[c.types.length];
          for (int i = 0; i < c.types.length; i++) {
            c.typeCodes[i] = typeCode(c.types[i]);
          }
        }
      }
      JsonNode allowed = schema.get("enum");
      if (allowed != null && allowed.isArray()) {
        c.enumValues = allowed;
      }
      c.constant = schema.get("const");
      c.minLength = count(schema.get("minLength"));
      c.maxLength = count(schema.get("maxLength"));
      JsonNode regex = schema.get("pattern");
      if (regex != null && regex.isTextual()) {
        c.pattern = strings.pattern(regex.textValue());
      }
      JsonNode format = schema.get("format");
      c.format = format != null && format.isTextual() ? format.textValue() : "";
      c.minimum = JsonValues.decimal(schema.get("minimum"));
      c.minimumExclusive = isTrue(schema.get("exclusiveMinimum"));
      c.exclusiveMinimum = JsonValues.decimal(schema.get("exclusiveMinimum"));
      c.maximum = JsonValues.decimal(schema.get("maximum"));
      c.maximumExclusive = isTrue(schema.get("exclusiveMaximum"));
      c.exclusiveMaximum = JsonValues.decimal(schema.get("exclusiveMaximum"));
      BigDecimal divisor = JsonValues.decimal(schema.get("multipleOf"));
      c.multipleOf = divisor != null && divisor.signum() > 0 ? divisor : null;
      if (c.multipleOf != null) {
        BigDecimal power = c.multipleOf.stripTrailingZeros();
        if (power.unscaledValue().equals(java.math.BigInteger.ONE)) {
          c.multipleOfIsPowerOfTen = true;
          c.multipleOfScale = power.scale();
        }
      }
      compileObject(c, schema);
      compileArray(c, schema);
      JsonNode allOf = schema.get("allOf");
      if (allOf != null && allOf.isArray()) {
        List<Node> branches = new ArrayList<>();
        for (JsonNode branch : allOf) {
          branches.add(compile(branch, sameValue));
        }
        c.allOf = branches.toArray(new Node[0]);
      }
      // a $ref and nothing else: its target's checks are all there is (a target that is itself a Checks
      // makes every check the bare Checks would add: the number's decimal, and the text of every string)
      return c.ref instanceof Checks target && c.onlyRef() ? target : c;
    }

    private int indexOfOpen(JsonNode target) {
      for (int i = 0; i < open.size(); i++) {
        if (open.get(i) == target) {
          return i;
        }
      }
      return Integer.MAX_VALUE;
    }

    private void compileObject(Checks c, JsonNode schema) {
      JsonNode required = schema.get("required");
      if (required != null && required.isArray()) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : required) {
          if (name.isTextual()) {
            names.add(name.textValue());
          }
        }
        c.required = names.toArray(new String[0]);
        c.requiredAllowsNull = new boolean[c.required.length];
        for (int i = 0; i < c.required.length; i++) {
          c.requiredAllowsNull[i] = nulls.allowsNull(memberSchema(schema, c.required[i]));
        }
      }
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        c.properties = new HashMap<>();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
          c.properties.put(p.getKey(), compile(p.getValue(), newIdentitySet()));
        }
      }
      JsonNode additional = schema.get("additionalProperties");
      if (additional != null) {
        if (additional.isBoolean()) {
          c.noAdditional = !additional.booleanValue();
        } else if (additional.isObject()) {
          c.additional = compile(additional, newIdentitySet());
        }
      }
    }

    private void compileArray(Checks c, JsonNode schema) {
      c.minItems = count(schema.get("minItems"));
      c.maxItems = count(schema.get("maxItems"));
      JsonNode items = schema.get("items");
      if (items == null) {
        return;
      }
      if (items.isArray()) {
        c.tupleItems = new Node[items.size()];
        c.tupleItemsAllowNull = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
          c.tupleItems[i] = compile(items.get(i), newIdentitySet());
          c.tupleItemsAllowNull[i] = nulls.allowsNull(items.get(i));
        }
      } else {
        c.items = compile(items, newIdentitySet());
        c.itemsAllowNull = nulls.allowsNull(items);
      }
    }

    /** As {@link ContainerChecks}: a named member's {@code properties} entry, else {@code additionalProperties}. */
    private static JsonNode memberSchema(JsonNode schema, String name) {
      JsonNode declared = schema.path("properties").get(name);
      if (declared != null) {
        return declared;
      }
      JsonNode additional = schema.get("additionalProperties");
      return additional != null && additional.isObject() ? additional : null;
    }

    /** The names a value may have as its type; null when {@code type} constrains nothing. */
    private static String[] typeNames(JsonNode type) {
      List<JsonNode> names = new ArrayList<>();
      if (type.isArray()) {
        type.forEach(names::add);
      } else {
        names.add(type);
      }
      if (names.isEmpty()) {
        return null; // an empty type array constrains nothing
      }
      List<String> out = new ArrayList<>();
      for (JsonNode name : names) {
        if (!name.isTextual()) {
          return null; // a name that is not text: Evaluation counts the type as satisfied
        }
        out.add(name.textValue());
      }
      return out.toArray(new String[0]);
    }

    private static long count(JsonNode node) {
      return StringChecks.isCount(node) ? node.asLong() : -1;
    }

    private static boolean isTrue(JsonNode flag) {
      return flag != null && flag.isBoolean() && flag.booleanValue();
    }
  }
}
