package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;

import dev.paykit.core.RetryPolicy;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.tests.shared.ProviderBehaviourSuite;
import java.math.BigDecimal;
import java.time.Duration;

/** The shared behaviour, for Prunny (write: an intra-bank transfer under an idempotency key). */
class PrunnyBehaviourTest extends ProviderBehaviourSuite {

  private PrunnySimulator sim;
  private PrunnyClient client;
  private RetryPolicy policy;

  @Override
  protected void prepare(RetryPolicy retryPolicy) {
    sim = sandbox.prunny();
    sim.clock(clock);
    policy = retryPolicy;
    client = build(PrunnySimulator.API_KEY);
  }

  private PrunnyClient build(String key) {
    return PrunnyClient.builder().apiKey(key).baseUrl(sim.baseUrl()).clock(clock).retryPolicy(policy).build();
  }

  @Override
  protected void useWrongSecret(String wrongSecret) {
    client = build(wrongSecret);
  }

  @Override
  protected String secret() {
    return PrunnySimulator.API_KEY;
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
    client.accounts().balance(ACCOUNT_ADAEZE);
  }

  @Override
  protected String readPath() {
    return PrunnySimulator.PATH_PREFIX + "/v1/accounts/balance/" + ACCOUNT_ADAEZE;
  }

  @Override
  protected void write() {
    BigDecimal a = new BigDecimal("2500.00");
    client.transfers().intraBank(new IntraBankTransferRequest().referenceId("rent").amount(a).currency("NGN")
        .sourceAmount(a).sourceCurrency("NGN").sourceAccount(ACCOUNT_ADAEZE).sourceAccountName(ACCOUNT_ADAEZE_NAME)
        .sourceNarration("rent").destinationAccount(ACCOUNT_BABATUNDE).destinationAccountName(ACCOUNT_BABATUNDE_NAME)
        .destinationNarration("rent").channel("API"));
  }

  @Override
  protected String writePath() {
    return PrunnySimulator.PATH_PREFIX + "/v1/transactions/singletransferwithbank";
  }

  @Override
  protected int writeEffects() {
    return sim.transferCount();
  }

  @Override
  protected void invalidCall() {
    client.customers().listByBvn("3123", null, null);
  }
}
