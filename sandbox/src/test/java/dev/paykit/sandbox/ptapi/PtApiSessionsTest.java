package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The two auth layers: the gateway's subscription key and PT's sessions. */
class PtApiSessionsTest extends PtApiTestBase {

  @Test
  void loginAnswersASessionAndTheParentAndTheSessionOpensTheHierarchy() {
    JsonNode session = ok(post(LOGIN, json("loginID", LOGIN_ID, "password", PASSWORD)), 200);
    assertThat(session.get("customerId").asText()).isEqualTo(PARENT_ID);
    assertThat(session.get("sessionId").asText()).matches("[0-9a-f]{24}[0-9]{8}");
    assertThat(session.size()).isEqualTo(2);
    assertThat(pt.loginCount()).isEqualTo(1);

    JsonNode customers = ok(post(CUSTOMERS, json("sessionId", session.get("sessionId").asText(),
        "parentId", PARENT_ID)), 200);
    assertThat(customers.get("customers").findValuesAsText("customerId")).containsExactly(BUSINESS_REWARDS,
        BUSINESS_PAYROLL);
  }

  @Test
  void wrongCredentialsAre401002AndMissingOnes400003() {
    ptError(post(LOGIN, json("loginID", LOGIN_ID, "password", "wrong")), 401002, "invalid login credentials");
    ptError(post(LOGIN, json("loginID", "nobody@example.com", "password", PASSWORD)), 401002,
        "invalid login credentials");
    assertThat(ptError(post(LOGIN, json("loginID", LOGIN_ID)), 400003, "invalid JSON parameters"))
        .isEqualTo("Invalid JSON parameters were used in the request: password is required");
    assertThat(pt.loginCount()).isZero();
  }

  @Test
  void aSessionExpiresByTheClockAndALoginAfterwardsWorks() {
    String session = login();
    pt.clock(Clock.fixed(NOW.plus(DEFAULT_SESSION_LIFETIME).minusSeconds(1), ZoneOffset.UTC));
    ok(post(PROGRAMS, json("sessionId", session, "customerId", BUSINESS_REWARDS)), 200);

    pt.clock(Clock.fixed(NOW.plus(DEFAULT_SESSION_LIFETIME), ZoneOffset.UTC));
    assertThat(ptError(post(PROGRAMS, json("sessionId", session, "customerId", BUSINESS_REWARDS)), 401001,
        "expired login credentials")).contains("expired");

    String fresh = login();
    assertThat(fresh).isNotEqualTo(session);
    ok(post(PROGRAMS, json("sessionId", fresh, "customerId", BUSINESS_REWARDS)), 200);
  }

  @Test
  void expireSessionsEndsEveryOpenSessionNow() {
    String a = login();
    String b = login();
    assertThat(pt.expireSessions()).isEqualTo(2);
    ptError(post(CUSTOMERS, json("sessionId", a, "parentId", PARENT_ID)), 401001, "expired login credentials");
    ptError(post(CUSTOMERS, json("sessionId", b, "parentId", PARENT_ID)), 401001, "expired login credentials");
    assertThat(pt.expireSessions()).isZero();
    pt.sessionLifetime(Duration.ofMinutes(1));
    String c = login();
    ok(post(CUSTOMERS, json("sessionId", c, "parentId", PARENT_ID)), 200);
    assertThat(pt.loginCount()).isEqualTo(3);
  }

  @Test
  void logoutIs204WithoutABodyAndEndsTheSessionAndMayBeRepeated() {
    String session = login();
    HttpResponse<String> r = post(LOGOUT, json("sessionId", session));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    ptError(post(CUSTOMERS, json("sessionId", session, "parentId", PARENT_ID)), 401001, "expired login credentials");
    assertThat(post(LOGOUT, json("sessionId", session)).statusCode()).isEqualTo(204);
    ptError(post(LOGOUT, json("sessionId", "never-issued")), 401002, "invalid login credentials");
  }

