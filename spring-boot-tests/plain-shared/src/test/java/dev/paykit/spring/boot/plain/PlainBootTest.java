package dev.paykit.spring.boot.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.NotFoundException;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prune.PruneClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.spring.boot.test.AutoConfigurePaykitSandbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A plain Boot application (no Spring Cloud, no actuator, no Micrometer registry) with all five providers
 * configured, health asked for: it starts, builds every client and calls the sandbox. Here only the starter's
 * published dependencies decide paykit's versions (nearest-first mediation): when the starter declared
 * feign-form itself, its feign-core 13.6 won beside feign-jackson 13.13 and no PrunnyClient or PtApiClient
 * could be built ({@code NoClassDefFoundError: feign/codec/JsonEncoder}).
 */
@SpringBootTest(properties = {"spring.main.banner-mode=off",
    "paykit.promptcash.health.enabled=true", "paykit.prunny.health.enabled=true", "paykit.promptcash.retry.max-attempts=1"})
@AutoConfigurePaykitSandbox
class PlainBootTest {

  @SpringBootApplication
  static class App {}

  @Autowired ApplicationContext context;
  @Autowired PaykitSandbox sandbox;

  @Test
  void everyProvidersClientIsBuilt() {
    for (Class<?> type : new Class<?>[] {PromptCashClient.class, PrunnyClient.class, PaypercutClient.class,
        PruneClient.class, PtApiClient.class}) {
      assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).hasSize(1);
    }
  }

  @Test
  void aFormEncodedPaymentIsCreated() {
    context.getBean(PromptCashClient.class).payments().create(
        CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").description("Blue shirt").build());
    HttpRequest[] sent = sandbox.mockServer().retrieveRecordedRequests(
        request().withPath(PromptCashSimulator.PATH_PREFIX + "/create-payment"));
    assertThat(sent).hasSize(1);
    assertThat(new String(sent[0].getBodyAsRawBytes(), StandardCharsets.UTF_8))
        .startsWith("token=" + PromptCashSimulator.PUBLIC_TOKEN + "&tx_id=order-1&amount=25.00&currency=USD&desc=Blue+shirt&time=");
    assertThat(sandbox.promptCash().payment("order-1")).isPresent();
  }

  @Test
  void aClientReachesTheSandbox() {
    assertThatThrownBy(() -> context.getBean(PromptCashClient.class).payments().get("no-such-order"))
        .isInstanceOf(NotFoundException.class);
    assertThat(sandbox.mockServer().retrieveRecordedRequests(
        request().withPath(PromptCashSimulator.PATH_PREFIX + "/get-payment/no-such-order"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.springframework.cloud.openfeign.FeignClient", "io.micrometer.core.instrument.MeterRegistry",
      "org.springframework.boot.actuate.health.HealthIndicator", "org.springframework.boot.health.contributor.HealthIndicator"})
  void theOptionalIntegrationsAreAbsent(String className) {
    assertThat(present(className)).as(className).isFalse();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, PlainBootTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
