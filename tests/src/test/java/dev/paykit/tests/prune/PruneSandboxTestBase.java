package dev.paykit.tests.prune;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.prune.PruneClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.tests.support.SandboxTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * The run's sandbox ({@link SandboxTest}), reset before each test; the Prune simulator and the client
 * share one pinned clock (2026-11-21T10:00:00.123Z) that the recording sleeper moves; the client uses
 * the sandbox's test key, retries and polls without jitter and never sleeps.
 */
@SandboxTest(clock = SandboxTest.DEFAULT_CLOCK)
abstract class PruneSandboxTestBase {

  static final Instant START = Instant.parse(SandboxTest.DEFAULT_CLOCK);

  PaykitSandbox sandbox;
  PruneSimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  PruneClient client;

  @BeforeEach
  void connect(PaykitSandbox sandbox, PruneSimulator sim, MutableClock clock, RecordingSleeper sleeper) {
    this.sandbox = sandbox;
    this.sim = sim;
    this.clock = clock;
    this.sleeper = sleeper;
    sim.clock(clock);
    client = clientBuilder().build();
  }

  PruneClient.Builder clientBuilder() {
    return PruneClient.builder()
        .apiKey(PruneSimulator.TEST_KEY)
        .baseUrl(sim.baseUrl())
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build())
        .pollPolicy(RetryPolicy.builder().maxAttempts(5).sleeper(sleeper).random(() -> 0.0).build());
  }

  /** Requests that reached the sandbox at this path (below /prune), in order. */
  HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(PruneSimulator.PATH_PREFIX + path));
  }

  /** Every request that reached the sandbox. */
  HttpRequest[] sentAll() {
    return sandbox.mockServer().retrieveRecordedRequests(request());
  }
}
