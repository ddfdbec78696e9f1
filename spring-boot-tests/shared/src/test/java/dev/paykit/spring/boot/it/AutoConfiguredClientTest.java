package dev.paykit.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;

/** (b) The starter's auto-configured clients, injected, work against the sandbox the test slice started. */
@PaykitBootTest
class AutoConfiguredClientTest extends Sandboxed {

  @Autowired PromptCashClient promptCash;
  @Autowired PrunnyClient prunny;

  @Test
  void theSliceStartedTheSandboxAndPointedTheClientsAtIt() {
    assertThat(promptCash.baseUrl()).isEqualTo(sandbox.promptCash().baseUrl());
    assertThat(prunny.baseUrl()).isEqualTo(sandbox.prunny().baseUrl());
  }

  @Test
  void aPromptCashPaymentThroughTheInjectedClient() {
    promptCash.payments().create(CreatePaymentRequest.builder("order-7", new BigDecimal("12.50"), "USD").build());

    assertThat(sandbox.promptCash().payment("order-7")).isPresent();
    HttpRequest[] requests = sentToPromptCash("/create-payment");
    assertThat(requests).hasSize(1);
    assertThat(requests[0].getBodyAsString())
        .startsWith("token=1-sandboxPub&tx_id=order-7&amount=12.50&currency=USD&time=1763719200&signature=");
  }

  @Test
  void aPrunnyReadThroughTheInjectedClient() {
    assertThat(prunny.accounts().listTypes(null, null).getData()).isNotEmpty();

    HttpRequest[] requests = sent(PrunnySimulator.PATH_PREFIX + "/.*");
    assertThat(requests).hasSize(1);
    assertThat(requests[0].getHeader("Authorization")).containsExactly("Bearer " + PrunnySimulator.API_KEY);
  }
}