  @Test
  void aSessionNeverIssuedIs401002AndNoSessionIs400003() {
    ptError(post(CUSTOMERS, json("sessionId", "0123", "parentId", PARENT_ID)), 401002, "invalid login credentials");
    assertThat(ptError(post(CUSTOMERS, json("parentId", PARENT_ID)), 400003, "invalid JSON parameters"))
        .endsWith("sessionId is required");
  }

  @Test
  void resetPasswordIs204ForAnyLoginAndIsRecorded() {
    assertThat(post(RESET_PASSWORD, json("loginID", LOGIN_ID)).statusCode()).isEqualTo(204);
    assertThat(post(RESET_PASSWORD, json("loginID", "nobody@example.com")).statusCode()).isEqualTo(204);
    assertThat(pt.passwordResets()).containsExactly(LOGIN_ID, "nobody@example.com");
  }

  @Test
  void theGatewayRefusesAMissingOrUnknownKeyBeforePtSeesTheRequest() {
    String body = json("loginID", LOGIN_ID, "password", PASSWORD).toString();
    HttpResponse<String> none = post(LOGIN, body, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(read(none.body()).get("statusCode").asInt()).isEqualTo(401);
    assertThat(read(none.body()).get("message").asText()).startsWith("Access denied due to missing subscription key");

    HttpResponse<String> wrong = post(LOGIN, body, "not-a-key");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(read(wrong.body()).get("message").asText()).startsWith("Access denied due to invalid subscription key");

    HttpResponse<String> twice = SandboxHttp.send(request(LOGIN, PRIMARY_KEY)
        .header(SUBSCRIPTION_KEY_HEADER, SECONDARY_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(twice.statusCode()).isEqualTo(401);
    assertThat(pt.loginCount()).isZero();
  }

  @Test
  void aRevokedPrimaryKeyIsRefusedAndTheSecondaryStillWorks() {
    String body = json("loginID", LOGIN_ID, "password", PASSWORD).toString();
    ok(post(LOGIN, body, SECONDARY_KEY), 200);
    pt.revokePrimaryKey();
    HttpResponse<String> primary = post(LOGIN, body, PRIMARY_KEY);
    assertThat(primary.statusCode()).isEqualTo(401);
    assertThat(read(primary.body()).get("message").asText()).startsWith("Access denied due to invalid subscription key");
    ok(post(LOGIN, body, SECONDARY_KEY), 200);
    assertThat(pt.loginCount()).isEqualTo(2);

    sandbox.reset();
    ok(post(LOGIN, body, PRIMARY_KEY), 200);
  }

  @Test
  void onlyJsonPostsOnTheSpecsPathsAreServed() {
    String body = json("loginID", LOGIN_ID, "password", PASSWORD).toString();
    HttpResponse<String> form = SandboxHttp.send(request(LOGIN, PRIMARY_KEY).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    ptError(form, 400002, "invalid header parameters");
    ptError(post(LOGIN, "[1]", PRIMARY_KEY), 400003, "invalid JSON parameters");
    ptError(post(LOGIN, "{\"loginID\":", PRIMARY_KEY), 400003, "invalid JSON parameters");
    assertThat(ptError(post(LOGIN, json("loginID", LOGIN_ID, "password", PASSWORD, "extra", 1)), 400003,
        "invalid JSON parameters")).endsWith("extra is not a field of this operation");

    HttpResponse<String> get = SandboxHttp.send(request(LOGIN, PRIMARY_KEY).GET().build());
    assertThat(get.statusCode()).isEqualTo(404);
    HttpResponse<String> unknown = post("/_ah/api/userendpoint/v1/nothing", body, PRIMARY_KEY);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(read(unknown.body()).get("message").asText()).isEqualTo("Resource not found");
  }

  @Test
  void theCodeFieldCanBeNamedErrorCode() {
    pt.errorCodeField("errorCode");
    JsonNode body = read(post(LOGIN, json("loginID", LOGIN_ID, "password", "x")).body());
    assertThat(body.has("code")).isFalse();
    assertThat(body.get("errorCode").asInt()).isEqualTo(401002);
    assertThat(body.get("message").asText()).isEqualTo("invalid login credentials");
  }
}
