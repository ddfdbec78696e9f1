package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.ServerException;
import dev.paykit.core.ValidationException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.spring.boot.health.PaykitCallHistory;
import dev.paykit.spring.boot.health.PaykitHealthAutoConfiguration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot 3.5.7 application with actuator, Prompt.Cash's health on and Prunny's left off: the health
 * follows the client's own calls, and checking it sends nothing to the sandbox.
 */
@SpringBootTest(classes = PaykitHealthTest.App.class,
    properties = {"spring.main.banner-mode=off", "spring.mustache.check-template-location=false",
        "management.endpoint.health.show-details=always",
        "paykit.promptcash.health.enabled=true", "paykit.promptcash.retry.max-attempts=1",
        "paykit.prunny.api-key=prunny-key-5521", "paykit.prunny.base-url=http://127.0.0.1:1/prunny"})
class PaykitHealthTest {

  private static final Instant PINNED = Instant.ofEpochSecond(1763719200L);
  private static final PaykitSandbox SANDBOX = PaykitSandbox.start();

  @SpringBootApplication
  static class App {
    @Bean
    Clock clock() {
      return Clock.fixed(PINNED, ZoneOffset.UTC);
    }

    @Bean
    PaykitClientBuilderCustomizer pinnedClock(Clock clock) {
      return b -> b.clock(clock);
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

  @Autowired PromptCashClient client;
  @Autowired HealthEndpoint health;
  @Autowired PaykitCallHistory history;

  @BeforeEach
  void reset() {
    SANDBOX.reset();
    SANDBOX.promptCash().clock(Clock.fixed(PINNED, ZoneOffset.UTC));
  }

  private int requestsSeen() {
    return SANDBOX.mockServer().retrieveRecordedRequests(HttpRequest.request()).length;
  }

  /** Checks health, asserting that doing so sent nothing. */
  private Health promptCash() {
    int before = requestsSeen();
    HealthComponent whole = health.health();
    HealthComponent one = health.healthForPath("paykit", "promptcash");
    assertThat(requestsSeen()).as("requests sent by checking health").isEqualTo(before);
    assertThat(whole).isNotNull();
    return (Health) one;
  }

  @Test
  void unknownBeforeAnyCallUpAfterAnAnswerDownAfterThreeFailuresInARowUpAgainAfterAnAnswer() {
    assertThat(history.providers()).containsExactly("promptcash");
    Health h = promptCash();
    // the only test of this class that calls the provider: nothing was called before
    assertThat(h.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(h.getDetails()).doesNotContainKey("lastOutcome").containsEntry("failuresInARow", 0);

    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());
    h = promptCash();
    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(h.getDetails()).containsEntry("lastOutcome", "SUCCESS").containsEntry("lastStatus", "200")
        .containsEntry("lastCallAt", "2025-11-21T10:00:00Z").containsEntry("failuresInARow", 0);

    SANDBOX.promptCash().failNext(3, 503);
    for (int i = 1; i <= 3; i++) {
      assertThatThrownBy(() -> client.payments().get("order-1")).isInstanceOf(ServerException.class);
      assertThat(promptCash().getStatus()).as("after %d failures", i).isEqualTo(i < 3 ? Status.UP : Status.DOWN);
    }
    assertThat(promptCash().getDetails()).containsEntry("lastOutcome", "PROVIDER_ERROR")
        .containsEntry("lastStatus", "503").containsEntry("failuresInARow", 3).containsEntry("failureThreshold", 3);

    // a refusal before sending says nothing about the provider
    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("order-2", new BigDecimal("-5"), "USD").build()))
        .isInstanceOf(ValidationException.class);
    assertThat(promptCash().getStatus()).isEqualTo(Status.DOWN);

    // a 404 is an answer: the provider works
    assertThatThrownBy(() -> client.payments().get("no-such-order")).isInstanceOf(NotFoundException.class);
    h = promptCash();
    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(h.getDetails()).containsEntry("lastStatus", "404").containsEntry("failuresInARow", 0);
  }

  @Test
  void onlyTheProvidersThatAskForIt() {
    assertThat(health.healthForPath("paykit", "prunny")).isNull();
    assertThat(health.healthForPath("paykit", "promptcash")).isNotNull();
  }

  private static final ApplicationContextRunner RUNNER = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class, PaykitHealthAutoConfiguration.class))
      .withPropertyValues("paykit.prunny.api-key=k", "paykit.prunny.base-url=http://127.0.0.1:1/prunny");

  @Test
  void offByDefault() {
    RUNNER.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(PaykitCallHistory.class)
        .doesNotHaveBean("paykitHealthContributor"));
    // on for a provider without a client: nothing to judge
    RUNNER.withPropertyValues("paykit.promptcash.health.enabled=true")
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(PaykitCallHistory.class));
  }

  @Test
  void onWhenAsked() {
    RUNNER.withPropertyValues("paykit.prunny.health.enabled=true", "paykit.prunny.health.failure-threshold=5")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(PaykitCallHistory.class);
          assertThat(ctx.getBean(PaykitCallHistory.class).snapshot("prunny"))
              .isEqualTo(new PaykitCallHistory.Snapshot("prunny", PaykitCallHistory.State.UNKNOWN, 0, 5, null, 0, null));
          assertThat(ctx.getBean("paykitHealthContributor", CompositeHealthContributor.class)
              .getContributor("prunny")).isNotNull();
        });
  }

  @Test
  void withoutBoot3sHealthApiTheStarterStillStarts() {
    RUNNER.withPropertyValues("paykit.prunny.health.enabled=true")
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health"))
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(PaykitCallHistory.class)
            .doesNotHaveBean("paykitHealthContributor"));
  }

  @Test
  void aThresholdBelowOneFailsStartup() {
    RUNNER.withPropertyValues("paykit.prunny.health.enabled=true", "paykit.prunny.health.failure-threshold=0")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("paykit.prunny.health.failure-threshold"));
  }

  @Test
  void historyIgnoresOtherProviders() {
    PaykitCallHistory h = new PaykitCallHistory(Map.of("prune", 1), Clock.fixed(PINNED, ZoneOffset.UTC));
    assertThat(h.callStarted("prunny", "x")).isSameAs(dev.paykit.core.CallObserver.Call.NONE);
    assertThatThrownBy(() -> h.snapshot("prunny")).isInstanceOf(IllegalArgumentException.class);
  }
}
