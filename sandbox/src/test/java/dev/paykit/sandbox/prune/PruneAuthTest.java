package dev.paykit.sandbox.prune;

import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer keys: test and live environments apart; every answer, failures included, is the envelope. */
class PruneAuthTest extends PruneSimulatorTestBase {

  @Test
  void withoutAKeyTheAnswerIsTheEnvelope401() {
    HttpResponse<String> response = http.get("/v1/accounts?currency=EUR", null);

    JsonNode body = failure(response, 401);
    assertThat(body.get("message").asText()).startsWith("Unauthorized");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer sk_test_wrong", "Bearer " + PruneSimulator.TEST_KEY + "x", PruneSimulator.TEST_KEY,
      "Basic " + PruneSimulator.TEST_KEY, "Bearer sk_live_prune_sandbox_KEY"})
  void aWrongKeyIsTheEnvelope401(String authorization) {
    failure(http.get("/v1/accounts?currency=EUR", authorization), 401);
  }

  @Test
  void theSchemeIsCaseInsensitiveTheKeyIsNot() {
    success(http.get("/v1/accounts?currency=EUR", "bearer " + PruneSimulator.TEST_KEY), 200);
  }

  @Test
  void twoAuthorizationHeadersAreRefused() {
    HttpResponse<String> response = SandboxHttp.send(http.request("/v1/accounts?currency=EUR", PruneHttp.TEST)
        .header("Authorization", PruneHttp.LIVE).GET().build());

    failure(response, 401);
  }

  @Test
  void theTestAndLiveKeysEachSeeTheirOwnEnvironment() {
    JsonNode test = success(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "?currency=EUR"), 200);
    JsonNode live = success(http.get("/v1/accounts/" + PruneSimulator.liveTwin(PruneSimulator.ACCOUNT_EUR)
        + "?currency=EUR", PruneHttp.LIVE), 200);

    assertThat(test.at("/data/staging").asText()).isEqualTo("TEST");
    assertThat(live.at("/data/staging").asText()).isEqualTo("LIVE");
    assertThat(live.at("/data/id").asText()).isEqualTo("00000000-0000-4000-9000-000000000001");
    failure(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "?currency=EUR", PruneHttp.LIVE), 404);
  }

  @Test
  void aRecordMadeWithTheTestKeyIsNotVisibleWithTheLiveOne() {
    String id = success(http.post("/v1/accounts/request-account", PruneHttp.individual("Anne")), 201)
        .at("/data/id").asText();

    failure(http.get("/v1/accounts/requests/" + id, PruneHttp.LIVE), 404);
    success(http.get("/v1/accounts/requests/" + id), 200);
  }

  @Test
  void aLiveTransferLeavesTheTestBalanceAlone() {
    success(http.postJson("/v1/accounts/send", PruneHttp.send(PruneSimulator.IBAN_EUR, "100.00", "live-1"),
        PruneHttp.LIVE), 202);

    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("5000.00");
    assertThat(prune.balance(PruneSimulator.liveTwin(PruneSimulator.ACCOUNT_EUR))).isEqualByComparingTo("4900.00");
    assertThat(prune.transfers()).singleElement().satisfies(t -> assertThat(t.environment()).isEqualTo("LIVE"));
  }

  @Test
  void unknownPathsAndMethodsAnswerTheEnvelope() {
    assertThat(message(http.get("/v1/nothing"))).contains("/v1/nothing");
    failure(http.get("/v1/nothing"), 404);
    failure(http.get("/v1/accounts/send?currency=EUR"), 404); // GET /v1/accounts/{account_id}: no account "send"
    failure(SandboxHttp.send(http.request("/v1/accounts/validate?currency=EUR", PruneHttp.TEST).GET().build()), 404);
    failure(SandboxHttp.send(http.request("/v1/accounts/requests/x", PruneHttp.TEST)
        .DELETE().build()), 405);
    failure(SandboxHttp.send(http.request("/v1/accounts", PruneHttp.TEST)
        .DELETE().build()), 405);
  }

  @Test
  void failuresCanBeAnsweredWithHttp200KeepingTheirCode() {
    prune.failuresWithHttp200(true);

    HttpResponse<String> unauthorized = http.get("/v1/accounts?currency=EUR", null);
    HttpResponse<String> missing = http.get("/v1/accounts/requests/nope");

    assertThat(unauthorized.statusCode()).isEqualTo(200);
    assertThat(json(unauthorized).get("status").asBoolean()).isFalse();
    assertThat(json(unauthorized).get("code").asInt()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(json(missing).get("code").asInt()).isEqualTo(404);
    success(http.get("/v1/accounts?currency=EUR"), 200);
  }
}
