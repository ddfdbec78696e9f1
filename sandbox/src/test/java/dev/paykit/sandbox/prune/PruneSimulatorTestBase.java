package dev.paykit.sandbox.prune;

import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.PaykitSandbox;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per Prune test class (MockServer starts once), reset before each test, the clock pinned. */
abstract class PruneSimulatorTestBase {
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static PaykitSandbox sandbox;
  static PruneHttp http;
  PruneSimulator prune;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    http = new PruneHttp(sandbox.prune().baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    prune = sandbox.prune().clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The body of a success: status true, the HTTP status repeated in code. */
  static JsonNode success(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.get("status").asBoolean()).as(response.body()).isTrue();
    assertThat(body.get("code").asInt()).isEqualTo(status);
    return body;
  }

  /** The body of a failure: exactly {status: false, message, code}, code the HTTP status. */
  static JsonNode failure(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("status").isBoolean()).isTrue();
    assertThat(body.get("status").asBoolean()).isFalse();
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.has("data")).as("a failure carries no data").isFalse();
    assertThat(body.size()).as("status, message, code").isEqualTo(3);
    return body;
  }

  static String message(HttpResponse<String> response) {
    return json(response).get("message").asText();
  }
}
