package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.spring.boot.feign.PromptCashFeignConfiguration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
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
 * An application's global Feign default, meant for its other clients
 * ({@code spring.cloud.openfeign.client.config.default.retryer=feign.Retryer.Default}), does not reach
 * paykit's {@code @FeignClient}: a payment whose connection drops reaches the provider once and is
 * OUTCOME UNKNOWN (with Feign's retryer it reached the sandbox 5 times while paykit said "after 1 attempt").
 */
@SpringBootTest(classes = FeignClientGlobalDefaultsTest.App.class, properties = {
    "spring.main.banner-mode=off", "spring.mustache.check-template-location=false",
    "paykit.promptcash.retry.max-attempts=1",
    "spring.cloud.openfeign.client.config.default.retryer=feign.Retryer.Default",
    "spring.cloud.openfeign.client.config.default.error-decoder=feign.codec.ErrorDecoder$Default",
    "spring.cloud.openfeign.client.config.default.default-request-headers.X-Default-Header=for-other-clients",
    // the WARN naming each interceptor left out is expected here
    "logging.level.dev.paykit.spring.boot.feign.PaykitFeignParts=error"})
class FeignClientGlobalDefaultsTest {

  private static final Instant PINNED = Instant.ofEpochSecond(1763719200L);
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

    /** The application's interceptor for its internal services: Spring Cloud hands it to every Feign client. */
    @Bean
    feign.RequestInterceptor internalAuth() {
      return template -> template.header("X-Internal-Auth", "Bearer internal-service-token-1");
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

  @BeforeEach
  void reset() {
    SANDBOX.reset();
    SANDBOX.promptCash().clock(Clock.fixed(PINNED, ZoneOffset.UTC));
  }

  private static HttpRequest createPayment() {
    return request().withMethod("POST").withPath(PromptCashSimulator.PATH_PREFIX + "/create-payment");
  }

  @Test
  void theApplicationsInterceptorsAndDefaultHeadersNeverReachTheProviderAndErrorsStayTyped() {
    assertThat(payments.createPayment("order-8", new BigDecimal("2.50"), "USD", null, null, null, null, null, null)
        .getPayment().getTxId()).isEqualTo("order-8");
    assertThat(catchThrowable(() -> payments.getPayment("no-such-order", (Boolean) null)))
        .isInstanceOf(dev.paykit.core.NotFoundException.class);

    HttpRequest[] sent = SANDBOX.mockServer().retrieveRecordedRequests(
        request().withPath(PromptCashSimulator.PATH_PREFIX + "/.*"));
    assertThat(sent).hasSize(2);
    for (HttpRequest r : sent) {
      assertThat(r.getHeader("X-Internal-Auth")).isEmpty();
      assertThat(r.getHeader("X-Default-Header")).isEmpty();
    }
    assertThat(sent[0].getBodyAsString()).startsWith("token=" + PromptCashSimulator.PUBLIC_TOKEN + "&tx_id=order-8")
        .contains("&signature="); // paykit's own fields and signature still there
    assertThat(sent[0].getHeader("Authorization")).containsExactly(PromptCashSimulator.SECRET_TOKEN);
  }

  @Test
  void aPaymentWhoseConnectionDropsIsSentOnceAndOutcomeUnknown() {
    SANDBOX.mockServer().when(createPayment(), Times.unlimited(), TimeToLive.unlimited(), 1000)
        .error(HttpError.error().withDropConnection(true));

    Throwable thrown = catchThrowable(() -> payments.createPayment("order-9", new BigDecimal("1.00"), "USD",
        null, null, null, null, null, null));

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    assertThat(SANDBOX.mockServer().retrieveRecordedRequests(createPayment())).hasSize(1);
  }
}
