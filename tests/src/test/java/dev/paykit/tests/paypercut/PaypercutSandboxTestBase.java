package dev.paykit.tests.paypercut;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.tests.support.NumberedKeys;
import dev.paykit.tests.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * The run's sandbox, reset before each test; the simulator and the client share one pinned clock that the
 * recording sleeper moves; generated keys are numbered (00000000-0000-0000-0000-000000000001, ...).
 */
@SandboxTest(clock = SandboxTest.DEFAULT_CLOCK)
abstract class PaypercutSandboxTestBase {

  PaykitSandbox sandbox;
  PaypercutSimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  NumberedKeys keys;
  PaypercutClient client;

  @BeforeEach
  void connect(PaykitSandbox sandbox, PaypercutSimulator sim, MutableClock clock, RecordingSleeper sleeper,
      NumberedKeys keys) {
    this.sandbox = sandbox;
    this.sim = sim;
    this.clock = clock;
    this.sleeper = sleeper;
    this.keys = keys;
    sim.clock(clock);
    client = clientBuilder().build();
  }

  PaypercutClient.Builder clientBuilder() {
    return PaypercutClient.builder()
        .secretKey(PaypercutSimulator.TEST_KEY)
        .baseUrl(sim.baseUrl())
        .clock(clock)
        .idempotencyKeySource(keys::next)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  /** Requests that reached the sandbox at this path (below /paypercut), in order. */
  HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(PaypercutSimulator.PATH_PREFIX + path));
  }
}
