package dev.paykit.core.internal.spec;

import dev.paykit.core.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Validates JSON values against OpenAPI 3.1 (and 3.0) schema nodes of one spec document.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #validate} appends <em>every</em> violation it finds (not just the first) and never
 *       throws because of the value; it throws {@link IllegalArgumentException} only for a broken spec
 *       (an unresolvable or non-local {@code $ref}) and {@link java.util.regex.PatternSyntaxException}
 *       for an invalid {@code pattern} in the spec. Neither messages nor exceptions ever contain the
 *       value being validated.</li>
 *   <li>{@code null}, {@link com.fasterxml.jackson.databind.node.NullNode} and a missing property all
 *       mean "absent": no value checks are applied to them. A property listed in {@code required} that
 *       is absent, or {@code null} while its schema does not allow null, is reported as
 *       {@code "required"}. A schema allows null through {@code type: [x, "null"]}, an {@code enum} or
 *       {@code const} holding null, or no type constraint; OAS 3.0's {@code nullable: true} counts only in
 *       a document whose {@code openapi} is not 3.1 or later (in 3.1 it is not a keyword, so the
 *       provider's validator ignores it too). An array element that is {@code null} while the item schema
 *       does not allow null is a {@code "type"} violation. (A null member counts as absent, not as a
 *       value of type null, because paykit's mapper leaves null members out of the request unless the
 *       schema admits null.)</li>
 *   <li>Every string in the value, at any depth and member names included, must be text UTF-8 can
 *       carry: an unpaired UTF-16 surrogate is an {@code "encoding"} violation whatever the schema says
 *       (encoders would send it as {@code ?}, so different values would reach the provider as one).</li>
 *   <li>Thread-safe; build one instance per spec document and reuse it. Resolved {@code $ref}s and
 *       compiled {@code pattern}s are cached. The document must not be mutated afterwards.</li>
 * </ul>
 *
 * <p>Supported keywords: {@code $ref} (local JSON pointers, cycle-safe; sibling keywords apply too),
 * {@code allOf}, {@code anyOf} (at least one branch valid), {@code oneOf} (exactly one; a failed
 * {@code anyOf}/{@code oneOf} is one violation at the value's path that says why each branch failed,
 * or which branches matched too), {@code not}, {@code type} (string or array, {@code integer} = a number
 * without fractional part), {@code nullable} (OAS 3.0 documents only), {@code enum} (members of any
 * type), {@code const}, {@code minLength}/{@code maxLength} (Unicode code points), {@code pattern}
 * (unanchored search with ECMA-262's {@code $}: end of input only), {@code format} ({@code date-time},
 * {@code date}, {@code time} per RFC 3339, {@code uri} (absolute, ASCII), {@code email}, {@code uuid},
 * {@code int32}, {@code int64}; others ignored), {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}/{@code exclusiveMaximum} (3.1 numeric and 3.0 boolean forms),
 * {@code multipleOf} (exact {@link java.math.BigDecimal} arithmetic), {@code required},
 * {@code properties}, {@code patternProperties}, {@code additionalProperties},
 * {@code minProperties}/{@code maxProperties}, {@code items}, {@code minItems}/{@code maxItems},
 * {@code uniqueItems}, and boolean schemas ({@code true}/{@code false}). Other keywords are ignored.
 *
 * <p>Why hand-written rather than {@code com.networknt:json-schema-validator} 3.0.x: on the shared case
 * set ({@code schema-cases.json}; the benchmarks module's {@code NetworkntOracleTest} runs both) the two
 * agree except where paykit decides otherwise on purpose (each difference is recorded there with why);
 * per call they cost about the same on a ready tree, but networknt works on Jackson 3 trees, so the
 * pipeline's Jackson 2 tree would have to be handed over on every call (about twice the cost), it
 * allocates three times as much, its first call in a JVM takes about half a second of CPU against tens
 * of milliseconds here ({@code ValidatorBenchmark}, {@code ValidatorCpuTime}), it would bring about
 * 3.6 MB and a second Jackson major onto users' class path, and it cannot share one with MockServer
 * 6.1.0 (which needs its 1.0.x API). Its messages are its own and its errors carry the value, so every
 * keyword's message would have to be rewritten anyway.
 */
public final class SchemaValidator {

  private final RefResolver refs;
  private final StringChecks strings = new StringChecks();
  private final boolean nullableKeyword;

  /**
   * @param documentRoot the whole spec document; local {@code $ref}s such as
   *     {@code "#/components/schemas/Payment"} (any JSON pointer starting with {@code #}) resolve against it
   */
  public SchemaValidator(JsonNode documentRoot) {
    this.refs = new RefResolver(Objects.requireNonNull(documentRoot, "documentRoot"));
    this.nullableKeyword = !isOpenApi31OrLater(documentRoot.path("openapi").asText(""));
  }

  /** {@code 3.1.0}, {@code 3.2.0}, {@code 4...}: the versions whose schemas are JSON Schema 2020-12. */
  static boolean isOpenApi31OrLater(String version) {
    String[] parts = version.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      return major > 3 || (major == 3 && parts.length > 1 && Integer.parseInt(parts[1]) >= 1);
    } catch (NumberFormatException e) {
      return false; // no or no numeric version: a bare schema document, read as before
    }
  }

  /**
   * Validates {@code value} against {@code schema} and appends every violation found to {@code out}.
   *
   * @param field  path of the value used in violations, e.g. {@code "amount"} or {@code "body"};
   *               children get {@code field.child} and {@code field[i]}; {@code null} means the root ({@code ""})
   * @param value  the value; {@code null} or {@code NullNode} means absent/null and is not checked
   *               (whether it is required is decided by the caller, or by the parent object's {@code required})
   * @param schema the schema node (may itself be a {@code $ref}); {@code null} or missing means no constraints
   * @param out    receives the violations, in a deterministic order
   */
  public void validate(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    evaluate(field, value, schema, out);
  }

  private void evaluate(String field, JsonNode value, JsonNode schema, List<Violation> out) {
    Objects.requireNonNull(out, "out");
    String path = field == null ? "" : field;
    new Evaluation(refs, strings, nullableKeyword).check(path, value, schema, out);
    TextChecks.check(path, value, out);
  }

  /**
   * This schema compiled for repeated use ({@link ValidationPlan}): build it once (per operation and
   * parameter, when a method is bound) and validate each call's value with it. A valid value is only
   * tested against the plan's checks, without walking the schema or building paths and messages; any
   * other value is validated as {@link #validate} does, so the violations and their messages are the
   * same. A schema the plan cannot be built from (a broken {@code $ref} or {@code pattern}) is validated
   * fully on every call, so it fails as {@link #validate} fails, when used.
   */
  public Compiled compile(JsonNode schema) {
    ValidationPlan plan;
    try {
      plan = ValidationPlan.compile(schema, refs, strings, nullableKeyword);
    } catch (RuntimeException brokenSpec) {
      plan = null;
    }
    return new Compiled(schema, plan);
  }

  /** A schema compiled by {@link #compile}. Immutable and thread-safe. */
  public final class Compiled {
    private final JsonNode schema;
    private final ValidationPlan plan;

    private Compiled(JsonNode schema, ValidationPlan plan) {
      this.schema = schema;
      this.plan = plan;
    }

    /**
     * The plan's own answer ({@link ValidationPlan#accepts}): true only for a value the full validation
     * finds nothing wrong with; false also when no plan could be built.
     */
    boolean planAccepts(JsonNode value) {
      return plan != null && plan.accepts(value);
    }

    /** As {@link SchemaValidator#validate}, against the compiled schema. */
    public void validate(String field, JsonNode value, List<Violation> out) {
      Objects.requireNonNull(out, "out");
      if (plan != null && plan.accepts(value)) {
        return; // valid: nothing to report, nothing built
      }
      evaluate(field, value, schema, out);
    }
  }
}
