package dev.paykit.tests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mockserver.matchers.Times;

/**
 * The sandbox extension: one sandbox for the run (the same instance in two classes), whatever a test
 * changed is gone in the next one, and one test's parameters share one pinned clock, sleeper and key
 * sequence.
 */
class SandboxExtensionTest {

  /** The sandbox the class that ran first saw; the other class must get the very same one. */
  private static PaykitSandbox first;

  private static void sameInBothClasses(PaykitSandbox sandbox) {
    if (first == null) {
      first = sandbox;
    } else {
      assertThat(sandbox).isSameAs(first);
    }
  }

  @Nested
  @SandboxTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class WhatATestChangesIsGoneInTheNext {

    private MutableClock beforeEachClock;

    @BeforeEach
    void capture(MutableClock clock) {
      beforeEachClock = clock;
    }

    @Test
    @Order(1)
    void changeEverything(PaykitSandbox sandbox, PromptCashSimulator promptCash, PrunnySimulator prunny,
        MutableClock clock) {
      sameInBothClasses(sandbox);
      client(sandbox, clock).payments().create(CreatePaymentRequest.builder("o-1", BigDecimal.ONE, "USD").build());
      promptCash.enforceSignatures(true).clock(clock).failNext(3, 503);
      prunny.clock(clock).transferLimit(BigDecimal.ONE).failNext(2, 500);
      sandbox.mockServer().when(request().withPath(PromptCashSimulator.PATH_PREFIX + "/get-payment/o-1"),
          Times.unlimited()).respond(response().withStatusCode(418));
      assertThat(promptCash.paymentCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startFromTheFixtures(PaykitSandbox sandbox, PromptCashSimulator promptCash, MutableClock clock) {
      sameInBothClasses(sandbox);
      assertThat(promptCash.paymentCount()).isZero();
      assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
      // no signature check, no queued 503, no scripted 418: the simulator answers at once
      assertThat(client(sandbox, clock).payments().create(
          CreatePaymentRequest.builder("o-1", BigDecimal.ONE, "USD").build()).createdByThisCall()).isTrue();
      assertThat(client(sandbox, clock).payments().get("o-1").getTxId()).isEqualTo("o-1");
      assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).hasSize(2);
    }

    @Test
    @Order(3)
    void oneTestsParametersShareOneClockSleeperAndKeys(MutableClock clock, RecordingSleeper sleeper,
        NumberedKeys keys) {
      assertThat(clock).isSameAs(beforeEachClock);
      assertThat(clock.instant()).isEqualTo(Instant.parse(SandboxTest.DEFAULT_CLOCK));
      sleeper.sleep(Duration.ofSeconds(2));
      assertThat(clock.instant()).isEqualTo(Instant.parse(SandboxTest.DEFAULT_CLOCK).plusSeconds(2));
      assertThat(keys.next()).hasToString(NumberedKeys.key(1));
      assertThat(keys.next()).hasToString("00000000-0000-0000-0000-000000000002");
      assertThat(keys.get()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void theNextTestGetsAFreshClockAndKeys(MutableClock clock, RecordingSleeper sleeper, NumberedKeys keys) {
      assertThat(clock.instant()).isEqualTo(Instant.parse(SandboxTest.DEFAULT_CLOCK));
      assertThat(sleeper.waits()).isEmpty();
      assertThat(keys.get()).isZero();
    }

    private PromptCashClient client(PaykitSandbox sandbox, MutableClock clock) {
      return PromptCashClient.builder().publicToken(PromptCashSimulator.PUBLIC_TOKEN)
          .secretToken(PromptCashSimulator.SECRET_TOKEN).baseUrl(sandbox.promptCash().baseUrl()).clock(clock).build();
    }
  }

  @Nested
  @SandboxTest(clock = "2025-11-21T10:00:00Z")
  class AnotherClass {

    @Test
    void getsTheSameSandboxResetAndItsOwnPinnedInstant(PaykitSandbox sandbox, MutableClock clock) {
      sameInBothClasses(sandbox);
      assertThat(sandbox.promptCash().paymentCount()).isZero();
      assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(1763719200L));
    }
  }
}
