package dev.paykit.tests.support;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.sandbox.PaykitSandbox;
import java.util.Objects;
import java.util.function.Supplier;
import org.mockserver.client.MockServerClient;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * The one way tests script answers that no simulator gives: at the HTTP level on a MockServer (a status,
 * headers and body for the next {@code n} requests, a delay, a connection dropped before any answer),
 * and at the byte level on a {@link RawServer} ({@link #raw()}: bodies cut off, connections closed or
 * reset after the request was read, stalls, drips, endless bodies).
 *
 * <pre>{@code
 * @ExtendWith(ScriptedServerExtension.class)     // or @SandboxTest, which includes it
 * class MyTest {
 *   @Test
 *   void aTruncatedAnswerIsAnUnknownOutcome(ScriptedServer server) {
 *     server.answerNext(1, "/v1/transfers", 503, "{\"status\":\"96\"}");  // then the next ones...
 *     RawServer raw = server.raw();                                       // ...or byte by byte
 *     raw.then(3, RawServer.Reply.truncated(200, "application/json", "{\"data\":{}}"));
 *     Client client = Client.builder().baseUrl(raw.baseUrl()).build();
 *     ...
 *     assertThat(server.sent("/v1/transfers")).hasSize(2);
 *   }
 * }
 * }</pre>
 *
 * <p>A parameter of this type (from {@link ScriptedServerExtension}) is scoped to one test: its
 * MockServer is the run's one scripted MockServer, started when a test first uses it and
 * {@linkplain MockServerClient#reset() reset} (every expectation and recorded request gone) the first
 * time this test touches it; its {@link #raw()} server is started on first use and closed when the test
 * ends. {@link #inFrontOf(PaykitSandbox)} scripts the same way on the sandbox itself, ahead of its
 * simulators; the sandbox's reset removes those answers before the next test.
 *
 * <p>Paths are MockServer paths: the exact path, or a regular expression. Not thread-safe: use it from
 * the test's thread.
 */
public final class ScriptedServer {

  /** Priority of answers scripted {@linkplain #inFrontOf in front of} a simulator: above its route (0). */
  static final int AHEAD_OF_SIMULATORS = 100;

  private final Supplier<? extends MockServerClient> mockServer;
  private final Supplier<String> origin;
  private final int priority;
  private final Supplier<RawServer> raw;

  ScriptedServer(Supplier<? extends MockServerClient> mockServer, Supplier<String> origin, int priority,
      Supplier<RawServer> raw) {
    this.mockServer = mockServer;
    this.origin = origin;
    this.priority = priority;
    this.raw = raw;
  }

  /**
   * Scripts answers on the sandbox's own MockServer, ahead of the simulators' routes, e.g. an error body
   * a simulator would never write. {@link #baseUrl()} is the sandbox's origin (add the simulator's
   * prefix to the path); {@link #raw()} is not available here.
   */
  public static ScriptedServer inFrontOf(PaykitSandbox sandbox) {
    Objects.requireNonNull(sandbox, "sandbox");
    return new ScriptedServer(sandbox::mockServer, () -> "http://127.0.0.1:" + sandbox.port(),
        AHEAD_OF_SIMULATORS, () -> {
          throw new IllegalStateException("the sandbox has no byte-level server: take a ScriptedServer "
              + "parameter and use its raw()");
        });
  }

  /** {@code status} with {@code Content-Type: application/json} and this body. */
  public static HttpResponse json(int status, String body) {
    return response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** The MockServer's origin, {@code http://127.0.0.1:<port>}: a client's base URL. */
  public String baseUrl() {
    mockServer.get();
    return origin.get();
  }

  /** Answers every request to {@code path} with {@code status} and this JSON body. */
  public ScriptedServer answer(String path, int status, String jsonBody) {
    return answer(path, Times.unlimited(), json(status, jsonBody));
  }

  /** Answers the next {@code n} requests to {@code path} with {@code status} and this JSON body. */
  public ScriptedServer answerNext(int n, String path, int status, String jsonBody) {
    return answer(path, Times.exactly(n), json(status, jsonBody));
  }

  /**
   * Answers requests to {@code path}, {@code times} times, with {@code response}: any status, headers,
   * exact body bytes or delay MockServer can send ({@code HttpResponse.response()...}).
   */
  public ScriptedServer answer(String path, Times times, HttpResponse response) {
    mockServer.get().when(request().withPath(path), times, TimeToLive.unlimited(), priority).respond(response);
    return this;
  }

  /**
   * Closes the connection of the next requests to {@code path}, {@code times} times, before any byte of an
   * answer (Feign sees a {@code RetryableException}). For a cut <em>after</em> the request was read or
   * part of the answer was sent, use {@link #raw()}.
   */
  public ScriptedServer dropConnection(String path, Times times) {
    mockServer.get().when(request().withPath(path), times, TimeToLive.unlimited(), priority)
        .error(HttpError.error().withDropConnection(true));
    return this;
  }

  /** The requests that reached {@code path}, in order, with their exact bodies ({@code getBodyAsRawBytes()}). */
  public HttpRequest[] sent(String path) {
    return mockServer.get().retrieveRecordedRequests(request().withPath(path));
  }

  /** Every request that reached the server in this test, in order. */
  public HttpRequest[] sent() {
    return mockServer.get().retrieveRecordedRequests(request());
  }

  /** The MockServer itself, for anything else it can do (matching on headers or bodies, verification). */
  public MockServerClient mockServer() {
    return mockServer.get();
  }

  /**
   * This test's byte-level server: started on the first call, the same one on later calls, closed when
   * the test ends (stalled and dripping connections released).
   */
  public RawServer raw() {
    return raw.get();
  }
}
