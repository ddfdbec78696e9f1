package dev.paykit.tests.prunny;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/**
 * A scripted MockServer per test class (for answers the sandbox would never give), cleared before each
 * test, and a fresh {@link ScriptedPrunny} client against it.
 */
abstract class ScriptedPrunnyTestBase {

  static ClientAndServer server;
  ScriptedPrunny prunny;

  @BeforeAll
  static void startServer() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void freshServer() {
    server.reset();
    prunny = new ScriptedPrunny(baseUrl());
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Answers requests to this path with this status and JSON body, {@code times} times. */
  static void answer(String path, int status, String body, Times times) {
    server.when(request().withPath(path), times).respond(response().withStatusCode(status)
        .withHeader("Content-Type", "application/json").withBody(body));
  }

  static HttpRequest[] sent(String path) {
    return server.retrieveRecordedRequests(request().withPath(path));
  }
}
