package dev.paykit.tests.promptcash;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.SignatureScheme;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.support.SandboxTest;
import dev.paykit.tests.support.ScriptedServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * The run's sandbox ({@link SandboxTest}), reset before each test, and a client with a pinned clock
 * (2025-11-21T10:00:00Z = UNIX 1763719200) shared with the simulator and a sleeper that records instead
 * of sleeping. {@link #scripted} answers on the sandbox ahead of the simulator.
 */
@SandboxTest(clock = "2025-11-21T10:00:00Z")
abstract class PromptCashTestBase {

  static final long PINNED_TIME = 1763719200L;
  static final String SECRET = PromptCashSimulator.SECRET_TOKEN;
  static final String PUBLIC = PromptCashSimulator.PUBLIC_TOKEN;

  PaykitSandbox sandbox;
  PromptCashSimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  /** Scripted answers on the sandbox, ahead of the simulator (gone at the next test's reset). */
  ScriptedServer scripted;
  PromptCashClient client;

  @BeforeEach
  void connect(PaykitSandbox sandbox, PromptCashSimulator sim, MutableClock clock, RecordingSleeper sleeper) {
    this.sandbox = sandbox;
    this.sim = sim;
    this.clock = clock;
    this.sleeper = sleeper;
    this.scripted = ScriptedServer.inFrontOf(sandbox);
    sim.clock(clock);
    client = client(SignatureScheme.QUERY_STRING);
  }

  PromptCashClient client(SignatureScheme scheme) {
    return clientBuilder().signatureScheme(scheme).build();
  }

  PromptCashClient.Builder clientBuilder() {
    return PromptCashClient.builder()
        .publicToken(PUBLIC)
        .secretToken(SECRET)
        .baseUrl(sim.baseUrl())
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  /** The requests that reached the sandbox at this path (below the provider prefix), in order. */
  HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(
        request().withPath(PromptCashSimulator.PATH_PREFIX + path));
  }

  /** The exact body bytes of a recorded request, as text. */
  static String body(HttpRequest r) {
    byte[] raw = r.getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }
}
