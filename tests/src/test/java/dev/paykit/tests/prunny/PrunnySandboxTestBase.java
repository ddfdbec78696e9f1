package dev.paykit.tests.prunny;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.tests.support.NumberedKeys;
import dev.paykit.tests.support.SandboxTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * The run's sandbox ({@link SandboxTest}), reset before each test, the sandbox and the client sharing one
 * pinned clock (2026-11-21T10:00:00.123Z) that the recording sleeper moves, and numbered idempotency keys
 * (00000000-0000-0000-0000-000000000001, ...).
 */
@SandboxTest(clock = SandboxTest.DEFAULT_CLOCK)
abstract class PrunnySandboxTestBase {

  static final Instant START = Instant.parse(SandboxTest.DEFAULT_CLOCK);

  PaykitSandbox sandbox;
  PrunnySimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  NumberedKeys keys;
  PrunnyClient client;

  @BeforeEach
  void connect(PaykitSandbox sandbox, PrunnySimulator sim, MutableClock clock, RecordingSleeper sleeper,
      NumberedKeys keys) {
    this.sandbox = sandbox;
    this.sim = sim;
    this.clock = clock;
    this.sleeper = sleeper;
    this.keys = keys;
    sim.clock(clock);
    client = clientBuilder().build();
  }

  PrunnyClient.Builder clientBuilder() {
    return PrunnyClient.builder()
        .apiKey(PrunnySimulator.API_KEY)
        .baseUrl(sim.baseUrl())
        .clock(clock)
        .idempotencyKeySource(keys::next)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build())
        .pollPolicy(RetryPolicy.builder().maxAttempts(5).sleeper(sleeper).random(() -> 0.0).build());
  }

  /** The n-th generated key (1-based), as the client sends it. */
  static String key(long n) {
    return NumberedKeys.key(n);
  }

  /** Requests that reached the sandbox at this path (below /prunny), in order. */
  HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(PrunnySimulator.PATH_PREFIX + path));
  }

  static String body(HttpRequest r) {
    byte[] raw = r.getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }
}
