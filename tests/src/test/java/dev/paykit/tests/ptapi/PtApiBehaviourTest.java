package dev.paykit.tests.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.CARD_JOE_BROWN;
import static dev.paykit.sandbox.ptapi.PtApiSimulator.PATH_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.CardStatus;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import dev.paykit.tests.shared.ProviderBehaviourSuite;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.mockserver.model.ClearType;
import org.mockserver.model.HttpRequest;

/**
 * The shared behaviour, for PT. Its loads and unloads are never repeated (no idempotency key), so the safe
 * write is the change of a card's status (it sets the status sent: repeating it leaves the same status); its
 * effect is Joe Brown's card suspended. The client logs in while prepared (then the sandbox's log is cleared),
 * so the failures the suite injects reach the calls it makes, not the login; a client with a wrong
 * subscription key is refused at its login by the gateway.
 */
class PtApiBehaviourTest extends ProviderBehaviourSuite {

  private PtApiSimulator sim;
  private PtApiClient client;
  private RetryPolicy policy;

  @Override
  protected void prepare(RetryPolicy retryPolicy) {
    sim = sandbox.simulator(PtApiSimulator.class);
    sim.clock(clock);
    policy = retryPolicy;
    client = builder(PtApiSimulator.PRIMARY_KEY).build();
    assertThat(client.loginCustomerId()).isNotBlank(); // logs in
    assertThat(sim.cardStatus(CARD_JOE_BROWN)).isEqualTo("active");
    sandbox.mockServer().clear(HttpRequest.request(), ClearType.LOG);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private PtApiClient.Builder builder(String key) {
    return PtApiClient.builder().baseUrl(sim.baseUrl()).subscriptionKey(key).loginId(PtApiSimulator.LOGIN_ID)
        .password(PtApiSimulator.PASSWORD).clock(clock).retryPolicy(policy);
  }

  @Override
  protected void useWrongSecret(String wrongSecret) {
    client.close();
    client = builder(wrongSecret).build();
  }

  @Override
  protected String secret() {
    return PtApiSimulator.PRIMARY_KEY;
  }

  @Override
  protected String wrongSecretPath() {
    return PATH_PREFIX + PtApiSandboxTestBase.LOGIN;
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
    client.hierarchy().businesses();
  }

  @Override
  protected String readPath() {
    return PATH_PREFIX + PtApiSandboxTestBase.BUSINESSES;
  }

  @Override
  protected void write() {
    client.cards().changeStatus(CARD_JOE_BROWN, CardStatus.SUSPENDED, "behaviour suite");
  }

  @Override
  protected String writePath() {
    return PATH_PREFIX + "/_ah/api/cardendpoint/v1/changeCardStatus";
  }

  /** 1 when the card is suspended (a status set twice is set once); no load or unload moved money. */
  @Override
  protected int writeEffects() {
    return "suspended".equals(sim.cardStatus(CARD_JOE_BROWN)) && sim.transactions().isEmpty() ? 1 : 0;
  }

  @Override
  protected void invalidCall() {
    client.cards().load(new LoadRequest().proxyKey(CARD_JOE_BROWN).amount(new BigDecimal("-5.001")).referenceId(""));
  }
}
