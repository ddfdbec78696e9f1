package dev.paykit.sandbox.paypercut;

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

/**
 * One sandbox per Paypercut test class (MockServer starts once), reset before each test, the
 * simulator's clock pinned to {@link #NOW}.
 */
abstract class PaypercutSimulatorTestBase {
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static PaykitSandbox sandbox;
  static PaypercutSimulator paypercut;
  static PaypercutHttp http;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    paypercut = sandbox.paypercut();
    http = new PaypercutHttp(paypercut.baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    paypercut.clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The error body, after checking its status, type, code and param (null: absent). */
  static JsonNode assertError(HttpResponse<String> response, int status, String type, String code, String param) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = PaypercutHttp.json(response);
    assertThat(error.path("type").asText()).as(response.body()).isEqualTo(type);
    assertThat(error.path("code").textValue()).as(response.body()).isEqualTo(code);
    assertThat(error.path("param").textValue()).as(response.body()).isEqualTo(param);
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("trace_id").asText()).startsWith("trc_");
    return error;
  }

  static JsonNode assertInvalid(HttpResponse<String> response, String code, String param) {
    return assertError(response, 400, "invalid_request_error", code, param);
  }

  /** A payment intent created (and confirmed) with these fields; its JSON. */
  static JsonNode paidIntent(long amount, String currency) {
    return http.post("/v1/payment_intents",
        PaypercutHttp.intent(amount, currency, PaypercutSimulator.CARD_VISA, true, "automatic")).ok();
  }

  static JsonNode authorizedIntent(long amount, String currency) {
    return http.post("/v1/payment_intents",
        PaypercutHttp.intent(amount, currency, PaypercutSimulator.CARD_VISA, true, "manual")).ok();
  }

  /** A connected account of the platform; its id. */
  static String connectedAccount() {
    return http.post("/v1/accounts", "{\"type\": \"express\", \"country\": \"DE\"}").ok().get("id").asText();
  }
}
