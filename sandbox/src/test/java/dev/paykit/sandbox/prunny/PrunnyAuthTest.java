package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer authentication, the request timestamp window, error bodies and routing. */
class PrunnyAuthTest extends PrunnySimulatorTestBase {
  private static final String BALANCE = "/v1/accounts/balance/" + Fixtures.ACCOUNT_ADAEZE;

  private static void assertError(HttpResponse<String> response, int status, String errorCode) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("errorCode").asText()).isEqualTo(errorCode);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"prunny-sandbox-key", "Bearer wrong", "Bearer PRUNNY-SANDBOX-KEY", "Basic cHJ1bm55", ""})
  void anythingButTheBearerKeyIs401(String authorization) {
    HttpRequest.Builder get = http.request(BALANCE);
    HttpRequest request = authorization == null
        ? HttpRequest.newBuilder(get.build().uri()).header(PrunnySimulator.TIMESTAMP_HEADER,
            PrunnyHttp.timestamp(NOW)).build()
        : get.setHeader("Authorization", authorization).build();

    assertError(SandboxHttp.send(request), 401, "63");
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    HttpResponse<String> response = SandboxHttp.send(
        http.request(BALANCE).setHeader("Authorization", "bearer " + PrunnySimulator.API_KEY).build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aMissingTimestampIs400() {
    HttpRequest request = HttpRequest.newBuilder(http.request(BALANCE).build().uri())
        .header("Authorization", PrunnyHttp.BEARER).build();

    HttpResponse<String> response = SandboxHttp.send(request);

    assertError(response, 400, "30");
    assertThat(json(response).get("message").asText()).contains(PrunnySimulator.TIMESTAMP_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-11-21", "2026-11-21T10:00Z", "2026-11-21T10:00:00",
      "2026-11-21T10:00:00.1234Z", "2026-13-21T10:00:00Z", "1795255200"})
  void anUnparseableTimestampIs400(String timestamp) {
    HttpResponse<String> response =
        SandboxHttp.send(http.request(BALANCE).setHeader(PrunnySimulator.TIMESTAMP_HEADER, timestamp).build());

    assertError(response, 400, "30");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-21T09:55:00Z", "2026-11-21T10:05:00.000Z", "2026-11-21T11:04:59+01:00",
      "2026-11-21T10:00:00.5Z"})
  void timestampsWithinFiveMinutesEitherWayAreAccepted(String timestamp) {
    HttpResponse<String> response =
        SandboxHttp.send(http.request(BALANCE).setHeader(PrunnySimulator.TIMESTAMP_HEADER, timestamp).build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aTimestampMoreThanFiveMinutesOldIsRejectedAsExpired() {
    String stale = PrunnyHttp.timestamp(NOW.minus(Duration.ofMinutes(5)).minusMillis(1));

    HttpResponse<String> response =
        SandboxHttp.send(http.request(BALANCE).setHeader(PrunnySimulator.TIMESTAMP_HEADER, stale).build());

    assertError(response, 400, "63");
    assertThat(json(response).get("message").asText()).contains("expired").contains("2026-11-21T10:00:00+00:00");
  }

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRejected() {
    String future = PrunnyHttp.timestamp(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));

    HttpResponse<String> response =
        SandboxHttp.send(http.request(BALANCE).setHeader(PrunnySimulator.TIMESTAMP_HEADER, future).build());

    assertError(response, 400, "63");
    assertThat(json(response).get("message").asText()).contains("future");
  }

  @Test
  void theWindowFollowsTheInjectedClock() {
    sandbox.prunny().clock(Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));

    assertThat(http.get(BALANCE).statusCode()).isEqualTo(400);

    sandbox.prunny().clock(Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC));

    assertThat(http.get(BALANCE).statusCode()).isEqualTo(200);
  }

  @Test
  void authenticationComesBeforeTheTimestampAndRouting() {
    HttpRequest request = HttpRequest.newBuilder(http.request("/v1/nowhere").build().uri()).build();

    assertError(SandboxHttp.send(request), 401, "63");
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() {
    assertError(http.get("/v1/nowhere"), 404, "18");
    assertError(http.get("/v1/transactions/singletransferwithbank"), 405, "18");
  }

  @Test
  void aGetOfAnUnknownRecordIs404WithTheCodeOfTheRecord() {
    assertError(http.get("/v1/accounts/9999999999"), 404, "07");
    assertError(http.get("/v1/customers/PRC9999"), 404, "25");
    assertError(http.get("/v1/transactions/confirmation/PRN000000000999"), 404, "12");
  }

  @Test
  void injectedFaultsUsePrunnysErrorBodyAndComeBeforeAuthentication() {
    sandbox.prunny().failNext(1, 503, Duration.ofSeconds(2));

    HttpRequest anonymous = HttpRequest.newBuilder(http.request(BALANCE).build().uri()).build();

    HttpResponse<String> response = SandboxHttp.send(anonymous);

    assertError(response, 503, "96");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(http.get(BALANCE).statusCode()).isEqualTo(200);
  }
}
