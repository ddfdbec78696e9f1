package dev.paykit.tests.paypercut;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.tests.shared.NoHiddenRetriesSuite;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/** No hidden retries for Paypercut: a confirmed payment intent (under an Idempotency-Key) and a read. */
class PaypercutNoHiddenRetriesTest extends NoHiddenRetriesSuite {

  private static final String PI = "{\"id\":\"pi_1\",\"amount\":2500,\"currency\":{\"iso\":\"eur\",\"scale\":2},"
      + "\"status\":\"succeeded\"}";

  private PaypercutClient client;

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient) {
    AtomicLong keys = new AtomicLong();
    PaypercutClient.Builder b = PaypercutClient.builder().secretKey(PaypercutOutcomeSafetyTest.SECRET)
        .baseUrl(baseUrl).clock(clock).idempotencyKeySource(() -> new UUID(0L, keys.incrementAndGet()))
        .retryPolicy(policy).httpOptions(options);
    client = (httpClient == null ? b : b.httpClient(httpClient)).build();
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

  @Override
  protected String errorBody(int status) {
    return "{\"type\":\"api_error\",\"message\":\"scripted error " + status + "\"}";
  }
}
