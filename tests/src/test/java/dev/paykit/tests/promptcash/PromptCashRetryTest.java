package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.TransportException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.Payment;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Retries never pay twice: only safe operations are repeated, with fresh time and signature per attempt. */
class PromptCashRetryTest extends PromptCashTestBase {

  private static CreatePaymentRequest order(String txId) {
    return CreatePaymentRequest.builder(txId, new BigDecimal("12.34"), "USD").build();
  }

  @Test
  void twoServiceUnavailableThenSuccessIsThreeAttemptsAndOneResult() {
    client.payments().create(order("order-1"));
    sim.failNext(2, 503);

    Payment p = client.payments().get("order-1");

    assertThat(p.getTxId()).isEqualTo("order-1");
    assertThat(sent("/get-payment/order-1")).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void aConnectionDroppedAfterTheSandboxCreatedThePaymentIsRetriedAndFindsTheSamePayment() {
    sim.enforceSignatures(true);
    PromptCashClient slowRetry = clientBuilder().retryPolicy(RetryPolicy.builder().sleeper(sleeper)
        .random(() -> 0.0).initialBackoff(Duration.ofSeconds(2)).build()).build();
    sim.dropConnectionAfterProcessingNext(1);

    CreatePaymentResponse created = slowRetry.payments().create(order("order-7"));

    assertThat(created.getExisting()).isTrue();
    assertThat(created.getPayment().getTxId()).isEqualTo("order-7");
    assertThat(sim.paymentCount()).isEqualTo(1);
    HttpRequest[] attempts = sent("/create-payment");
    assertThat(attempts).hasSize(2);
    // time and signature are made per attempt: the second attempt is 2 s later and signed again
    assertThat(body(attempts[0])).contains("&time=" + PINNED_TIME + "&signature=");
    assertThat(body(attempts[1])).contains("&time=" + (PINNED_TIME + 2) + "&signature=");
    assertThat(signatureOf(attempts[0])).isNotEqualTo(signatureOf(attempts[1]));
  }

  @Test
  void shortUrlCreateIsNotRetriedAfterAServerError() {
    sim.failNext(1, 503);

    assertThatThrownBy(() -> client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com"))))
        .isInstanceOf(ServerException.class);
    assertThat(sent("/surl/create")).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void shortUrlCreateIsNotRetriedWhenTheOutcomeIsUnknownAndTheCallerIsToldSo() {
    sim.dropConnectionAfterProcessingNext(1);

    assertThatThrownBy(() -> client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com"))))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.getCause()).isInstanceOfSatisfying(TransportException.class,
              t -> assertThat(t.isOutcomeUnknown()).isTrue());
          assertThat(e.operationId()).contains("createShortUrl");
          assertThat(e.resolution()).contains("listShortUrls");
        });
    assertThat(sent("/surl/create")).hasSize(1);
    assertThat(sim.shortUrlCount()).isEqualTo(1); // it was created once, and only once
  }

  @Test
  void retryAfterIsHonoured() {
    client.payments().create(order("order-1"));
    sim.failNext(1, 503, Duration.ofSeconds(3));

    client.payments().get("order-1");

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void persistentFailureGivesUpAfterTheConfiguredAttempts() {
    sim.failNext(5, 500);

    assertThatThrownBy(() -> client.payments().get("order-1"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    assertThat(sent("/get-payment/order-1")).hasSize(3);
  }

  private static String signatureOf(HttpRequest r) {
    return Arrays.stream(body(r).split("&")).filter(p -> p.startsWith("signature=")).findFirst().orElseThrow();
  }
}
