package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.TestkitApi.Transfer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;

/** The pipeline's order and its retry, idempotency and auth rules, on the wire. */
class CallPipelineTest {

  private static ClientAndServer server;
  private PipelineFixture fixture;
  private TestkitApi api;

  @BeforeAll
  static void startServer() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
    fixture = new PipelineFixture();
    api = fixture.api("http://127.0.0.1:" + server.getPort());
  }

  private void answer(String path, int status, String body, Times times) {
    server.when(request().withPath(path), times)
        .respond(response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body));
  }

  private HttpRequest[] recorded(String path) {
    return server.retrieveRecordedRequests(request().withPath(path));
  }

  @Test
  void retriesTwoServiceUnavailableThenSucceedsWithOneKeyForAllAttempts() {
    answer("/transfers", 503, "{\"message\":\"busy\"}", Times.exactly(2));
    answer("/transfers", 200, "{\"id\":\"t1\"}", Times.unlimited());

    assertThat(api.createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1"))).containsEntry("id", "t1");

    HttpRequest[] sent = recorded("/transfers");
    assertThat(sent).hasSize(3);
    assertThat(Arrays.stream(sent).map(r -> r.getHeader("Idempotency-Key")))
        .containsOnly(List.of("00000000-0000-0000-0000-000000000001"));
    assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(new String(sent[2].getBodyAsRawBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"amount\":10.50,\"reference\":\"ref-1\"}");
  }

  @Test
  void everyCallGetsItsOwnKeyAndACallersKeyIsSentAsGiven() {
    answer("/transfers", 200, "{}", Times.unlimited());

    api.createTransfer(null, new Transfer(BigDecimal.ONE, "a"));
    api.createTransfer(null, new Transfer(BigDecimal.ONE, "b"));
    api.createTransfer("order-77:attempt_1.x", new Transfer(BigDecimal.ONE, "c"));

    assertThat(Arrays.stream(recorded("/transfers")).map(r -> r.getFirstHeader("Idempotency-Key")))
        .containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002",
            "order-77:attempt_1.x");
  }

  @Test
  void aCallersKeyThatIsTooLongOrHasForbiddenCharactersIsRejectedBeforeSending() {
    assertThatThrownBy(() -> api.createTransfer("k".repeat(256), new Transfer(BigDecimal.ONE, "a")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("Idempotency-Key maxLength"));
    assertThatThrownBy(() -> api.createTransfer("has space", new Transfer(BigDecimal.ONE, "a")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("Idempotency-Key pattern"));
    assertThat(recorded("/transfers")).isEmpty();
  }

  @Test
  void validationNamesEveryViolatedFieldAndSendsNothing() {
    assertThatThrownBy(() -> api.createTransfer(null, new Transfer(new BigDecimal("-1.005"), "ref with spaces and far too long")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule())
              .containsExactlyInAnyOrder("amount exclusiveMinimum", "amount multipleOf",
                  "reference maxLength", "reference pattern");
          assertThat(e.getMessage()).doesNotContain("ref with spaces").contains("4 invalid field(s)");
          assertThat(e.httpStatus()).isZero();
          assertThat(e.isRetryable()).isFalse();
        });
    assertThatThrownBy(() -> api.createNote(null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("text required"));
    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void aPostThatIsNotSafeToRepeatIsNotRetriedAfterAServerError() {
    answer("/notes", 503, "{\"message\":\"busy\"}", Times.unlimited());

    assertThatThrownBy(() -> api.createNote("hello"))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.providerMessage()).contains("busy");
        });
    assertThat(recorded("/notes")).hasSize(1);
    assertThat(new String(recorded("/notes")[0].getBodyAsRawBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("text=hello");
  }

  @Test
  void aPostThatIsNotSafeToRepeatIsNotRetriedWhenTheConnectionDropsAfterSending() {
    server.when(request().withPath("/notes"), Times.unlimited())
        .error(HttpError.error().withDropConnection(true));

    assertThatThrownBy(() -> api.createNote("hello"))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.requestMayHaveBeenProcessed()).isTrue();
          assertThat(e.getCause()).isInstanceOfSatisfying(TransportException.class,
              t -> assertThat(t.isOutcomeUnknown()).isTrue());
          assertThat(e.getCause().getMessage()).contains("outcome is unknown");
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(recorded("/notes")).hasSize(1);
  }

  @Test
  void anIdempotentPostIsRetriedWhenTheConnectionDropsAfterSending() {
    server.when(request().withPath("/transfers"), Times.once()).error(HttpError.error().withDropConnection(true));
    answer("/transfers", 200, "{\"id\":\"t9\"}", Times.unlimited());

    assertThat(api.createTransfer(null, new Transfer(BigDecimal.TEN, "r"))).containsEntry("id", "t9");
    assertThat(Arrays.stream(recorded("/transfers")).map(r -> r.getFirstHeader("Idempotency-Key")))
        .containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000001");
  }

  @Test
  void aRefusedConnectionIsRetriedEvenForAnUnsafePostBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    TestkitApi offline = fixture.api("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> offline.createNote("hello"))
        .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    assertThat(fixture.sleeper.waits()).hasSize(2); // three attempts
  }

  @Test
  void okHttpDoesNotQuietlyResendAnUnsafePostOnA503WithRetryAfterZero() {
    server.when(request().withPath("/notes"), Times.once()).respond(response().withStatusCode(503)
        .withHeader("Retry-After", "0").withBody("{\"message\":\"busy\"}"));
    answer("/notes", 200, "{\"ok\":true}", Times.unlimited());

    assertThatThrownBy(() -> api.createNote("hello"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.retryAfter()).contains(Duration.ZERO));
    assertThat(recorded("/notes")).hasSize(1);
  }

  @Test
  void retryAfterOnA503IsHonouredForASafeCall() {
    server.when(request().withPath("/items/abc"), Times.once()).respond(response().withStatusCode(503)
        .withHeader("Retry-After", "3").withBody("{\"message\":\"busy\"}"));
    answer("/items/abc", 200, "{}", Times.unlimited());

    api.getItem("abc");
    assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(recorded("/items/abc")).hasSize(2);
  }

  @Test
  void retryAfterIsHonouredWithoutSleeping() {
    server.when(request().withPath("/notes"), Times.once()).respond(response().withStatusCode(429)
        .withHeader("Retry-After", "7").withBody("{\"message\":\"slow down\"}"));
    answer("/notes", 200, "{\"ok\":true}", Times.unlimited());

    assertThat(api.createNote("hi")).containsEntry("ok", true);
    assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(recorded("/notes")).hasSize(2);
  }

  @Test
  void rateLimitWithARetryAfterBeyondTheTimeBudgetIsNotWaitedFor() {
    server.when(request().withPath("/items/abc")).respond(response().withStatusCode(429)
        .withHeader("Retry-After", "120").withBody("{\"message\":\"slow down\"}"));

    assertThatThrownBy(() -> api.getItem("abc"))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(fixture.sleeper.waits()).isEmpty();
    assertThat(recorded("/items/abc")).hasSize(1);
  }

  @Test
  void attemptsStopWhenTheTotalTimeBudgetIsSpent() {
    answer("/items/abc", 500, "{\"message\":\"boom\"}", Times.unlimited());
    TestkitApi patient = fixture.api("http://127.0.0.1:" + server.getPort(), RetryPolicy.builder()
        .maxAttempts(10).initialBackoff(Duration.ofSeconds(4)).maxBackoff(Duration.ofSeconds(4))
        .maxElapsed(Duration.ofSeconds(10)).random(() -> 0.0).sleeper(fixture.sleeper).build());

    assertThatThrownBy(() -> patient.getItem("abc")).isInstanceOf(ServerException.class);
    assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(recorded("/items/abc")).hasSize(3);
  }

  @Test
  void authenticatesOnlyOperationsWhoseSpecAsksAndNeverAppendsHeaders() {
    answer("/items/abc", 200, "{}", Times.unlimited());
    answer("/transfers", 503, "{}", Times.once());
    answer("/transfers", 200, "{}", Times.unlimited());

    api.getItem("abc");
    api.createTransfer(null, new Transfer(BigDecimal.ONE, "a"));

    assertThat(recorded("/items/abc")[0].containsHeader("Authorization")).isFalse();
    for (HttpRequest r : recorded("/transfers")) {
      assertThat(r.getHeader("Authorization")).containsExactly("Bearer " + PipelineFixture.API_KEY);
      assertThat(r.getHeader("Idempotency-Key")).hasSize(1);
    }
  }

  @Test
  void errorsCarryTheProvidersCodeMessageAndRequestIdButNoSecret() {
    server.when(request().withPath("/items/abc")).respond(response().withStatusCode(401)
        .withHeader("X-Request-Id", "req_123")
        .withBody("{\"code\":\"bad_key\",\"message\":\"key " + PipelineFixture.API_KEY + " is revoked\"}"));

    assertThatThrownBy(() -> api.getItem("abc"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.providerCode()).contains("bad_key");
          assertThat(e.requestId()).contains("req_123");
          assertThat(e.operationId()).contains("getItem");
          assertThat(e.getMessage()).doesNotContain(PipelineFixture.API_KEY).contains("[REDACTED]");
          assertThat(e.toString()).doesNotContain(PipelineFixture.API_KEY);
        });
  }
}
