package dev.paykit.tests.promptcash;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.SignatureScheme;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * One sandbox per test class (MockServer starts once), state reset before each test, and a client
 * with a pinned clock (2025-11-21T10:00:00Z = UNIX 1763719200) and a sleeper that records instead of
 * sleeping.
 */
abstract class PromptCashTestBase {

  static final long PINNED_TIME = 1763719200L;
  static final String SECRET = PromptCashSimulator.SECRET_TOKEN;
  static final String PUBLIC = PromptCashSimulator.PUBLIC_TOKEN;

  static PaykitSandbox sandbox;
  PromptCashSimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  PromptCashClient client;

  @BeforeAll
  static void startSandbox() {
    sandbox = PaykitSandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void freshState() {
    sandbox.reset();
    sim = sandbox.promptCash();
    clock = new MutableClock(Instant.ofEpochSecond(PINNED_TIME));
    sleeper = new RecordingSleeper(clock);
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
