package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a provider's JSON answer to the shape its spec describes, in the tree, before it is bound to the
 * generated model. Driven by two spec extensions, never by a list of paths:
 *
 * <ul>
 *   <li>{@code x-paykit-numeric-code: {minDigits: n}} on a string schema (e.g. Prunny's
 *       {@code ResponseCode}): a value sent as a non-negative JSON integer is read as its decimal digits,
 *       left-padded with zeros to {@code n} ({@code 0} is {@code "00"}, {@code 9} is {@code "09"},
 *       {@code 100} is {@code "100"}), in every property, array item or {@code allOf} part whose schema
 *       is that schema. Any other value is left as sent (and reads as the enum's unknown value if it is
 *       not one of its codes);
 *   <li>{@code x-paykit-read-aliases: {wireName: [otherSpelling, ...]}} on an object schema: when the
 *       answer lacks {@code wireName} but carries one of the other spellings (the provider's own variants,
 *       or what an earlier version of the spec called the field), that value is read as {@code wireName}.
 *       The wire name always wins when both are present; requests are never affected.
 * </ul>
 *
 * <p>Follows local {@code $ref}s, {@code allOf}/{@code anyOf}/{@code oneOf} (their properties are
 * merged), {@code properties} and {@code items}; recursive schemas are safe. Objects and arrays are
 * changed in place. Thread-safe; one instance per spec.
 */
public final class WireNormalizer {

  private static final String JSON = "application/json";
  private static final int MAX_DEPTH = 32;

  private final ApiSpec spec;
  /** The filled plans, read without a lock on every answer ({@link #refPlan}). */
  private final Map<String, Plan> plans = new java.util.concurrent.ConcurrentHashMap<>();
  /** The plans being filled, under this normaliser's lock. */
  private final Map<String, Plan> building = new HashMap<>();

  /** The spec's normaliser, built once per spec and shared (it is thread-safe). */
  public static WireNormalizer of(ApiSpec spec) {
    return spec.derived(WireNormalizer.class, WireNormalizer::new);
  }

  public WireNormalizer(ApiSpec spec) {
    this.spec = spec;
    for (Iterator<String> it = spec.root().path("components").path("schemas").fieldNames(); it.hasNext(); ) {
      refPlan("#/components/schemas/" + it.next());
    }
  }

  /**
   * The JSON schema of this operation's answer with this HTTP status: the status's own response, else
   * {@code 2XX} (for a 2xx status), else {@code default}.
   */
  public Optional<JsonNode> responseSchema(OperationSpec operation, int status) {
    return responseSchemas.computeIfAbsent(new Answer(operation, status), a -> findResponseSchema(operation, status));
  }

  /** An operation's answer with one status: the key of {@link #responseSchemas}. */
  private record Answer(OperationSpec operation, int status) {}

  /** {@link #responseSchema}, found once per operation and status (a spec has a bounded number of both). */
  private final Map<Answer, Optional<JsonNode>> responseSchemas = new java.util.concurrent.ConcurrentHashMap<>();

  private Optional<JsonNode> findResponseSchema(OperationSpec operation, int status) {
    JsonNode responses = spec.root().path("paths").path(operation.path())
        .path(operation.method().toLowerCase(Locale.ROOT)).path("responses");
    JsonNode response = responses.get(Integer.toString(status));
    if (response == null && status / 100 == 2) {
      response = responses.get("2XX");
    }
    if (response == null) {
      response = responses.get("default");
    }
    if (response == null) {
      return Optional.empty();
    }
    JsonNode schema = spec.resolve(response).path("content").path(JSON).get("schema");
    return Optional.ofNullable(schema);
  }

  /** The schema {@code components.schemas.<name>} (e.g. the generated model's simple class name). */
  public Optional<JsonNode> componentSchema(String name) {
    JsonNode schema = spec.root().path("components").path("schemas").get(name);
    return schema == null ? Optional.empty() : Optional.of(schema);
  }

