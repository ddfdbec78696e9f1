package dev.paykit.tests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;

/**
 * The scripted server: answers for the next n requests, full responses, recorded requests, a clean server
 * for each test, one raw server per test closed after it, and answers in front of the sandbox's
 * simulators that the next test no longer sees.
 */
@SandboxTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptedServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String previousRawUrl;

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void answersTheNextNRequestsThenMockServersNoMatch(ScriptedServer server) throws Exception {
    server.answerNext(2, "/v1/thing", 503, "{\"status\":\"96\"}");
    server.answer("/v1/other", Times.once(), ScriptedServer.json(200, "{}").withHeader("Retry-After", "3")
        .withDelay(Delay.delay(TimeUnit.MILLISECONDS, 1)));

    assertThat(get(server.baseUrl() + "/v1/thing").statusCode()).isEqualTo(503);
    HttpResponse<String> second = get(server.baseUrl() + "/v1/thing");
    assertThat(second.body()).isEqualTo("{\"status\":\"96\"}");
    assertThat(second.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(get(server.baseUrl() + "/v1/thing").statusCode()).isEqualTo(404);
    assertThat(get(server.baseUrl() + "/v1/other").headers().firstValue("Retry-After")).contains("3");

    assertThat(server.sent("/v1/thing")).hasSize(3);
    assertThat(server.sent()).hasSize(4);
    server.answer("/v1/left-behind", 200, "{}"); // unlimited: the next test must not see it
  }

  @Test
  @Order(2)
  void eachTestStartsWithACleanServer(ScriptedServer server) throws Exception {
    assertThat(server.sent()).isEmpty();
    assertThat(get(server.baseUrl() + "/v1/left-behind").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void oneRawServerPerTest(ScriptedServer server) throws Exception {
    RawServer raw = server.raw();
    assertThat(server.raw()).isSameAs(raw);
    raw.then(RawServer.Reply.json(201, "{\"ok\":true}"));

    assertThat(get(raw.baseUrl() + "/x").statusCode()).isEqualTo(201);
    assertThat(raw.requests("/x")).hasSize(1);
    previousRawUrl = raw.baseUrl();
  }

  @Test
  @Order(4)
  void theLastTestsRawServerIsClosed() {
    assertThat(previousRawUrl).isNotNull();
    assertThatThrownBy(() -> get(previousRawUrl + "/x")).isInstanceOf(ConnectException.class);
  }

  @Test
  @Order(5)
  void answersInFrontOfTheSandboxComeFirst(PaykitSandbox sandbox) throws Exception {
    ScriptedServer front = ScriptedServer.inFrontOf(sandbox);
    front.answer(PromptCashSimulator.PATH_PREFIX + "/get-payments", 299, "{\"scripted\":true}");

    HttpResponse<String> answer = get(front.baseUrl() + PromptCashSimulator.PATH_PREFIX + "/get-payments");

    assertThat(answer.statusCode()).isEqualTo(299);
    assertThat(front.sent(PromptCashSimulator.PATH_PREFIX + "/get-payments")).hasSize(1);
    assertThatThrownBy(front::raw).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Order(6)
  void theNextTestSeesTheSimulatorAgain(PaykitSandbox sandbox) throws Exception {
    HttpResponse<String> answer = get(sandbox.promptCash().baseUrl() + "/get-payments");

    assertThat(answer.statusCode()).as("the simulator: no token, so 401").isEqualTo(401);
    assertThat(answer.body()).doesNotContain("scripted");
  }
}
