package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer bound straight from its bytes while {@link AnswerScan} checks it ({@link ResponseGuard#prebind})
 * gives exactly what the tree's way gives: the same result (every field, {@code equals} and text), or the
 * same failure (type and message), and the same salvaged id, for every generated method of every provider,
 * through the provider's own decoder, for answers made at random from the method's response schema and
 * then made to lack, null, mistype, repeat, alias, nest, echo another reference or carry a secret anywhere.
 * A good share of them must take the bytes' way, or the comparison proves nothing.
 */
class PreboundAnswerTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final String SECRET = "sk_test_prebound_4242";
  /** Every provider's generated API interfaces, as the request-side equivalence test has them. */
  private static final Map<String, List<String>> APIS = DirectCallEquivalenceTest.APIS;

  @ParameterizedTest
  @ValueSource(strings = {"promptcash", "prunny", "prune", "paypercut", "ptapi"})
  void theBytesGiveWhatTheTreeGives(String provider) throws Exception {
    ApiSpec spec = ApiSpec.load(provider);
    ObjectMapper mapper = PaykitJson.newMapper();
    Redactor redactor = Redactor.of(List.of(SECRET), List.of("Authorization", "api_key"));
    Decoder decoder = decoder(provider, mapper, redactor, spec);
    ResponseGuard guard = new ResponseGuard(spec, mapper, redactor, decoder);
    ResponseGuard treeOnly = new ResponseGuard(spec, mapper, redactor, decoder);
    treeOnly.prebinding = false;
    SlashEncodingContract contract = new SlashEncodingContract();
    Random random = new Random(20261204L + provider.hashCode());
    int compared = 0;
    int prebound = 0;
    int results = 0;
    for (String simpleName : APIS.get(provider)) {
      Class<?> api = Class.forName("dev.paykit." + provider + ".api." + simpleName);
      for (MethodMetadata md : contract.parseAndValidateMetadata(api)) {
        OperationSpec op = OperationBinding.bind(spec, md).orElseThrow().operation();
        Type type = md.returnType();
        for (int status = 200; status < 300; status++) {
          OperationSpec.Response promised = op.response(status).orElse(null);
          if (promised == null || promised.jsonSchema() == null) {
            continue;
          }
          for (int round = 0; round < 120; round++) {
            String reference = random.nextInt(3) == 0 ? null : random.nextBoolean() ? "ref-1" : "ref-2";
            byte[] body = answer(spec, promised.jsonSchema(), random, mapper, reference);
            String viaTree = outcome(treeOnly, op, reference, status, body, type);
            String viaBytes = outcome(guard, op, reference, status, body, type);
            assertThat(viaBytes).as("%s %d: %s", md.configKey(), status, new String(body, StandardCharsets.UTF_8))
                .isEqualTo(viaTree);
            compared++;
            results += viaTree.startsWith("result ") ? 1 : 0;
            CallContext.set(context(op, reference));
            try {
              prebound += guard.prebind(body, type, CallContext.current(), op, promised) != null ? 1 : 0;
            } finally {
              CallContext.set(null);
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(3000);
    // the bytes' way must be taken often (of the answers that are results), and refused often: both sides of
    // every check are compared (the ...WithHttpInfo methods, half of them, always go the tree's way)
    assertThat(prebound).as("answers bound from the bytes, of %d (%d results)", compared, results)
        .isGreaterThan(Math.max(400, results / 3)).isLessThan(compared / 2);
  }

  @Test
  void aRepeatedMemberASecretAnAliasAndANumericCodeGoTheTreesWay() throws Exception {
    ApiSpec spec = ApiSpec.load("prunny");
    ObjectMapper mapper = PaykitJson.newMapper();
    Redactor redactor = Redactor.of(List.of(SECRET), List.of("Authorization"));
    ResponseGuard guard = new ResponseGuard(spec, mapper, redactor, decoder("prunny", mapper, redactor, spec));
    OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals("getAccount")).findFirst()
        .orElseThrow();
    OperationSpec.Response promised = op.response(200).orElseThrow();
    Type type = Class.forName("dev.paykit.prunny.model.AccountResponse");
    String account = "{\"accountNumber\":\"1010119934\",\"accountName\":\"Ado Bello\",\"currency\":\"NGN\"}";
    String clean = "{\"status\":\"00\",\"message\":\"ok\",\"data\":[" + account + "]}";
    CallContext.set(context(op, null));
    try {
      assertThat(guard.prebind(bytes(clean), type, CallContext.current(), op, promised)).isNotNull();
      for (String doubtful : List.of(
          "{\"status\":\"00\",\"status\":\"00\",\"message\":\"ok\",\"data\":[" + account + "]}",
          "{\"status\":\"00\",\"message\":\"ok " + SECRET + "\",\"data\":[" + account + "]}",
          "{\"status\":0,\"message\":\"ok\",\"data\":[" + account + "]}",
          "{\"status\":\"00\",\"message\":\"ok\",\"data\":[" + account.replace("}", ",\"x\":" + "[".repeat(12)
              + "]".repeat(12) + "}") + "]}",
          "[" + clean + "]",
          "\"" + clean.replace("\"", "\\\"") + "\"",
          clean.substring(0, clean.length() - 1))) {
        assertThat(guard.prebind(bytes(doubtful), type, CallContext.current(), op, promised)).as(doubtful).isNull();
      }
    } finally {
      CallContext.set(null);
    }
  }

  @Test
  void aNumberIsLeftToTheTreeExactlyWhenItsTreeTextIsNotItsText() {
    Random random = new Random(4);
    List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "0.000000", "0.0000000", "0.00000010",
        "0.0000010", "1", "-1", "10.50", "1E3", "1e-3", "1.5E+3", "123456789012345678901234567890", "-0.000001",
        "0.0000001", "100", "9.999999", "0.00"));
    for (int i = 0; i < 5000; i++) {
      StringBuilder n = new StringBuilder(random.nextBoolean() ? "-" : "");
      n.append(random.nextInt(5) == 0 ? "0" : Integer.toString(random.nextInt(100000)));
      if (random.nextBoolean()) {
        n.append('.').append("0".repeat(random.nextInt(9))).append(random.nextInt(3) == 0 ? "" : random.nextInt(1000));
        if (n.charAt(n.length() - 1) == '.') {
          n.append('0');
        }
      }
      numbers.add(n.toString());
    }
    for (String number : numbers) {
      char[] padded = ("[" + number + "]").toCharArray();
      boolean same = new BigDecimal(number).toString().equals(number);
      if (number.indexOf('E') < 0 && number.indexOf('e') < 0) {
        assertThat(AnswerScan.treeText(padded, 1, number.length())).as(number).isEqualTo(same);
      } else {
        assertThat(AnswerScan.treeText(padded, 1, number.length())).as(number).isFalse(); // left to the tree
      }
    }
  }

  /** Models of the test spec's envelope, for the code-table cases below. */
  public record Item(String id, BigDecimal amount, String state) {}

  public record Full(Boolean status, String message, Integer code, Item data) {}

  public record Lean(Boolean status, Item data) {}

  public record Bare(Boolean status, String message, Item data) {}

  /** The same answer both ways through an envelope decoder with this code table (the review's cases). */
  private static void sameBothWays(EnvelopeDecoder.CodeTable table, String body, Class<?> type, String expected) {
    ApiSpec spec = ApiSpec.load("envelopekit");
    ObjectMapper mapper = PaykitJson.newMapper();
    Redactor redactor = Redactor.of(List.of(SECRET), List.of("Authorization"));
    ResponseGuard guard = new ResponseGuard(spec, mapper, redactor, new EnvelopeDecoder(spec, mapper, redactor, table));
    ResponseGuard treeOnly = new ResponseGuard(spec, mapper, redactor, new EnvelopeDecoder(spec, mapper, redactor, table));
    treeOnly.prebinding = false;
    OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals("getItem")).findFirst()
        .orElseThrow();
    String viaTree = outcome(treeOnly, op, null, 200, bytes(body), type);
    assertThat(outcome(guard, op, null, 200, bytes(body), type)).as(body).isEqualTo(viaTree).startsWith(expected);
  }

  @Test
  void aCodeTableThatReadsThePayloadDecidesOnTheWholeAnswer() {
    EnvelopeDecoder.CodeTable payloadReader = a -> a.data() != null && "FAILED".equals(a.data().path("state").asText())
        ? new dev.paykit.core.DeclinedException(a.details().build(), null) : null;
    sameBothWays(payloadReader, "{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"a1\",\"state\":\"FAILED\"}}",
        Full.class, "failed dev.paykit.core.DeclinedException");
    sameBothWays(payloadReader, "{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"a1\",\"state\":\"DONE\"}}",
        Full.class, "result ");
  }

  @Test
  void aCodeOrMessageMemberThatIsNotAScalarIsReadAsTheTreeReadsIt() {
    EnvelopeDecoder.CodeTable codes = EnvelopeDecoder.CodeTable.onEnvelopeMembers(a -> a.code() == null
        || !a.code().equals("00") ? new dev.paykit.core.DeclinedException(a.details().build(), null) : null);
    sameBothWays(codes, "{\"status\":true,\"message\":\"ok\",\"errorCode\":\"00\",\"data\":{\"id\":\"a1\"},"
        + "\"code\":{\"http\":400}}", Bare.class, "failed dev.paykit.core.DeclinedException");
    sameBothWays(codes, "{\"status\":true,\"message\":\"ok\",\"code\":null,\"errorCode\":\"00\",\"data\":{\"id\":\"a1\"}}",
        Bare.class, "result ");
    EnvelopeDecoder.CodeTable messages = EnvelopeDecoder.CodeTable.onEnvelopeMembers(a -> a.message() == null
        ? new dev.paykit.core.DeclinedException(a.details().build(), null) : null);
    sameBothWays(messages, "{\"status\":true,\"message\":{\"en\":\"x\"},\"description\":\"ok\",\"data\":{\"id\":\"a1\"}}",
        Lean.class, "failed dev.paykit.core.DeclinedException");
    sameBothWays(messages, "{\"status\":true,\"message\":null,\"description\":\"ok\",\"data\":{\"id\":\"a1\"}}",
        Lean.class, "result ");
  }

  @Test
  void aDecoderWithAnotherRedactorScrubsFromTheTree() throws Exception {
    ApiSpec spec = ApiSpec.load("prunny");
    ObjectMapper mapper = PaykitJson.newMapper();
    Redactor decoders = Redactor.of(List.of(SECRET), List.of("Authorization"));
    ResponseGuard guard = new ResponseGuard(spec, mapper, Redactor.none(), decoder("prunny", mapper, decoders, spec));
    OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals("getAccount")).findFirst()
        .orElseThrow();
    String answer = "{\"status\":\"00\",\"message\":\"ok " + SECRET + "\",\"data\":[{\"accountNumber\":\"1\"}]}";
    String outcome = outcome(guard, op, null, 200, bytes(answer), Class.forName("dev.paykit.prunny.model.AccountResponse"));
    assertThat(outcome).startsWith("result ").contains("ok " + Redactor.MASK).doesNotContain(SECRET);
  }

  @Test
  void theCallersReferenceIsReadOnlyWhereTheAnswerEchoesOne() throws Exception {
    ApiSpec spec = ApiSpec.load("prunny");
    ObjectMapper mapper = PaykitJson.newMapper();
    ResponseGuard guard = new ResponseGuard(spec, mapper, Redactor.none(), decoder("prunny", mapper, Redactor.none(), spec));
    OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals("intraBankTransfer")).findFirst()
        .orElseThrow();
    assertThat(op.referenceEcho()).isEmpty();
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    CallContext call = context(op, null);
    call.referenceSource(() -> {
      reads.incrementAndGet(); // rendering the request's body, in a client
      return "ref-1";
    });
    CallContext.set(call);
    try {
      Object result = guard.decode(response(200, bytes("{\"status\":\"00\",\"message\":\"ok\","
          + "\"data\":{\"transactionRef\":\"TRX-1\"}}")), Class.forName("dev.paykit.prunny.model.TransactionResponse"));
      assertThat(result).isNotNull();
    } finally {
      CallContext.set(null);
    }
    assertThat(reads).hasValue(0);
  }

  @Test
  void anAnswerTheBindingDidNotReadToItsEndIsNotClean() throws Exception {
    ObjectMapper mapper = PaykitJson.newMapper();
    AnswerScan.Rules rules = new AnswerScan.Rules(null, null, null, null, Redactor.none(), null, null);
    try (AnswerScan scan = new AnswerScan(mapper.getFactory().createParser("{\"a\":{\"b\":1},\"c\":2}"), rules)) {
      scan.nextToken();
      scan.nextToken();
      scan.nextToken();
      scan.skipChildren();
      assertThat(scan.clean()).isFalse();
      scan.nextToken();
      scan.nextToken();
      assertThat(scan.clean()).isFalse();
      scan.nextToken();
      assertThat(scan.clean()).isTrue();
      assertThat(scan.verdict()).isNotNull();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static CallContext context(OperationSpec op, String reference) {
    CallContext call = new CallContext(op, "key-1", Instant.parse("2026-12-04T10:00:00Z"), Duration.ofSeconds(30));
    call.referenceSource(() -> reference);
    return call;
  }

  /** What decoding the answer gives: the result's class, equality hash and text, or the failure; and any salvaged id. */
  private static String outcome(ResponseGuard guard, OperationSpec op, String reference, int status, byte[] body,
      Type type) {
    CallContext call = context(op, reference);
    CallContext.set(call);
    try {
      Object result = guard.decode(response(status, body), type);
      return "result " + describe(result) + " id " + call.resourceId();
    } catch (Exception e) {
      return "failed " + e.getClass().getName() + ": " + e.getMessage() + " id " + call.resourceId();
    } finally {
      CallContext.set(null);
    }
  }

  /** A result as text: its class, every field (its own text and equality hash) and, for a wrapper, its parts. */
  private static String describe(Object result) {
    if (result == null) {
      return "null";
    }
    try {
      var data = result.getClass().getMethod("getData");
      if (result.getClass().getSimpleName().equals("ApiResponse")) {
        return "wrapper " + result.getClass().getMethod("getStatusCode").invoke(result) + " "
            + result.getClass().getMethod("getHeaders").invoke(result) + " " + describe(data.invoke(result));
      }
    } catch (NoSuchMethodException notAWrapper) {
      // a model
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return result.getClass().getName() + " #" + result.hashCode() + " " + result;
  }

  private static Response response(int status, byte[] body) {
    return Response.builder().status(status).reason("OK")
        .headers(Map.of("Content-Type", List.of("application/json")))
        .request(Request.create(Request.HttpMethod.GET, "http://127.0.0.1/x", Map.of(), null,
            StandardCharsets.UTF_8, null))
        .body(body).build();
  }

  /** The provider's own success decoder, as its client builds it. */
  private static Decoder decoder(String provider, ObjectMapper mapper, Redactor redactor, ApiSpec spec)
      throws Exception {
    switch (provider) {
      case "prunny", "prune" -> {
        String name = provider.equals("prunny") ? "dev.paykit.prunny.PrunnyResponses" : "dev.paykit.prune.PruneResponses";
        var factory = Class.forName(name).getDeclaredMethod("decoder", ObjectMapper.class, Redactor.class, ApiSpec.class);
        factory.setAccessible(true);
        return (Decoder) factory.invoke(null, mapper, redactor, spec);
      }
      case "promptcash" -> {
        var made = Class.forName("dev.paykit.promptcash.PromptCashResponses")
            .getDeclaredConstructor(ObjectMapper.class, Redactor.class);
        made.setAccessible(true);
        return (Decoder) made.newInstance(mapper, redactor);
      }
      default -> {
        Decoder generated = (Decoder) Class.forName("dev.paykit." + provider + ".invoker.ApiResponseDecoder")
            .getConstructor(ObjectMapper.class).newInstance(mapper);
        return new TreeDecoder(mapper, generated);
      }
    }
  }

  /** An answer made from the schema, then perhaps spoiled: as bytes. */
  private static byte[] answer(ApiSpec spec, JsonNode schema, Random random, ObjectMapper mapper, String reference)
      throws Exception {
    JsonNode value = value(spec, schema, random, 0, reference);
    String text = mapper.writeValueAsString(value);
    switch (random.nextInt(20)) {
      case 0 -> { // a repeated member
        int brace = text.indexOf('{');
        int colon = text.indexOf(':', brace);
        if (brace >= 0 && colon > brace && text.charAt(brace + 1) == '"') {
          String name = text.substring(brace + 1, colon);
          text = text.substring(0, brace + 1) + name + ":null," + text.substring(brace + 1);
        }
      }
      case 1 -> text = text + " {\"trailing\":1}";
      case 2 -> text = text.substring(0, Math.max(0, text.length() - 1 - random.nextInt(3)));
      case 3 -> text = "  " + text.replace(",", " ,\n ") + "\n";
      case 4 -> text = text.replaceFirst("\"([^\"]*)\"(?=[,}\\]])", "\"$1 " + SECRET + "\"");
      case 5 -> text = text.replaceFirst(":(\"[0-9]{1,2}\")", ":" + (random.nextBoolean() ? "7" : "0"));
      case 6 -> text = text.replaceFirst("\\d+\\.\\d+", random.nextBoolean() ? "1.5E+3" : "0.00000010");
      case 7 -> { // a member name written with an escape
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z])([A-Za-z_]*)\":").matcher(text);
        for (int skip = random.nextInt(3); m.find(); skip--) {
          if (skip <= 0) {
            text = text.substring(0, m.start() + 1) + String.format("\\u%04x", (int) m.group(1).charAt(0))
                + text.substring(m.start(2));
            break;
          }
        }
      }
      case 8 -> text = "\uFEFF" + text;
      case 9 -> { // a repeated member in the last object
        int brace = text.lastIndexOf('{');
        int colon = text.indexOf(':', brace);
        if (brace >= 0 && colon > brace && text.charAt(brace + 1) == '"') {
          text = text.substring(0, brace + 1) + text.substring(brace + 1, colon) + ":\"dup\"," + text.substring(brace + 1);
        }
      }
      case 10 -> text = text.replaceFirst(":\"([^\"]*)\"", ":" + List.of("12", "-0", "1.50",
          "123456789012345678901234567890", "true", "0.1", "{}", "[]", "[\"a\"]").get(random.nextInt(9)));
      case 11 -> text = text.replaceFirst("\"([^\"]*)\"(?=[,}\\]])", "\"$1 " + SECRET.replace("_", "\\\\u005f") + "\"");
      case 12 -> text = text.replaceFirst(":(-?\\d+(\\.\\d+)?)(?=[,}\\]])", ":" + List.of("\"7\"", "\"1.50\"", "-1",
          "9223372036854775808", "1.0", "0", "7").get(random.nextInt(7)));
      case 13 -> text = text.replaceFirst(":\\{", ":{\"zz\":{\"a\":[[1,{\"b\":null}],{}]},");
      default -> { }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A value shaped by the schema (scalars of its types, formats and enums), made at random to lack, null or mistype parts. */
  private static JsonNode value(ApiSpec spec, JsonNode schemaRef, Random random, int depth, String reference) {
    int dice = random.nextInt(60);
    if (dice == 0) {
      return NODES.nullNode();
    }
    if (dice == 1 || depth > 9) {
      return random.nextBoolean() ? NODES.textNode("x") : NODES.arrayNode().add(NODES.objectNode());
    }
    JsonNode schema;
    try {
      schema = spec.resolve(schemaRef);
    } catch (RuntimeException unresolvable) {
      return NODES.objectNode().put("any", 1);
    }
    ObjectNode object = NODES.objectNode();
    boolean isObject = "object".equals(schema.path("type").asText()) || schema.has("properties")
        || schema.has("required") || schema.has("allOf") || schema.has("x-paykit-envelope");
    for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
      List<JsonNode> parts = new ArrayList<>();
      schema.path(combiner).forEach(parts::add);
      if (!combiner.equals("allOf") && !parts.isEmpty()) {
        parts = List.of(parts.get(random.nextInt(parts.size())));
      }
      for (JsonNode part : parts) {
        JsonNode made = value(spec, part, random, depth + 1, reference);
        if (made instanceof ObjectNode o) {
          object.setAll(o);
          isObject = true;
        } else if (!isObject && parts.size() == 1) {
          return made;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (random.nextInt(10) != 0) {
        object.set(p.getKey(), value(spec, p.getValue(), random, depth + 1, reference));
      }
    }
    for (JsonNode required : schema.path("required")) {
      int fate = random.nextInt(25);
      if (fate == 0) {
        object.remove(required.asText());
      } else if (fate == 1) {
        object.putNull(required.asText());
      } else if (!object.has(required.asText())) {
        object.put(required.asText(), "r");
      }
    }
    JsonNode aliases = schema.path("x-paykit-read-aliases");
    for (Iterator<Map.Entry<String, JsonNode>> it = aliases.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      if (random.nextInt(4) == 0) {
        JsonNode moved = object.remove(a.getKey());
        String other = a.getValue().isArray() ? a.getValue().path(0).asText() : a.getValue().asText();
        object.set(other, moved == null ? NODES.textNode("aliased") : moved);
      }
    }
    JsonNode envelope = schema.path("x-paykit-envelope");
    List<String> keys = new ArrayList<>();
    envelope.path("data").forEach(k -> keys.add(k.asText()));
    if (!keys.isEmpty() && random.nextInt(4) == 0) {
      JsonNode payload = object.remove(keys.get(0));
      object.set(keys.get(random.nextInt(keys.size())), random.nextInt(3) == 0 ? NODES.objectNode()
          : payload == null ? NODES.nullNode() : payload);
    }
    if (random.nextInt(15) == 0) {
      object.set("unknown", NODES.objectNode().set("deep", NODES.arrayNode().add(NODES.objectNode().put("k", 1))));
    }
    if (schema.has("items") || "array".equals(schema.path("type").asText())) {
      ArrayNode list = NODES.arrayNode();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        list.add(random.nextInt(15) == 0 ? NODES.nullNode()
            : value(spec, schema.path("items"), random, depth + 1, reference));
      }
      return list;
    }
    if (isObject) {
      return object;
    }
    return scalar(schema, random, reference);
  }

  private static JsonNode scalar(JsonNode schema, Random random, String reference) {
    if (random.nextInt(12) == 0) { // the wrong type
      return switch (random.nextInt(4)) {
        case 0 -> NODES.textNode("t");
        case 1 -> NODES.numberNode(new BigDecimal("12.50"));
        case 2 -> NODES.booleanNode(true);
        default -> NODES.numberNode(3);
      };
    }
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return random.nextInt(8) == 0 ? NODES.textNode("SOMETHING_NEW") : schema.get("enum").get(
          random.nextInt(schema.get("enum").size()));
    }
    String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
    String format = schema.path("format").asText();
    return switch (type) {
      case "integer" -> NODES.numberNode(random.nextInt(2000) - 10);
      case "number" -> NODES.numberNode(new BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(9)));
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      default -> switch (format) {
        case "date-time" -> NODES.textNode(random.nextBoolean() ? "2026-12-04T10:00:00Z" : "2026-12-04T10:00:00.123+01:00");
        case "date" -> NODES.textNode("2026-12-04");
        default -> NODES.textNode(random.nextInt(4) == 0 && reference != null ? reference
            : random.nextInt(6) == 0 ? "00" : "text-" + random.nextInt(100));
      };
    };
  }
}
