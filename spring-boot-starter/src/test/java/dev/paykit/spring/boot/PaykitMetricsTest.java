package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.ValidationException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot 3.5.7 application with actuator and Micrometer (Boot's own ObservationRegistry and
 * SimpleMeterRegistry) whose Prompt.Cash client calls the sandbox: each call is a {@code paykit.client.requests}
 * timer and each attempt a {@code paykit.client.attempts} timer, tagged as documented in README-metrics.md;
 * the observations nest (call, then its attempts) as a tracer sees them.
 */
@SpringBootTest(classes = PaykitMetricsTest.App.class,
    properties = {"spring.main.banner-mode=off", "spring.mustache.check-template-location=false",
        "paykit.promptcash.retry.max-attempts=3"})
class PaykitMetricsTest {

  private static final Instant PINNED = Instant.ofEpochSecond(1763719200L);
  private static final PaykitSandbox SANDBOX = PaykitSandbox.start();
  static final List<Duration> WAITS = new CopyOnWriteArrayList<>();
  /** "started name (parent name)" of every observation, in order. */
  static final List<String> OBSERVED = new CopyOnWriteArrayList<>();

  @SpringBootApplication
  static class App {
    @Bean
    PaykitClientBuilderCustomizer pinnedClockAndNoRealWaits() {
      return b -> b.clock(Clock.fixed(PINNED, ZoneOffset.UTC))
          .retryPolicy(b.retryPolicy().toBuilder().sleeper(WAITS::add).random(() -> 0.0).build());
    }

    @Bean
    RetryRegistry retryRegistry() {
      return RetryRegistry.ofDefaults();
    }

    /** What a tracing handler would see: Boot adds every ObservationHandler bean to its registry. */
    @Bean
    ObservationHandler<Observation.Context> recordingHandler() {
      return new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
          return context.getName().startsWith("paykit.");
        }

        @Override
        public void onStart(Observation.Context context) {
          io.micrometer.observation.ObservationView parent = context.getParentObservation();
          OBSERVED.add(context.getName() + " " + context.getContextualName()
              + (parent == null ? "" : " (in " + parent.getContextView().getContextualName() + ")"));
        }
      };
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
  @Autowired MeterRegistry meters;
  @Autowired RetryRegistry retries;

  @BeforeEach
  void reset() {
    SANDBOX.reset();
    SANDBOX.promptCash().clock(Clock.fixed(PINNED, ZoneOffset.UTC)).enforceSignatures(true);
    meters.clear();
    WAITS.clear();
    OBSERVED.clear();
  }

  private Timer timer(String name, String... tags) {
    return meters.get(name).tags(tags).timer();
  }

  private HttpRequest[] sent() {
    return SANDBOX.mockServer().retrieveRecordedRequests(HttpRequest.request()
        .withPath(PromptCashSimulator.PATH_PREFIX + "/.*"));
  }

  @Test
  void bootsOwnRegistriesAreUsed() {
    assertThat(meters).isInstanceOf(SimpleMeterRegistry.class);
  }

  @Test
  void aPaymentIsOneCallOfOneAttempt() {
    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());

