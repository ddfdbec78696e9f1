package dev.paykit.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The application's own endpoints over paykit, with {@code paykit.problem-details.enabled}: a refused amount is a
 * 400 problem naming the field, and nothing reached the provider; a payment the provider does not know is a
 * 404 problem; the provider's message and the credentials are never in the answer. Over HTTP, as the
 * application's caller sees it.
 */
@PaykitBootTest
class ProblemDetailsTest extends Sandboxed {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Value("${local.server.port}") int port;

  private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRefusedAmountIsA400ProblemNamingTheFieldAndNothingIsSent() throws Exception {
    HttpResponse<String> answer = send("POST", "/checkout/order-p1?amount=-5");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:paykit:problem:validation-failed");
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("provider").asText()).isEqualTo("promptcash");
    assertThat(problem.path("violations").findValuesAsText("field")).contains("amount");
    assertThat(sentToPromptCash("/create-payment")).isEmpty();
  }

  @Test
  void aPaymentTheProviderDoesNotKnowIsA404ProblemWithoutTheProvidersMessage() throws Exception {
    HttpResponse<String> answer = send("GET", "/checkout/no-such-order");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:paykit:problem:not-found");
    assertThat(problem.path("operation").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain(PromptCashSimulator.SECRET_TOKEN)
        .doesNotContain(PromptCashSimulator.PUBLIC_TOKEN);
    assertThat(sentToPromptCash("/get-payment/no-such-order")).isNotEmpty();
  }
}
