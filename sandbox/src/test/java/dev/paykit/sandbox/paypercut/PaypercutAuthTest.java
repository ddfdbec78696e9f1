package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test key and its prefix check, before anything else is looked at. */
class PaypercutAuthTest extends PaypercutSimulatorTestBase {

  private static HttpResponse<String> createIntent(String authorization) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(paypercut.baseUrl() + "/v1/payment_intents"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(PaypercutHttp.intent(100, "eur")));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return SandboxHttp.send(builder.build());
  }

  @Test
  void withoutAKeyItIsAuthenticationRequired() {
    assertError(createIntent(null), 401, "invalid_request_error", "authentication_required", null);
    assertThat(paypercut.paymentIntents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer sk_test_someone_else", "Bearer sk_test_paykit_sandboxx", "Bearer pk_test_x",
      "Basic c2tfdGVzdF9wYXlraXRfc2FuZGJveDo=", "sk_test_paykit_sandbox", "Bearer "})
  void anyOtherKeyIsAuthenticationInvalidAndNotEchoed(String authorization) {
    HttpResponse<String> response = createIntent(authorization);

    JsonNode error = assertError(response, 401, "invalid_request_error", "authentication_invalid", null);
    assertThat(error.get("message").asText()).doesNotContain("someone_else").doesNotContain("sandboxx");
    assertThat(paypercut.paymentIntents()).isEmpty();
  }

  @Test
  void aLiveKeyIsRefusedByItsPrefix() {
    JsonNode error = assertError(createIntent("Bearer sk_live_51abcdef"), 401, "invalid_request_error",
        "livemode_key_in_test_sandbox", null);

    assertThat(error.get("message").asText()).doesNotContain("51abcdef");
    assertThat(paypercut.paymentIntents()).isEmpty();
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(createIntent("bearer " + PaypercutSimulator.TEST_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void everyObjectIsTestMode() {
    assertThat(http.post("/v1/customers", "{}").ok().get("livemode").asBoolean()).isFalse();
    assertThat(paidIntent(100, "eur").get("livemode").asBoolean()).isFalse();
    assertThat(http.get("/v2/payments/pay_0000000001").ok().get("livemode").asBoolean()).isFalse();
    assertThat(http.get("/v1/payment_methods/pm_card_visa").ok().get("livemode").asBoolean()).isFalse();
  }

  @Test
  void anUnknownPathOrMethodIs404InPaypercutsShape() {
    assertError(http.get("/v1/charges").send(), 404, "invalid_request_error", null, null);
    assertError(http.delete("/v1/payment_intents/pi_1").send(), 404, "invalid_request_error", null, null);
  }
}
