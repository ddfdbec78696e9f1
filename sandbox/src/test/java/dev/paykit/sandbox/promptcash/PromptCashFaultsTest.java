package dev.paykit.sandbox.promptcash;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.sandbox.SandboxHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCashFaultsTest extends PromptCashSimulatorTestBase {
  private static HttpRequest createPayment(String txId) {
    return http.post("/create-payment",
        form("token", PromptCashSimulator.PUBLIC_TOKEN, "tx_id", txId, "amount", "5.00",
            "currency", "USD"),
        PromptCashSimulator.SECRET_TOKEN);
  }

  @Test
  void failNextAnswersTheStatusWithoutTouchingState() {
    sandbox.promptCash().failNext(2, 503, Duration.ofMillis(2500));

    HttpResponse<String> first = SandboxHttp.send(createPayment("order-1"));
    HttpResponse<String> second = SandboxHttp.send(createPayment("order-1"));
    int countWhileFailing = sandbox.promptCash().paymentCount();
    HttpResponse<String> third = SandboxHttp.send(createPayment("order-1"));

    for (HttpResponse<String> failed : List.of(first, second)) {
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(json(failed).get("error").asText()).contains("503");
    }
    assertThat(countWhileFailing).isZero();
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(json(third).get("existing").asBoolean()).isFalse();
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  void failNextComesBeforeAuthenticationAndHasNoRetryAfterUnlessAsked() {
    sandbox.promptCash().failNext(1, 500);

    HttpResponse<String> response = SandboxHttp.send(http.get("/get-payments", null));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  /**
   * The server stores the payment, then cuts the response: the client sees an IOException for a
   * request that did take effect. A repeat must then find the payment (existing:true).
   */
  @Test
  void dropConnectionAfterProcessingStoresThePaymentOnceAndTheClientSeesAnIoException() {
    sandbox.promptCash().dropConnectionAfterProcessingNext(1);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(createPayment("order-9")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fixed content-length");

    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
    assertThat(sandbox.promptCash().payment("order-9")).isPresent();
    assertThat(sandbox.mockServer().retrieveRecordedRequests(
        request().withMethod("POST").withPath(PromptCashSimulator.PATH_PREFIX + "/create-payment")))
        .hasSize(1);

    HttpResponse<String> retry = SandboxHttp.send(createPayment("order-9"));
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(json(retry).get("existing").asBoolean()).isTrue();
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  void faultsAreConsumedInTheOrderTheyWereQueued() {
    sandbox.promptCash().failNext(1, 429);
    sandbox.promptCash().dropConnectionAfterProcessingNext(1);

    HttpResponse<String> first = SandboxHttp.send(createPayment("a"));
    assertThatThrownBy(() -> SandboxHttp.sendRaw(createPayment("b"))).isInstanceOf(IOException.class);
    HttpResponse<String> third = SandboxHttp.send(createPayment("c"));

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(sandbox.promptCash().payment("a")).isEmpty();
    assertThat(sandbox.promptCash().payment("b")).isPresent();
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(2);
  }

  @Test
  void resetDiscardsQueuedFaults() {
    sandbox.promptCash().failNext(3, 503);

    sandbox.reset();

    assertThat(SandboxHttp.send(http.get("/get-payments", PromptCashSimulator.SECRET_TOKEN))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsNonsenseArguments() {
    PromptCashSimulator simulator = sandbox.promptCash();

    assertThatThrownBy(() -> simulator.failNext(-1, 503)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.failNext(1, 503, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.dropConnectionAfterProcessingNext(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
