package dev.paykit.sandbox.paypercut;

import static dev.paykit.sandbox.paypercut.PaypercutHttp.intent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Injected faults and rate limits, in queue order, and what reset clears. */
class PaypercutFaultsTest extends PaypercutSimulatorTestBase {
  private static final String PAY = intent(1000, "eur", PaypercutSimulator.CARD_VISA, true, "automatic");

  @Test
  void anInjected5xxAnswersWithoutProcessing() {
    paypercut.failNext(1, 503, Duration.ofSeconds(3));

    HttpResponse<String> response = http.post("/v1/payment_intents", PAY).send();

    assertError(response, 503, "api_error", null, null);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(paypercut.paymentIntents()).isEmpty();
    assertThat(http.post("/v1/payment_intents", PAY).send().statusCode()).isEqualTo(200);
  }

  @Test
  void aRateLimitIs429WithRetryAfterOnlyWhenGiven() {
    paypercut.rateLimitNext(1, null);
    paypercut.rateLimitNext(1, Duration.ofMillis(1500));

    HttpResponse<String> plain = http.get("/v1/account").send();
    HttpResponse<String> timed = http.get("/v1/account").send();

    assertError(plain, 429, "invalid_request_error", "rate_limited", null);
    assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
    assertError(timed, 429, "invalid_request_error", "rate_limited", null);
    assertThat(timed.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(http.get("/v1/account").send().statusCode()).isEqualTo(200);
  }

  @Test
  void faultsComeBeforeAuthentication() {
    paypercut.rateLimitNext(1, null);

    HttpResponse<String> response = SandboxHttpNoAuth.get(paypercut.baseUrl() + "/v1/account");

    assertThat(response.statusCode()).isEqualTo(429);
  }

  @Test
  void resetRestoresTheFixturesAndTheDefaults() {
    String connected = connectedAccount();
    http.post("/v1/payment_intents", PAY).key("order-1").ok();
    paypercut.keyInUseNext(3);
    paypercut.failNext(2, 500);
    paypercut.clock(java.time.Clock.fixed(java.time.Instant.parse("2099-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));

    sandbox.reset();

    assertThat(paypercut.paymentIntents()).isEmpty();
    assertThat(paypercut.payments()).isEmpty();
    assertThat(paypercut.requestsWithKey("order-1")).isZero();
    assertThat(paypercut.now()).as("the system clock again").isBefore(java.time.Instant.parse("2099-01-01T00:00:00Z"));
    paypercut.clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    HttpResponse<String> again = http.post("/v1/payment_intents", PAY).key("order-1").send();
    assertThat(again.statusCode()).as("no fault, no key in use").isEqualTo(200);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(PaypercutHttp.json(again).get("id").asText()).as("ids restart").isEqualTo("pi_0000000001");
    assertError(http.get("/v1/account").account(connected).send(), 403, "invalid_request_error",
        "account_invalid", "Paypercut-Account");
  }

  /** A request without the Authorization header. */
  private static final class SandboxHttpNoAuth {
    static HttpResponse<String> get(String url) {
      return dev.paykit.sandbox.SandboxHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .GET().build());
    }
  }
}
