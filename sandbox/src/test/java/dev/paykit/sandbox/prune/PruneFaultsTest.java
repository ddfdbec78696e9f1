package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Injected faults: failures before processing, and answers cut after the transfer or payout was booked. */
class PruneFaultsTest extends PruneSimulatorTestBase {
  private static final String SEND = "/v1/accounts/send";

  @Test
  void anInjectedFailureIsTheEnvelopeAndBooksNothing() {
    prune.failNext(1, 503, Duration.ofMillis(1500));

    HttpResponse<String> response = http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "10.00", "x"));

    JsonNode body = failure(response, 503);
    assertThat(body.get("message").asText()).contains("injected fault");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(prune.transfers()).isEmpty();
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("5000.00");
    success(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "10.00", "x")), 202);
  }

  @Test
  void anInjectedFailureComesBeforeAuthentication() {
    prune.failNext(1, 500);

    failure(http.get("/v1/accounts?currency=EUR", null), 500);
    failure(http.get("/v1/accounts?currency=EUR", null), 401);
  }

  @Test
  void theConnectionDropsAfterTheTransferWasBooked() {
    prune.dropConnectionAfterBookingNextTransfer();
    success(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "/balance"), 200); // reads pass untouched
    failure(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "99999.00", "too much")), 400); // so do refusals

    assertThatThrownBy(() -> SandboxHttp.sendRaw(
        http.postJsonRequest(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "250.00", "cut"), PruneHttp.TEST)))
        .isInstanceOf(IOException.class);

    assertThat(prune.transfers()).singleElement().satisfies(b -> {
      assertThat(b.reference()).isEqualTo("cut");
      assertThat(b.status()).isEqualTo("PENDING");
    });
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("4750.00");
    assertThat(success(http.get("/v1/accounts/transactions/1001/status"), 200).get("data").asText())
        .isEqualTo("PENDING");
    success(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "next")), 202);
  }

  @Test
  void theConnectionDropsAfterThePayoutWasBookedNotAfterATransfer() {
    prune.dropConnectionAfterBookingNextPayout();
    success(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "t")), 202);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(
        http.postJsonRequest("/v1/payout/disburse", PruneHttp.disburse("10.00", "cut"), PruneHttp.TEST)))
        .isInstanceOf(IOException.class);

    assertThat(prune.payouts()).singleElement().satisfies(b -> assertThat(b.reference()).isEqualTo("cut"));
    assertThat(prune.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo("99990.00");
  }

  @Test
  void aDroppedConnectionAfterAnyRequestStillProcessesIt() {
    prune.dropConnectionAfterProcessingNext(1);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(http.request("/v1/accounts?currency=EUR", PruneHttp.TEST)
        .GET().build())).isInstanceOf(IOException.class);
    success(http.get("/v1/accounts?currency=EUR"), 200);
  }

  @Test
  void resetForgetsQueuedFaultsCutsAndSettings() {
    prune.failNext(2, 500);
    prune.dropConnectionAfterBookingNextTransfer();
    prune.trustedBusiness(false).pageSize(1).failuresWithHttp200(true);

    sandbox.reset();

    success(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "t")), 202);
    assertThat(success(http.get("/v1/accounts?currency=EUR"), 200).get("data")).hasSize(3);
    failure(http.get("/v1/accounts/requests/none"), 404);
    assertThat(success(http.post("/v1/accounts/request-account", PruneHttp.individual("A")), 201)
        .at("/data/requestStatus").asText()).isEqualTo("INPROGRESS");
  }

  @Test
  void controlsRejectNonsense() {
    assertThatThrownBy(() -> prune.pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prune.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prune.setBalance(PruneSimulator.ACCOUNT_EUR, new java.math.BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prune.setBalance(PruneSimulator.ACCOUNT_EUR, new java.math.BigDecimal("1.001")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prune.setAccountStatus(PruneSimulator.ACCOUNT_EUR, "CLOSED"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prune.balance("nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
