package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Request;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values the SDK derives reach the request wherever the spec puts them (header, query, form field, JSON
 * body property), replacing anything already there, and the caller's JSON body is validated without the
 * derived properties (which the wire schema may require).
 */
class DerivedValuesTest {

  private static ApiSpec spec;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = DerivedValuesTest.class.getResourceAsStream("/dev/paykit/specs/derivedkit/openapi.yaml")) {
      spec = ApiSpec.parse("derivedkit", in);
    }
  }

  private static RequestTemplate post(String path, String contentType, String body) {
    RequestTemplate t = new RequestTemplate();
    t.method(Request.HttpMethod.POST);
    t.uri(path);
    t.header("Content-Type", contentType);
    t.body(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return t;
  }

  @Test
  void aSessionRidesInTheJsonBodyWithTheAmountKeptAsWritten() {
    OperationSpec op = spec.operation("searchCards");
    RequestTemplate t = post("/session/cards", "application/json", "{\"q\":\"firstName:joe\",\"amount\":2500.00}");

    new DerivedValues("session", () -> "sess-0001-abcd").apply(AttemptRequest.of(t), op);

    assertThat(new String(t.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"q\":\"firstName:joe\",\"amount\":2500.00,\"sessionId\":\"sess-0001-abcd\"}");
  }

  @Test
  void aDerivedValueAlreadyInTheBodyIsReplacedNotDuplicated() {
    OperationSpec op = spec.operation("searchCards");
    RequestTemplate t = post("/session/cards", "application/json", "{\"sessionId\":\"stale\",\"q\":\"a\"}");

    new DerivedValues("session", () -> "fresh-session").apply(AttemptRequest.of(t), op);

    assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo("{\"sessionId\":\"fresh-session\",\"q\":\"a\"}");
  }

  @Test
  void headerAndQueryValuesAreSetOnceAndEncoded() {
    OperationSpec op = spec.operation("searchCards");
    RequestTemplate t = post("/session/cards", "application/json", "{}");
    t.header("X-Stamp", "old");
    t.query("sig", "old");

    new DerivedValues("timestamp", () -> "2026-12-02T01:00:00Z").apply(AttemptRequest.of(t), op);
    new DerivedValues("signature", () -> "a+b/c=").apply(AttemptRequest.of(t), op);

    assertThat(t.headers().get("X-Stamp")).containsExactly("2026-12-02T01:00:00Z");
    assertThat(t.queries().get("sig")).containsExactly("a%2Bb%2Fc%3D");
    assertThat(t.url()).isEqualTo("/session/cards?sig=a%2Bb%2Fc%3D");
  }

  @Test
  void formFieldsAreFilledInTheSpecsOrder() {
    OperationSpec op = spec.operation("formCall");
    RequestTemplate t = post("/form", "application/x-www-form-urlencoded", "id=card+1");

    new DerivedValues("timestamp", () -> "1700000000").apply(AttemptRequest.of(t), op);
    new DerivedValues("session", () -> "s&1").apply(AttemptRequest.of(t), op);

    assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo("token=s%261&id=card+1&time=1700000000");
  }

  @Test
  void theCallersBodyIsValidatedWithoutTheDerivedPropertiesTheWireRequires() {
    OperationSpec op = spec.operation("searchCards");
    List<Violation> out = new ArrayList<>();
    ObjectMapper mapper = PaykitJson.newMapper();

    spec.validator().validate("", mapper.valueToTree(Map.of("q", "x")), op.callerJsonBodySchema().orElseThrow(), out);
    assertThat(out).isEmpty();
    spec.validator().validate("", mapper.valueToTree(Map.of("q", "x")), op.jsonBodySchema().orElseThrow(), out);
    assertThat(out).extracting(Violation::field).containsExactly("sessionId"); // the wire schema still says so
  }

  @Test
  void aMarkerBesideARefOrOnItsTargetIsReadTheWayTheBuildStripsIt() {
    OperationSpec op = spec.operation("refCall");
    assertThat(op.derivedJsonProperties("session")).containsExactly("besideRef", "onTarget");
    RequestTemplate t = post("/refs", "application/json", "{\"plain\":\"p\"}");

    new DerivedValues("session", () -> "s-1").apply(AttemptRequest.of(t), op);

    assertThat(new String(t.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"plain\":\"p\",\"besideRef\":\"s-1\",\"onTarget\":\"s-1\"}");
  }
}