    assertThat(timer("paykit.client.requests", "provider", "promptcash", "operation", "createPayment",
        "outcome", "SUCCESS", "status", "200", "exception", "none").count()).isEqualTo(1);
    assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "createPayment",
        "attempt", "1", "outcome", "SUCCESS", "status", "200", "exception", "none", "retry", "false").count())
        .isEqualTo(1);
    assertThat(meters.find("paykit.client.requests").timers()).hasSize(1);
    assertThat(meters.find("paykit.client.attempts").timers()).hasSize(1);
    assertThat(OBSERVED).containsExactly(
        "paykit.client.requests paykit promptcash createPayment",
        "paykit.client.attempts paykit promptcash createPayment attempt 1 (in paykit promptcash createPayment)");
    assertThat(sent()).hasSize(1);
  }

  @Test
  void aValidationRefusalIsTimedWithoutAnAttemptAndSendsNothing() {
    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("order-2", new BigDecimal("-5"), "USD").build()))
        .isInstanceOf(ValidationException.class);

    assertThat(timer("paykit.client.requests", "provider", "promptcash", "operation", "createPayment",
        "outcome", "VALIDATION_REFUSED", "status", "NONE", "exception", "ValidationException").count()).isEqualTo(1);
    assertThat(meters.find("paykit.client.attempts").timers()).isEmpty();
    assertThat(sent()).isEmpty();
  }

  @Test
  void aTypedProviderErrorIsOneFailedAttempt() {
    assertThatThrownBy(() -> client.payments().get("no-such-order")).isInstanceOf(NotFoundException.class);

    assertThat(timer("paykit.client.requests", "provider", "promptcash", "operation", "getPayment",
        "outcome", "PROVIDER_ERROR", "status", "404", "exception", "NotFoundException").count()).isEqualTo(1);
    assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "getPayment",
        "attempt", "1", "outcome", "PROVIDER_ERROR", "status", "404", "exception", "NotFoundException",
        "retry", "false").count()).isEqualTo(1);
    assertThat(sent()).hasSize(1);
  }

  @Test
  void threeServerErrorsOnAPaymentAreRetriesThenAnUnknownOutcome() {
    SANDBOX.promptCash().failNext(3, 500);

    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("order-3", new BigDecimal("10.00"), "USD").build()))
        .isInstanceOf(OutcomeUnknownException.class);

    assertThat(timer("paykit.client.requests", "provider", "promptcash", "operation", "createPayment",
        "outcome", "OUTCOME_UNKNOWN", "status", "500", "exception", "OutcomeUnknownException").count()).isEqualTo(1);
    for (String attempt : new String[] {"1", "2"}) {
      assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "createPayment",
          "attempt", attempt, "outcome", "PROVIDER_ERROR", "status", "500", "exception", "ServerException",
          "retry", "true").count()).as("attempt " + attempt).isEqualTo(1);
    }
    assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "createPayment",
        "attempt", "3", "outcome", "PROVIDER_ERROR", "status", "500", "exception", "ServerException",
        "retry", "false").count()).isEqualTo(1);
    assertThat(sent()).hasSize(3);
    assertThat(WAITS).hasSize(2);

    // The application's Resilience4j registry holds the client's Retry. Resilience4j files this call under
    // "failed without retry": paykit's retry predicate, not Resilience4j's attempt cap, ends the retries, and
    // Resilience4j counts a failure its predicate does not retry as one it never retried. The attempt timers
    // above are the reliable retry count.
    Retry retry = retries.retry("paykit.promptcash.createPayment");
    assertThat(retries.getAllRetries()).contains(retry);
    assertThat(retry.getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
    assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isZero();
  }

  @Test
  void aPaymentAnsweredAfterOneRetry() {
    SANDBOX.promptCash().failNext(1, 503);

    client.payments().create(CreatePaymentRequest.builder("order-4", new BigDecimal("10.00"), "USD").build());

    assertThat(timer("paykit.client.requests", "provider", "promptcash", "operation", "createPayment",
        "outcome", "SUCCESS", "status", "200", "exception", "none").count()).isEqualTo(1);
    assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "createPayment",
        "attempt", "1", "outcome", "PROVIDER_ERROR", "status", "503", "exception", "ServerException",
        "retry", "true").count()).isEqualTo(1);
    assertThat(timer("paykit.client.attempts", "provider", "promptcash", "operation", "createPayment",
        "attempt", "2", "outcome", "SUCCESS", "status", "200", "exception", "none", "retry", "false").count())
        .isEqualTo(1);
    assertThat(sent()).hasSize(2);
    assertThat(retries.retry("paykit.promptcash.createPayment").getMetrics()
        .getNumberOfSuccessfulCallsWithRetryAttempt()).isPositive();
  }
}
