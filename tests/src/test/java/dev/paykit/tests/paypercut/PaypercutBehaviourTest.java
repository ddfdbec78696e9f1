package dev.paykit.tests.paypercut;

import dev.paykit.core.RetryPolicy;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.tests.shared.ProviderBehaviourSuite;
import java.time.Duration;

/** The shared behaviour, for Paypercut (write: a confirmed payment intent under an idempotency key). */
class PaypercutBehaviourTest extends ProviderBehaviourSuite {

  private PaypercutSimulator sim;
  private PaypercutClient client;
  private RetryPolicy policy;

  @Override
  protected void prepare(RetryPolicy retryPolicy) {
    sim = sandbox.simulator(PaypercutSimulator.class);
    sim.clock(clock);
    policy = retryPolicy;
    client = build(PaypercutSimulator.TEST_KEY);
  }

  private PaypercutClient build(String key) {
    return PaypercutClient.builder().secretKey(key).baseUrl(sim.baseUrl()).clock(clock).retryPolicy(policy).build();
  }

  @Override
  protected void useWrongSecret(String wrongSecret) {
    client = build("sk_test_" + wrongSecret); // a test key the sandbox does not know
  }

  @Override
  protected String secret() {
    return PaypercutSimulator.TEST_KEY;
  }

  @Override
  protected void failNext(int n, int status, Duration retryAfter) {
    if (retryAfter == null) {
      sim.failNext(n, status);
    } else {
      sim.failNext(n, status, retryAfter);
    }
  }

  @Override
  protected void dropConnectionAfterProcessingNext() {
    sim.dropConnectionAfterProcessingNext(1);
  }

  @Override
  protected void read() {
    client.accounts().retrieveCurrent();
  }

  @Override
  protected String readPath() {
    return PaypercutSimulator.PATH_PREFIX + "/v1/account";
  }

  @Override
  protected void write() {
    client.paymentIntents().create(new PaymentIntentCreateRequest().amount(2500L).currency("EUR")
        .paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true));
  }

  @Override
  protected String writePath() {
    return PaypercutSimulator.PATH_PREFIX + "/v1/payment_intents";
  }

  @Override
  protected int writeEffects() {
    return sim.paymentIntents().size();
  }

  @Override
  protected void invalidCall() {
    client.paymentIntents().create(new PaymentIntentCreateRequest().amount(0L).currency("EUR"));
  }
}
