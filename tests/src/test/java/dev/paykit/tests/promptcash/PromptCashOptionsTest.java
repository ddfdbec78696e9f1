package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.TimeoutException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.SignatureScheme;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.support.ScriptedServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;

/** Per-client and per-call deadlines, views of a client, and closing it. */
class PromptCashOptionsTest extends PromptCashTestBase {

  private void answerLate(String path) {
    scripted.answer(PromptCashSimulator.PATH_PREFIX + path, Times.unlimited(),
        ScriptedServer.json(200, "{\"data\":{\"tx_id\":\"order-1\",\"status\":\"PENDING\"}}")
            .withDelay(Delay.delay(TimeUnit.SECONDS, 5)));
  }

  @Test
  void aViewWithAShortCallTimeoutEndsAReadByItsDeadlineWithoutRetrying() {
    answerLate("/get-payment/order-1");
    PromptCashClient quick = client.withOptions(RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> quick.payments().get("order-1"))
        .isInstanceOfSatisfying(TimeoutException.class, e -> {
          assertThat(e.getMessage()).contains("deadline");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(sent("/get-payment/order-1")).hasSize(1); // the deadline is spent: no second attempt
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void theClientsCallTimeoutBoundsAWriteWhoseOutcomeThenIsUnknown() {
    answerLate("/create-payment");
    PromptCashClient bounded = clientBuilder().signatureScheme(SignatureScheme.QUERY_STRING)
        .httpOptions(HttpOptions.defaults().withCallTimeout(Duration.ofMillis(300))).build();

    assertThatThrownBy(() -> bounded.payments().create(
        CreatePaymentRequest.builder("order-9", new BigDecimal("1.00"), "USD").build()))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.reference()).isEqualTo("order-9");
          assertThat(e.resolution()).contains("tx_id order-9").contains("getPayment");
          assertThat(e.getCause()).isInstanceOf(TimeoutException.class);
        });
    assertThat(sent("/create-payment")).hasSize(1);
  }

  @Test
  void aViewSharesTheClientAndLeavesItUnchanged() {
    PromptCashClient view = client.withOptions(RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).build());
    view.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("2.50"), "USD").build());

    assertThat(client.payments().get("order-1").getTxId()).isEqualTo("order-1");
    assertThat(view.baseUrl()).isEqualTo(client.baseUrl());
  }

  @Test
  void aClosedClientHasReleasedItsPoolAndStillAnswersNewCalls() {
    PromptCashClient own = clientBuilder().build();
    own.payments().create(CreatePaymentRequest.builder("order-2", new BigDecimal("2.50"), "USD").build());
    own.close();

    assertThat(client.payments().get("order-2").getTxId()).isEqualTo("order-2");
    assertThatThrownBy(() -> RequestOptions.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallsHeadersRideOnEveryAttemptAndTheSignatureStillCoversTheExactForm() {
    sim.enforceSignatures(true);
    sim.failNext(1, 503);

    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD")
        .description("Blue shirt").build(), RequestOptions.builder().header("X-Trace-Id", "trace-1").build());

    var attempts = sent("/create-payment");
    assertThat(attempts).hasSize(2);
    for (var a : attempts) {
      assertThat(a.getFirstHeader("X-Trace-Id")).isEqualTo("trace-1");
      // the derived fields are not in the generated signature: the pipeline fills them in the signing order
      assertThat(body(a)).startsWith("token=").contains("&tx_id=order-1&").contains("&time=").contains("&signature=");
    }
  }

  @Test
  void prompCashTakesNoIdempotencyKeyAndSaysWhatMakesItSafeToRepeat() {
    assertThatThrownBy(() -> client.payments().create(CreatePaymentRequest.builder("order-1",
        new BigDecimal("25.00"), "USD").build(), RequestOptions.ofIdempotencyKey("k-1")))
        .isInstanceOfSatisfying(dev.paykit.core.ValidationException.class, e -> {
          assertThat(e.violations()).extracting(dev.paykit.core.Violation::field, dev.paykit.core.Violation::rule)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("idempotencyKey", "unsupported"));
          assertThat(e.getMessage()).contains("repeat it with the same tx_id instead");
        });
    assertThat(sent("/create-payment")).isEmpty();
  }
}
