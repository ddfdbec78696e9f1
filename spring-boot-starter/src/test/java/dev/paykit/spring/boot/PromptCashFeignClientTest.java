package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.ValidationException;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.spring.boot.feign.PromptCashFeignConfiguration;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application (Boot 3.5.7, Spring Cloud 2025.0.0, their managed versions) whose
 * {@code @FeignClient} over the generated {@code PaymentsApi} gets paykit's whole pipeline through
 * {@link PromptCashFeignConfiguration}: auth, public token, time and signature filled, validation before
 * sending, typed errors.
 */
@SpringBootTest(classes = PromptCashFeignClientTest.App.class,
    properties = {"spring.main.banner-mode=off", "spring.mustache.check-template-location=false"})
class PromptCashFeignClientTest {

  /** 2025-11-21T10:00:00Z. */
  private static final Instant PINNED = Instant.ofEpochSecond(1763719200L);

  /**
   * printf '%s' 'sandbox-secret-tokentoken=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue shirt&time=1763719200' | sha256sum
   */
  private static final String SIGNATURE_ORDER_1 =
      "95346227cf04277f0c6ce47cff64f0298d937a1469ba3c74e24dd429eba9fbc2";

  private static final PaykitSandbox SANDBOX = PaykitSandbox.start();

  @FeignClient(name = "promptcash-payments", url = "${paykit.promptcash.base-url}",
      configuration = PromptCashFeignConfiguration.class)
  interface Payments extends dev.paykit.promptcash.api.PaymentsApi {}

  @SpringBootApplication
  @EnableFeignClients(clients = Payments.class)
  static class App {
    @Bean
    PaykitClientBuilderCustomizer pinnedClock() {
      return b -> b.clock(Clock.fixed(PINNED, ZoneOffset.UTC));
    }
  }

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry r) {
    r.add("paykit.promptcash.base-url", () -> SANDBOX.promptCash().baseUrl());
    r.add("paykit.promptcash.secret-token", () -> PromptCashSimulator.SECRET_TOKEN);
    r.add("paykit.promptcash.public-token", () -> PromptCashSimulator.PUBLIC_TOKEN);
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Autowired Payments payments;
  @Autowired PromptCashClient client;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  @BeforeEach
  void reset() {
    SANDBOX.reset();
    SANDBOX.promptCash().clock(Clock.fixed(PINNED, ZoneOffset.UTC)).enforceSignatures(true);
  }

  private static HttpRequest[] sent(String path) {
    return SANDBOX.mockServer().retrieveRecordedRequests(request().withPath(PromptCashSimulator.PATH_PREFIX + path));
  }

  @Test
  void theFeignClientIsNotThePaykitClientsOwnProxy() {
    assertThat(payments).isNotSameAs(client.api(dev.paykit.promptcash.api.PaymentsApi.class));
  }

  @Test
  void createsASignedPaymentInTheSandbox() {
    CreatePaymentResponse created = payments.createPayment("order-1", new BigDecimal("25.00"), "USD", null,
        "Blue shirt", null, null, null, null);

    assertThat(SANDBOX.promptCash().paymentCount()).isEqualTo(1);
    assertThat(SANDBOX.promptCash().payment("order-1")).isPresent();
    assertThat(created).isNotNull();
    HttpRequest[] requests = sent("/create-payment");
    assertThat(requests).hasSize(1);
    String body = new String(requests[0].getBodyAsRawBytes(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("token=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue")
        .contains("&time=1763719200").endsWith("&signature=" + SIGNATURE_ORDER_1);
    assertThat(requests[0].getHeader("Authorization")).containsExactly(PromptCashSimulator.SECRET_TOKEN);
    // read back through the same @FeignClient
    assertThat(payments.getPayment("order-1", (Boolean) null).getData().getTxId()).isEqualTo("order-1");
  }

  @Test
  void anInvalidAmountIsRefusedBeforeSending() {
    assertThatThrownBy(() -> payments.createPayment("order-2", new BigDecimal("-5"), "USD", null, null, null,
        null, null, null))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.violations()).anySatisfy(v -> assertThat(v.toString()).contains("amount")));
    assertThat(sent("/create-payment")).isEmpty();
    assertThat(SANDBOX.promptCash().paymentCount()).isZero();
  }

  @Test
  void aProviderErrorIsTyped() {
    assertThatThrownBy(() -> payments.getPayment("no-such-order", (Boolean) null))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.provider()).isEqualTo("promptcash");
          assertThat(e.getMessage()).doesNotContain(PromptCashSimulator.SECRET_TOKEN);
        });
    assertThat(sent("/get-payment/no-such-order")).hasSize(1); // a 404 is not retried
  }

  @Test
  void theFeignClientsCallsAreTimedLikeTheClientsOwn() {
    meters.clear();
    assertThatThrownBy(() -> payments.getPayment("no-such-order", (Boolean) null)).isInstanceOf(NotFoundException.class);
    assertThat(meters.get("paykit.client.requests").tags("provider", "promptcash", "operation", "getPayment",
        "outcome", "PROVIDER_ERROR", "status", "404", "exception", "NotFoundException").timer().count()).isEqualTo(1);
    assertThat(meters.get("paykit.client.attempts").tags("attempt", "1", "retry", "false").timer().count())
        .isEqualTo(1);
  }
}
