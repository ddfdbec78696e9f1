package dev.paykit.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A Spring Boot 3.5.7 application with the starter: the slice starts the sandbox, the starter's Prompt.Cash and
 * Prunny clients talk to it (the application's own wrong credential is overridden), Paypercut (not listed)
 * gets no client, and the sandbox is reset before each test.
 */
@SpringBootTest(classes = AutoConfigurePaykitSandboxTest.App.class, properties = {
    "spring.main.banner-mode=off",
    "paykit.promptcash.secret-token=the-applications-production-token",
    "paykit.promptcash.retry.max-attempts=1"})
@AutoConfigurePaykitSandbox(providers = {SandboxProvider.PROMPTCASH, SandboxProvider.PRUNNY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigurePaykitSandboxTest {

  @SpringBootApplication
  static class App {}

  @Autowired PaykitSandbox sandbox;
  @Autowired PromptCashClient promptCash;
  @Autowired PrunnyClient prunny;
  @Autowired ObjectProvider<PaypercutClient> paypercut;
  @Autowired Environment environment;

  private HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(PromptCashSimulator.PATH_PREFIX + path));
  }

  @Test
  @Order(1)
  void theStartersClientsPointAtTheSandbox() {
    assertThat(environment.getProperty("paykit.promptcash.base-url")).isEqualTo(sandbox.promptCash().baseUrl())
        .startsWith("http://127.0.0.1:" + sandbox.port() + "/");
    assertThat(environment.getProperty("paykit.promptcash.secret-token")).isEqualTo(PromptCashSimulator.SECRET_TOKEN);
    assertThat(environment.getProperty("paykit.promptcash.retry.max-attempts")).isEqualTo("1"); // the application's
    assertThat(environment.getProperty("paykit.prunny.api-key")).isEqualTo(PrunnySimulator.API_KEY);
    assertThat(promptCash.baseUrl()).isEqualTo(sandbox.promptCash().baseUrl());
    assertThat(prunny.baseUrl()).isEqualTo(sandbox.prunny().baseUrl());
    assertThat(paypercut.getIfAvailable()).isNull();
    assertThat(environment.containsProperty("paykit.paypercut.base-url")).isFalse();
  }

  @Test
  @Order(2)
  void aPaymentReachesTheSandboxSigned() {
    promptCash.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());

    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
    HttpRequest[] requests = sent("/create-payment");
    assertThat(requests).hasSize(1);
    assertThat(requests[0].getHeader("Authorization")).containsExactly(PromptCashSimulator.SECRET_TOKEN);
    assertThat(new String(requests[0].getBodyAsRawBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("token=" + PromptCashSimulator.PUBLIC_TOKEN + "&tx_id=order-1&amount=25.00&currency=USD")
        .containsPattern("&time=\\d+&signature=[0-9a-f]{64}$");
  }

  @Test
  @Order(3)
  void theSandboxIsResetBeforeEachTest() {
    // the payment and the request of the test before are gone
    assertThat(sandbox.promptCash().paymentCount()).isZero();
    assertThat(sent("/create-payment")).isEmpty();
    promptCash.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }
}
