package dev.paykit.tests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.EnvelopeSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules of every spec under {@code specs/}: each operation says where it comes from, money is
 * never a binary float and always bounded above, and the spec stays inside the subset of OAS 3.1 the
 * generator handles.
 */
class SpecConformanceTest {

  static Stream<Path> specs() throws IOException {
    return Files.list(Path.of("..", "specs")).map(d -> d.resolve("openapi.yaml")).filter(Files::exists);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationCarriesItsEvidence(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    assertThat(spec.operations()).isNotEmpty();
    for (OperationSpec op : spec.operations()) {
      JsonNode evidence = op.evidence().orElse(null);
      assertThat(evidence).as(op + " has x-paykit-evidence").isNotNull();
      String kind = evidence.path("kind").asText();
      assertThat(kind).as(op + " evidence kind").isIn("documented", "inferred");
      if (kind.equals("documented")) {
        assertThat(evidence.path("source").asText()).as(op + " documented: names its page").isNotBlank();
      } else {
        assertThat(evidence.path("note").asText()).as(op + " inferred: says why").isNotBlank();
      }
      assertThat(op.operationId()).as(op + " has an operationId").doesNotContain(" ");
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void staysInsideTheGeneratorFriendlySubsetAndNeverFloatsMoney(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    assertThat(root.path("openapi").asText()).startsWith("3.1");
    List<String> problems = new ArrayList<>();
    walk(root, "", problems);
    assertThat(problems).isEmpty();
  }

  /** The {@code x-paykit-*} extensions the runtime reads; a spec that uses another one is a typo. */
  static final java.util.Set<String> KNOWN_EXTENSIONS = java.util.Set.of("x-paykit-evidence", "x-paykit-retry",
      "x-paykit-pagination", "x-paykit-derived", "x-paykit-idempotency-key", "x-paykit-effect",
      "x-paykit-outcome", "x-paykit-envelope", "x-paykit-numeric-code", "x-paykit-read-aliases",
      "x-paykit-path-segment", "x-paykit-reserved-headers", dev.paykit.core.internal.spec.MultipartSpec.MAX_BYTES,
      dev.paykit.core.internal.spec.MultipartSpec.CONTENT_TYPES);

  @ParameterizedTest
  @MethodSource("specs")
  void usesOnlyExtensionsTheRuntimeKnows(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    List<String> unknown = new ArrayList<>();
    extensions(root, "", unknown);
    assertThat(unknown).as("x-paykit-* keys the runtime does not read").isEmpty();
  }

  /**
   * Every {@code x-paykit-pagination} is one the runtime pages: a known style, only that style's keys,
   * and parameter keys naming query parameters of the operation ({@code PaginationSpec.problems}).
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyPaginationIsOneTheRuntimeReads(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    List<String> problems = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      op.pagination().ifPresent(p -> p.problems(op).forEach(problem -> problems.add(op + ": " + problem)));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Every {@code multipart/form-data} body is one the runtime checks as written ({@code MultipartSpec.problems}):
   * file parts are {@code format: binary} (else the generator makes them strings), sizes and content types
   * readable, required parts described.
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyMultipartBodyIsOneTheRuntimeChecks(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    List<String> problems = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      dev.paykit.core.internal.spec.MultipartSpec.of(spec, op)
          .ifPresent(body -> body.problems().forEach(problem -> problems.add(op + ": " + problem)));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Every {@code x-paykit-*} key the runtime does not read, and every problem of an {@code x-paykit-envelope}
   * value (an unknown key inside it included: {@link EnvelopeSpec#problems}).
   */
  static void extensions(JsonNode node, String path, List<String> unknown) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("x-paykit-") && !KNOWN_EXTENSIONS.contains(e.getKey())) {
          unknown.add(path + "/" + e.getKey());
        }
        if (e.getKey().equals("x-paykit-envelope")) {
          EnvelopeSpec.problems(e.getValue()).forEach(p -> unknown.add(path + "/x-paykit-envelope: " + p));
        }
        extensions(e.getValue(), path + "/" + e.getKey(), unknown);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        extensions(node.get(i), path + "[" + i + "]", unknown);
      }
    }
  }

  @Test
  void theExtensionRuleRejectsUnknownKeysInsideAnEnvelope() {
    JsonNode root = yaml("""
        openapi: 3.1.0
        components:
          schemas:
            Good: {type: object, x-paykit-envelope: {data: [data, responseData], code: status, message: message}}
            Bad:
              type: object
              x-paykit-envelope:
                data: [data]
                status: code
                success: {field: status, value: true}
        """);
    List<String> unknown = new ArrayList<>();

    extensions(root, "", unknown);

    assertThat(unknown).containsExactly(
        "/components/schemas/Bad/x-paykit-envelope: unknown key status (known: data, code, message, success)",
        "/components/schemas/Bad/x-paykit-envelope: success: unknown key value (known: field, values)",
        "/components/schemas/Bad/x-paykit-envelope: success.values must list the values that mean success");
  }

  /**
   * Every answer in an envelope declares its payload under the envelope's canonical key and never under
   * an alternative one: the decoder moves an alternative's payload to the canonical key, so a property
   * named like an alternative would never be filled.
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyEnvelopedAnswerDeclaresItsPayloadUnderTheCanonicalKeyOnly(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    List<String> problems = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      JsonNode responses = spec.root().path("paths").path(op.path()).path(op.method().toLowerCase(java.util.Locale.ROOT))
          .path("responses");
      responses.fields().forEachRemaining(r -> {
        JsonNode schema = spec.resolve(r.getValue()).path("content").path("application/json").get("schema");
        EnvelopeSpec envelope = schema == null ? null : spec.envelope(schema).orElse(null);
        if (envelope == null || envelope.canonical() == null || !r.getKey().startsWith("2")) {
          return;
        }
        java.util.Set<String> declared = properties(spec, schema);
        if (!declared.contains(envelope.canonical())) {
          problems.add(op + " " + r.getKey() + ": no property " + envelope.canonical());
        }
        envelope.alternatives().stream().filter(declared::contains)
            .forEach(a -> problems.add(op + " " + r.getKey() + ": declares the alternative key " + a));
      });
    }
    assertThat(problems).isEmpty();
  }

  /**
   * An operation that can have an effect says how to find out what happened when its answer is lost
   * ({@code x-paykit-outcome: {query}}, naming an operation of the same spec), and its reference names a
   * field of its request; a read that is a POST says so ({@code x-paykit-effect: none}).
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyEffectfulOperationNamesHowToResolveAnUnknownOutcome(Path file) throws IOException {
    ApiSpec spec = ApiSpec.parse(file.getParent().getFileName().toString(), Files.newInputStream(file));
    java.util.Set<String> ids = new java.util.HashSet<>();
    spec.operations().forEach(op -> ids.add(op.operationId()));
    for (OperationSpec op : spec.operations()) {
      if (!op.effectful()) {
        continue;
      }
      assertThat(op.outcomeQuery()).as(op + " names its x-paykit-outcome query").isPresent();
      assertThat(ids).as(op + " outcome query is an operation").contains(op.outcomeQuery().get());
      op.referenceField().ifPresent(field -> {
        boolean inForm = op.formField(field).isPresent();
        boolean inParams = op.parameter(field).isPresent();
        boolean inJson = op.jsonBodySchema().map(s -> properties(spec, s).contains(field)).orElse(false);
        assertThat(inForm || inParams || inJson).as(op + " reference " + field + " is a request field").isTrue();
      });
      op.createdIdPath().ifPresent(path -> assertThat(successAnswersHave(spec, op, path))
          .as(op + " x-paykit-outcome id " + path + " is a property of every success answer").isTrue());
    }
  }

  /** Whether every 2xx answer's JSON schema has this dotted path of properties (through $ref and allOf). */
  private static boolean successAnswersHave(ApiSpec spec, OperationSpec op, String path) {
    JsonNode responses = spec.root().path("paths").path(op.path()).path(op.method().toLowerCase(java.util.Locale.ROOT))
        .path("responses");
    boolean any = false;
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> r = it.next();
      if (!r.getKey().startsWith("2")) {
        continue;
      }
      JsonNode schema = spec.resolve(r.getValue()).path("content").path("application/json").get("schema");
      if (schema == null || !hasPath(spec, schema, List.of(path.split("\\.")))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean hasPath(ApiSpec spec, JsonNode schemaRef, List<String> path) {
    if (path.isEmpty()) {
      return true;
    }
    JsonNode schema = spec.resolve(schemaRef);
    JsonNode property = schema.path("properties").get(path.get(0));
    if (property != null && hasPath(spec, property, path.subList(1, path.size()))) {
      return true;
    }
    for (JsonNode part : schema.path("allOf")) {
      if (hasPath(spec, part, path)) {
        return true;
      }
    }
    return false;
  }

  private static java.util.Set<String> properties(ApiSpec spec, JsonNode schemaRef) {
    java.util.Set<String> out = new java.util.HashSet<>();
    JsonNode schema = spec.resolve(schemaRef);
    schema.path("properties").fieldNames().forEachRemaining(out::add);
    for (JsonNode part : schema.path("allOf")) {
      out.addAll(properties(spec, part));
    }
    return out;
  }

  private static void walk(JsonNode node, String path, List<String> problems) {
    if (node.isObject()) {
      String format = node.path("format").asText("");
      if (node.path("type").asText("").equals("number") && (format.equals("float") || format.equals("double"))) {
        problems.add(path + ": number with format " + format + " (money must be a decimal)");
      }
      if (node.has("const")) {
        problems.add(path + ": const (use a one-value enum)");
      }
      if (node.has("$ref") && node.size() > 1) {
        problems.add(path + ": $ref with siblings (wrap it in allOf)");
      }
      if (node.has("examples") && node.get("examples").isArray()) {
        problems.add(path + ": examples array (use a single example)");
      }
      node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, problems);
      }
    }
  }

  /**
   * Money is bounded: every money property or parameter (a {@code number} other than a latitude or
   * longitude, or an {@code integer} whose name says it is an amount, balance, price or fee: minor
   * units) has a {@code maximum} (or
   * {@code exclusiveMaximum}), on its own schema or one it refers to, and the schema carrying the bound
   * says where the bound comes from in {@code x-paykit-evidence}. Without one, the client would send an
   * amount like {@code 1E+1000} that the provider books and whose answer the client cannot read back.
   */
  @ParameterizedTest
  @MethodSource("specs")
  void everyMoneyFieldHasAnUpperBoundWithItsEvidence(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    assertThat(unboundedMoney(root)).isEmpty();
  }

  @Test
  void theMoneyRuleCatchesEveryUnboundedAmount() {
    JsonNode root = yaml("""
        openapi: 3.1.0
        paths:
          /pay:
            post:
              parameters:
                - {name: amount, in: query, schema: {type: number}}
                - {name: limit, in: query, schema: {type: integer}}
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        total: {$ref: "#/components/schemas/Loose"}
                        fee_amount: {type: integer, format: int64}
                        items: {type: array, items: {type: [number, "null"]}}
                        wrapped: {allOf: [{$ref: "#/components/schemas/Loose"}], description: d}
                        bounded: {$ref: "#/components/schemas/Bounded"}
                        count: {type: integer}
                        latitude: {type: number, minimum: -90, maximum: 90}
                        unsourced: {type: number, maximum: 5}
        components:
          schemas:
            Loose: {type: number, minimum: 0}
            Bounded:
              type: number
              maximum: 100
              x-paykit-evidence: {kind: inferred, note: test}
            Response:
              type: object
              properties:
                balance: {type: number, exclusiveMinimum: 0}
        """);

    assertThat(unboundedMoney(root)).containsExactlyInAnyOrder(
        "/paths/~1pay/post/parameters/0 amount: no maximum",
        "/paths/~1pay/post/requestBody/content/application~1json/schema/properties/total total: no maximum",
        "/paths/~1pay/post/requestBody/content/application~1json/schema/properties/fee_amount fee_amount: no maximum",
        "/paths/~1pay/post/requestBody/content/application~1json/schema/properties/items items: no maximum",
        "/paths/~1pay/post/requestBody/content/application~1json/schema/properties/wrapped wrapped: no maximum",
        "/paths/~1pay/post/requestBody/content/application~1json/schema/properties/unsourced unsourced: "
            + "the maximum says nowhere where it comes from (x-paykit-evidence)",
        "/components/schemas/Response/properties/balance balance: no maximum");
  }

  private static final java.util.regex.Pattern MONEY_NAME =
      java.util.regex.Pattern.compile("(?i).*(amount|balance|price|fee).*");
  /** The only numbers in the specs that are not money. */
  private static final java.util.regex.Pattern COORDINATE =
      java.util.regex.Pattern.compile("(?i)latitude|longitude|longitue");  // longitue: OBN's own spelling (AgencyDetails)

  private static JsonNode yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Every money property or parameter of the document without an upper bound, or without its evidence. */
  static List<String> unboundedMoney(JsonNode root) {
    List<String> problems = new ArrayList<>();
    collectMoney(root, root, "", problems);
    return problems;
  }

  private static void collectMoney(JsonNode root, JsonNode node, String pointer, List<String> problems) {
    if (node.isObject()) {
      if (node.has("in") && node.has("name") && node.has("schema")) {
        checkMoney(root, node.get("name").asText(), node.get("schema"), pointer, problems);
      }
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject() && !pointer.endsWith("/properties")) {
        properties.fields().forEachRemaining(p -> checkMoney(root, p.getKey(), p.getValue(),
            pointer + "/properties/" + escape(p.getKey()), problems));
      }
      node.fields().forEachRemaining(e -> collectMoney(root, e.getValue(), pointer + "/" + escape(e.getKey()), problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectMoney(root, node.get(i), pointer + "/" + i, problems);
      }
    }
  }

  private static void checkMoney(JsonNode root, String name, JsonNode schema, String pointer, List<String> problems) {
    List<JsonNode> chain = new ArrayList<>();
    flatten(root, schema, chain, 0);
    JsonNode items = null;
    for (JsonNode s : chain) {
      if (s.has("items") && s.get("items").isObject()) {
        items = s.get("items");
      }
    }
    if (items != null) {
      checkMoney(root, name, items, pointer, problems);
      return;
    }
    boolean number = chain.stream().anyMatch(s -> hasType(s, "number")) && !COORDINATE.matcher(name).matches();
    boolean minorUnits = chain.stream().anyMatch(s -> hasType(s, "integer")) && MONEY_NAME.matcher(name).matches();
    if (!number && !minorUnits) {
      return;
    }
    JsonNode bound = chain.stream().filter(s -> s.has("maximum") || s.has("exclusiveMaximum")).findFirst().orElse(null);
    if (bound == null) {
      problems.add(pointer + " " + name + ": no maximum");
      return;
    }
    JsonNode evidence = bound.path("x-paykit-evidence");
    String kind = evidence.path("kind").asText("");
    boolean sourced = (kind.equals("documented") && !evidence.path("source").asText("").isBlank())
        || (kind.equals("inferred") && !evidence.path("note").asText("").isBlank());
    if (!sourced) {
      problems.add(pointer + " " + name + ": the maximum says nowhere where it comes from (x-paykit-evidence)");
    }
  }

  /** The schema and every schema it stands for through {@code $ref} and {@code allOf}. */
  private static void flatten(JsonNode root, JsonNode schema, List<JsonNode> out, int depth) {
    if (schema == null || !schema.isObject() || depth > 32) {
      return;
    }
    out.add(schema);
    if (schema.has("$ref")) {
      flatten(root, root.at(schema.get("$ref").asText().substring(1)), out, depth + 1);
    }
    for (JsonNode branch : schema.path("allOf")) {
      flatten(root, branch, out, depth + 1);
    }
  }

  private static boolean hasType(JsonNode schema, String type) {
    JsonNode t = schema.get("type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode n : t) {
        if (type.equals(n.asText())) {
          return true;
        }
      }
      return false;
    }
    return type.equals(t.asText());
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