  /**
   * Normalises {@code value} as an answer of {@code schema}.
   *
   * @return the normalised value: {@code value} itself (changed in place) unless {@code value} is itself
   *     a numeric code, which is replaced by its text
   */
  public JsonNode normalize(JsonNode value, JsonNode schema) {
    if (value == null || schema == null) {
      return value;
    }
    return apply(planFor(schema), value);
  }

  private static JsonNode apply(Plan plan, JsonNode value) {
    if (plan.minDigits > 0 && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
      return TextNode.valueOf(pad(value.longValue(), plan.minDigits));
    }
    if (value instanceof ObjectNode object) {
      plan.aliases.forEach((wire, others) -> {
        if (!object.has(wire)) {
          for (String other : others) {
            JsonNode v = object.get(other);
            if (v != null) {
              object.set(wire, v);
              break;
            }
          }
        }
      });
      plan.properties.forEach((name, child) -> {
        JsonNode v = object.get(name);
        if (v != null) {
          JsonNode normalised = apply(child, v);
          if (normalised != v) {
            object.set(name, normalised);
          }
        }
      });
    } else if (value instanceof ArrayNode array && plan.items != null) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        JsonNode normalised = apply(plan.items, v);
        if (normalised != v) {
          array.set(i, normalised);
        }
      }
    }
    return value;
  }

  private static String pad(long code, int digits) {
    String text = Long.toString(code);
    return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
  }

  private Plan planFor(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref != null && schema.size() == 1) {
      return refPlan(ref.asText());
    }
    Plan plan = new Plan();
    fill(plan, schema, 0);
    return plan;
  }

  /**
   * One plan per referenced schema, shared, so that recursive schemas end. Read without a lock (every
   * answer asks for one): only filled plans are in {@link #plans}. A plan is made and filled under the
   * lock, its recursive references finding it among those being built, and published with them once the
   * outermost reference is filled.
   */
  private Plan refPlan(String ref) {
    Plan existing = plans.get(ref);
    return existing != null ? existing : makeRefPlan(ref);
  }

  private synchronized Plan makeRefPlan(String ref) {
    Plan plan = plans.get(ref);
    if (plan == null) {
      plan = building.get(ref); // a reference back to a schema being filled
    }
    if (plan != null) {
      return plan;
    }
    boolean outermost = building.isEmpty();
    plan = new Plan();
    building.put(ref, plan);
    try {
      fill(plan, spec.resolve(JsonNodeFactory.instance.objectNode().put("$ref", ref)), 0);
      if (outermost) {
        plans.putAll(building);
      }
    } finally {
      if (outermost) {
        building.clear();
      }
    }
    return plan;
  }

  private void fill(Plan plan, JsonNode schema, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
      return;
    }
    if (schema.has("$ref")) {
      fill(plan, spec.resolve(schema), depth + 1);
    }
    JsonNode code = schema.get("x-paykit-numeric-code");
    if (code != null) {
      plan.minDigits = Math.max(1, code.path("minDigits").asInt(1));
    }
    schema.path("x-paykit-read-aliases").fields().forEachRemaining(e -> {
      List<String> others = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(o -> others.add(o.asText()));
      } else {
        others.add(e.getValue().asText());
      }
      plan.aliases.put(e.getKey(), List.copyOf(others));
    });
    schema.path("properties").fields().forEachRemaining(p -> plan.properties.put(p.getKey(), planFor(p.getValue())));
    if (schema.has("items")) {
      plan.items = planFor(schema.get("items"));
    }
    for (String combiner : new String[] {"allOf", "anyOf", "oneOf"}) {
      for (JsonNode part : schema.path(combiner)) {
        fill(plan, part, depth + 1);
      }
    }
  }

  /**
   * What in an answer of {@code schema} could make {@link #normalize} change it, as names, for a pass over
   * the answer's tokens that does not track the schema ({@code AnswerScan}): a superset of the positions the
   * plan changes. Kept per schema node (identity; a spec has a bounded number of answer schemas).
   */
  public Triggers triggers(JsonNode schema) {
    Triggers known = triggers.get(schema);
    if (known == null) {
      known = findTriggers(planFor(schema));
      if (triggers.size() < 4096) {
        triggers.put(schema, known);
      }
    }
    return known;
  }

  private final Map<JsonNode, Triggers> triggers = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /**
   * Names that can make {@link #normalize} change an answer: an integer whose nearest enclosing member name
   * is one of {@code codeNames} (or that has no enclosing member, when {@code rootCode}) may be a numeric code
   * to read as text; a member of {@code aliasOwners}' keys, in an object whose nearest enclosing member name
   * is one of that key's owners ({@link #ROOT} for an object with none), may be read as another. An answer
   * with neither is left as it is.
   */
  public record Triggers(java.util.Set<String> codeNames, Map<String, java.util.Set<String>> aliasOwners,
      boolean rootCode) {
    /** Whether an integer under {@code nearestName} (null: none) may be changed. */
    public boolean code(String nearestName) {
      return nearestName == null ? rootCode : codeNames.contains(nearestName);
    }

    /** Whether a member {@code name} of an object under {@code nearestName} (null: none) may be read as another. */
    public boolean alias(String name, String nearestName) {
      java.util.Set<String> owners = aliasOwners.get(name);
      return owners != null && owners.contains(nearestName == null ? ROOT : nearestName);
    }
  }

  /** The owner of an alias read in an object with no enclosing member (the answer itself, or its items). */
  public static final String ROOT = "\u0000root";

  private static Triggers findTriggers(Plan root) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    Map<String, java.util.Set<String>> aliases = new HashMap<>();
    java.util.Set<Plan> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Plan> todo = new java.util.ArrayDeque<>(List.of(root));
    owned(root, ROOT, aliases);
    while (!todo.isEmpty()) {
      Plan plan = todo.pop();
      if (!seen.add(plan)) {
        continue;
      }
      plan.properties.forEach((name, child) -> {
        if (codeInItems(child)) {
          codes.add(name);
        }
        owned(child, name, aliases);
        todo.push(child);
      });
      if (plan.items != null) {
        todo.push(plan.items);
      }
    }
    Map<String, java.util.Set<String>> frozen = new HashMap<>();
    aliases.forEach((name, owners) -> frozen.put(name, java.util.Set.copyOf(owners)));
    return new Triggers(java.util.Set.copyOf(codes), Map.copyOf(frozen), codeInItems(root));
  }

  /** Records {@code owner} for the aliases of the plan and of the items of its items (any depth). */
  private static void owned(Plan plan, String owner, Map<String, java.util.Set<String>> into) {
    for (Plan p : itemsChain(plan)) {
      p.aliases.values().forEach(others -> others.forEach(
          other -> into.computeIfAbsent(other, o -> new java.util.HashSet<>()).add(owner)));
    }
  }

  /** Whether the plan, or the items of its items (any depth), reads a numeric code. */
  private static boolean codeInItems(Plan plan) {
    return itemsChain(plan).stream().anyMatch(p -> p.minDigits > 0);
  }

  /** The plan, its items' plan, theirs, and so on (each once: an array of itself ends it). */
  private static List<Plan> itemsChain(Plan plan) {
    java.util.Set<Plan> chain = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Plan> ordered = new ArrayList<>();
    for (Plan p = plan; p != null && chain.add(p); p = p.items) {
      ordered.add(p);
    }
    return ordered;
  }

  /** What to do with a value of one schema. Built once; read-only afterwards. */
  private static final class Plan {
    int minDigits;
    final Map<String, List<String>> aliases = new LinkedHashMap<>();
    final Map<String, Plan> properties = new LinkedHashMap<>();
    Plan items;
  }
}
