package dev.paykit.tests.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.paypercut.model.PaymentIntentStatus;
import dev.paykit.tests.shared.OutcomeSafetySuite;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.RawServer.Request;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Outcome safety for Paypercut: the money call is a confirmed payment intent under an Idempotency-Key. */
class PaypercutOutcomeSafetyTest extends OutcomeSafetySuite {

  static final String SECRET = "sk_test_outcome_0123456789";
  private static final String KEY_1 = "00000000-0000-0000-0000-000000000001";
  private static final String BODY = "{\"amount\":2500,\"currency\":\"EUR\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";
  private static final String PI = "{\"id\":\"pi_1\",\"amount\":2500,\"amount_received\":2500,"
      + "\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\",\"livemode\":false}";

  private PaypercutClient client;

  @Override
  protected String provider() {
    return "paypercut";
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging) {
    AtomicLong keys = new AtomicLong();
    client = PaypercutClient.builder().secretKey(SECRET).baseUrl(baseUrl).clock(clock)
        .idempotencyKeySource(() -> new UUID(0L, keys.incrementAndGet()))
        .retryPolicy(policy).httpOptions(options).wireLogging(wireLogging).build();
  }

  @Override
  protected Object pay() {
    return client.paymentIntents().create(new PaymentIntentCreateRequest().amount(2500L).currency("EUR")
        .confirm(true).paymentMethod("pm_card_visa"));
  }

  @Override
  protected String payPath() {
    return "/v1/payment_intents";
  }

  @Override
  protected String paySuccessBody() {
    return PI;
  }

  @Override
  protected String expectedPayBody() {
    return BODY;
  }

  @Override
  protected String keyOf(Request attempt) {
    assertThat(attempt.headerValues("Idempotency-Key")).hasSize(1);
    assertThat(attempt.bodyText()).isEqualTo(BODY); // the same body on every attempt
    return attempt.header("Idempotency-Key");
  }

  @Override
  protected String expectedKey() {
    return KEY_1;
  }

  @Override
  protected void assertPaid(Object result) {
    assertThat(result).isInstanceOfSatisfying(PaymentIntent.class, pi -> {
      assertThat(pi.getStatus()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
      assertThat(pi.getAmountReceived()).isEqualTo(2500L);
    });
  }

  @Override
  protected void assertResolvable(OutcomeUnknownException e) {
    assertThat(e.idempotencyKey()).isEqualTo(KEY_1);
    assertThat(e.resolution()).contains(KEY_1).contains("getPaymentIntent");
    assertThat(e.getMessage()).contains(KEY_1).contains("never resubmit under a new key").doesNotContain(SECRET);
    assertThat(e.provider()).isEqualTo("paypercut");
  }

  @Override
  protected String errorBody(int status) {
    return "{\"type\":\"api_error\",\"message\":\"scripted error " + status + "\"}";
  }

  @Override
  protected Object read() {
    return client.paymentIntents().retrieve("pi_1");
  }

  @Override
  protected String readPath() {
    return "/v1/payment_intents/pi_1";
  }

  @Override
  protected String readSuccessBody() {
    return PI;
  }

  @Test
  void anIntentWithoutItsStatusIsNotAResult() {
    server.then(3, Reply.json(200, "{\"id\":\"pi_1\",\"amount\":2500,\"currency\":{\"iso\":\"eur\",\"scale\":2}}"));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    assertThat(lastFailure((OutcomeUnknownException) thrown)).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("status");
  }
}
