package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.PaykitSandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One sandbox per Prunny test class (MockServer starts once), reset before each test, the simulator's
 * clock and the requests' timestamps pinned to {@link #NOW}.
 */
abstract class PrunnySimulatorTestBase {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  static PaykitSandbox sandbox;
  static PrunnyHttp http;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    http = new PrunnyHttp(sandbox.prunny().baseUrl(), () -> NOW);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    sandbox.prunny().clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
