package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.ACCOUNT_EUR;

import dev.paykit.core.RetryPolicy;
import dev.paykit.prune.AccountRequestUpdate;
import dev.paykit.prune.PruneClient;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.tests.shared.ProviderBehaviourSuite;
import java.time.Duration;
import org.mockserver.model.ClearType;
import org.mockserver.model.HttpRequest;

/**
 * The shared behaviour, for Prune. Its money calls are never repeated, so the safe write is the update of
 * a PENDING account request (a PATCH that sets the parts sent: repeating it leaves the same request); its
 * effect is the request holding the new name, once, in the one request the sandbox holds.
 */
class PruneBehaviourTest extends ProviderBehaviourSuite {

  private PruneSimulator sim;
  private PruneClient client;
  private RetryPolicy policy;
  private String requestId;

  @Override
  protected void prepare(RetryPolicy retryPolicy) {
    sim = sandbox.simulator(PruneSimulator.class);
    sim.clock(clock);
    sim.trustedBusiness(false); // its requests stay PENDING, so they can be updated
    policy = retryPolicy;
    client = build(PruneSimulator.TEST_KEY);
    requestId = client.accountRequests().requestIndividual(PruneFixtures.individual().build()).getId();
    sandbox.mockServer().clear(HttpRequest.request(), ClearType.LOG);
  }

  private PruneClient build(String key) {
    return PruneClient.builder().apiKey(key).baseUrl(sim.baseUrl()).clock(clock).retryPolicy(policy).build();
  }

  @Override
  protected void useWrongSecret(String wrongSecret) {
    client = build(wrongSecret);
  }

  @Override
  protected String secret() {
    return PruneSimulator.TEST_KEY;
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
    client.accounts().balance(ACCOUNT_EUR);
  }

  @Override
  protected String readPath() {
    return PruneSimulator.PATH_PREFIX + "/v1/accounts/" + ACCOUNT_EUR + "/balance";
  }

  @Override
  protected void write() {
    client.accountRequests().update(requestId, AccountRequestUpdate.builder().firstName("Amélia").build());
  }

  @Override
  protected String writePath() {
    return PruneSimulator.PATH_PREFIX + "/v1/accounts/requests/" + requestId;
  }

  /** 1 when the one request holds the new name (an update applied twice is applied once). */
  @Override
  protected int writeEffects() {
    return "Amélia".equals(sim.requestText(requestId, "firstName")) && sim.accountRequestStatus(requestId)
        .equals("PENDING") ? 1 : 0;
  }

  @Override
  protected void invalidCall() {
    client.transfers().send(PruneFixtures.transfer("LT00 not an IBAN", "inv-x", "-5.001"));
  }
}
