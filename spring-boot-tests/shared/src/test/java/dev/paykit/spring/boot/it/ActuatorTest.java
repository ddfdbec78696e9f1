package dev.paykit.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.ServerException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * (c) paykit's credentials are masked in {@code /actuator/env} and {@code /actuator/configprops} even with
 * {@code show-values: always} (application.yml); (d) the {@code paykit.client.requests} timer is in
 * {@code /actuator/metrics}; and the opt-in health of Prompt.Cash is in {@code /actuator/health} — all read
 * over HTTP from the running application, as an operator would.
 */
@PaykitBootTest
class ActuatorTest extends Sandboxed {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Value("${local.server.port}") int port;
  @Autowired PromptCashClient promptCash;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void clearMeters() {
    meters.clear();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void assertNoSecret(String body) {
    assertThat(body).doesNotContain(PromptCashSimulator.SECRET_TOKEN)
        .doesNotContain(PromptCashSimulator.PUBLIC_TOKEN)
        .doesNotContain(PrunnySimulator.API_KEY);
  }

  @Test
  void envShowsValuesButNotPaykitsCredentials() throws Exception {
    String body = get("/actuator/env").body();
    assertThat(body).contains("paykitSandbox")                 // the slice's property source is listed...
        .contains(sandbox.promptCash().baseUrl())              // ...with its values shown...
        .contains("paykit.promptcash.secret-token", "paykit.prunny.api-key"); // ...and the credentials' names
    assertNoSecret(body);                                      // ...but not their values
    assertThat(getJson("/actuator/env/paykit.prunny.api-key").path("property").path("value").asText())
        .isEqualTo("******");
  }

  @Test
  void configpropsShowsValuesButNotPaykitsCredentials() throws Exception {
    String body = get("/actuator/configprops").body();
    assertThat(body).contains("paykit.promptcash", "paykit.prunny").contains(sandbox.prunny().baseUrl());
    assertNoSecret(body);
    // each credential as a property and as an input (value and origin): every value masked
    JsonNode report = getJson("/actuator/configprops");
    List<String> masked = new ArrayList<>();
    for (String name : new String[] {"secretToken", "publicToken", "apiKey"}) {
      report.findValues(name).forEach(v -> masked.add(v.isObject() ? v.path("value").asText() : v.asText()));
    }
    assertThat(masked).hasSize(6).containsOnly("******");
  }

  @Test
  void theRequestsTimerIsInActuatorMetrics() throws Exception {
    promptCash.payments().create(CreatePaymentRequest.builder("order-9", new BigDecimal("3.00"), "USD").build());
    assertThatThrownBy(() -> promptCash.payments().get("no-such-order")).isInstanceOf(NotFoundException.class);

    JsonNode all = getJson("/actuator/metrics");
    assertThat(all.path("names").toString()).contains("\"paykit.client.requests\"", "\"paykit.client.attempts\"");

    JsonNode created = getJson("/actuator/metrics/paykit.client.requests"
        + "?tag=provider:promptcash&tag=operation:createPayment&tag=outcome:SUCCESS&tag=status:200");
    assertThat(count(created)).isEqualTo(1.0);
    JsonNode missing = getJson("/actuator/metrics/paykit.client.requests"
        + "?tag=operation:getPayment&tag=outcome:PROVIDER_ERROR&tag=exception:NotFoundException&tag=status:404");
    assertThat(count(missing)).isEqualTo(1.0);
    List<String> tags = new ArrayList<>();
    getJson("/actuator/metrics/paykit.client.requests").path("availableTags")
        .forEach(t -> tags.add(t.path("tag").asText()));
    assertThat(tags).contains("provider", "operation", "outcome", "status", "exception");
  }

  private static double count(JsonNode metric) {
    for (JsonNode m : metric.path("measurements")) {
      if ("COUNT".equals(m.path("statistic").asText())) {
        return m.path("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + metric);
  }

  @Test
  void promptCashsOptInHealthIsInActuatorHealth() throws Exception {
    promptCash.payments().create(CreatePaymentRequest.builder("order-10", new BigDecimal("3.00"), "USD").build());
    int before = sandbox.mockServer().retrieveRecordedRequests(null).length;

    JsonNode health = getJson("/actuator/health/paykit/promptcash");
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("lastOutcome").asText()).isEqualTo("SUCCESS");
    assertThat(health.path("details").path("lastStatus").asText()).isEqualTo("200");
    assertThat(health.path("details").path("failuresInARow").asInt(-1)).isZero();
    // judged from the client's own calls: checking health sent nothing
    assertThat(sandbox.mockServer().retrieveRecordedRequests(null)).hasSize(before);
    assertThat(getJson("/actuator/health").path("components").has("paykit")).isTrue();
  }

  @Test
  void threeServerErrorsInARowMakePromptCashDownAndAnAnswerUpAgain() throws Exception {
    sandbox.promptCash().failNext(3, 500);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> promptCash.payments().get("order-x")).isInstanceOf(ServerException.class);
    }

    HttpResponse<String> down = get("/actuator/health/paykit/promptcash");
    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
    JsonNode health = JSON.readTree(down.body());
    assertThat(health.path("status").asText()).isEqualTo("DOWN");
    assertThat(health.path("details").path("failuresInARow").asInt()).isEqualTo(3);
    assertThat(health.path("details").path("lastStatus").asText()).isEqualTo("500");
    assertThat(get("/actuator/health").statusCode()).isEqualTo(503);

    promptCash.payments().create(CreatePaymentRequest.builder("order-11", new BigDecimal("3.00"), "USD").build());
    assertThat(getJson("/actuator/health/paykit/promptcash").path("status").asText()).isEqualTo("UP");
  }
}
