package dev.paykit.tests.prunny;

import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockserver.client.MockServerClient;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/**
 * The run's scripted MockServer (for answers the sandbox would never give, {@link ScriptedServer}),
 * cleared before each test, and a fresh {@link ScriptedPrunny} client against it.
 */
@ExtendWith(ScriptedServerExtension.class)
abstract class ScriptedPrunnyTestBase {

  ScriptedServer scripted;
  /** The scripted MockServer itself, for expectations beyond {@link #answer}. */
  MockServerClient server;
  ScriptedPrunny prunny;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    this.scripted = scripted;
    server = scripted.mockServer();
    prunny = new ScriptedPrunny(baseUrl());
  }

  String baseUrl() {
    return scripted.baseUrl();
  }

  /** Answers requests to this path with this status and JSON body, {@code times} times. */
  void answer(String path, int status, String body, Times times) {
    scripted.answer(path, times, ScriptedServer.json(status, body));
  }

  HttpRequest[] sent(String path) {
    return scripted.sent(path);
  }
}
