package dev.paykit.tests.promptcash;

import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.shared.ProviderBehaviourSuite;
import java.math.BigDecimal;
import java.time.Duration;

/** The shared behaviour, for Prompt.Cash (write: create-payment, idempotent by tx_id). */
class PromptCashBehaviourTest extends ProviderBehaviourSuite {

  private PromptCashSimulator sim;
  private PromptCashClient client;
  private RetryPolicy policy;

  @Override
  protected void prepare(RetryPolicy retryPolicy) {
    sim = sandbox.promptCash();
    sim.clock(clock);
    policy = retryPolicy;
    client = build(PromptCashSimulator.SECRET_TOKEN);
    client.payments().create(CreatePaymentRequest.builder("seed", BigDecimal.ONE, "USD").build());
    sandbox.mockServer().clear(org.mockserver.model.HttpRequest.request(), org.mockserver.model.ClearType.LOG);
  }

  private PromptCashClient build(String secret) {
    return PromptCashClient.builder().publicToken(PromptCashSimulator.PUBLIC_TOKEN).secretToken(secret)
        .baseUrl(sim.baseUrl()).clock(clock).retryPolicy(policy).build();
  }

  @Override
  protected void useWrongSecret(String wrongSecret) {
    client = build(wrongSecret);
  }

  @Override
  protected String secret() {
    return PromptCashSimulator.SECRET_TOKEN;
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
    client.payments().get("seed");
  }

  @Override
  protected String readPath() {
    return PromptCashSimulator.PATH_PREFIX + "/get-payment/seed";
  }

  @Override
  protected void write() {
    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("9.99"), "USD").build());
  }

  @Override
  protected String writePath() {
    return PromptCashSimulator.PATH_PREFIX + "/create-payment";
  }

  @Override
  protected int writeEffects() {
    return sim.paymentCount() - 1; // the seed payment
  }

  @Override
  protected void invalidCall() {
    client.payments().create(CreatePaymentRequest.builder("", new BigDecimal("-1"), "usd").build());
  }
}
