package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.CallObserver.AttemptResult;
import dev.paykit.core.CallObserver.CallResult;
import dev.paykit.core.TestkitApi.Transfer;
import feign.jackson.JacksonDecoder;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;

/** Found in review: whatever an observer throws (checked, sneaky, an Error) never changes a call: no resend, no replaced result or failure; and the outcome classes of connection refused, read timeout and Retry-After. */
class CallObserverContainmentTest {

  private static ClientAndServer server;
  private PipelineFixture fixture;
  private final AtomicLong nanos = new AtomicLong();

  @BeforeAll
  static void startServer() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /** What the client logs (observers' failures, with stack traces) is kept here, not in the build's output. */
  private final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
  private java.io.PrintStream err;

  @BeforeEach
  void reset() {
    server.reset();
    fixture = new PipelineFixture();
    err = System.err;
    System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
  }

  @org.junit.jupiter.api.AfterEach
  void restoreErrAndCheckTheLog() {
    System.setErr(err);
    // whatever an observer threw is logged without the call's secrets
    assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(PipelineFixture.API_KEY);
  }

  private TestkitApi api(String baseUrl, HttpOptions http, CallObserver... observers) {
    return fixture.runtime(baseUrl,
        RetryPolicy.builder().sleeper(fixture.sleeper).random(() -> 0.0).build(), new JacksonDecoder(fixture.mapper),
        null, b -> {
          b.callObservers(List.of(observers), () -> nanos.addAndGet(1_000_000L));
          if (http != null) {
            b.httpOptions(http);
          }
        }).api(TestkitApi.class);
  }

  private TestkitApi api(CallObserver... observers) {
    return api("http://127.0.0.1:" + server.getPort(), null, observers);
  }

  private void answer(String path, int status, String body) {
    server.when(request().withPath(path), Times.unlimited())
        .respond(response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body));
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  /** An observer whose attemptFinished throws the given throwable (e.g. a Kotlin observer throwing IOException). */
  static CallObserver throwingOnAttemptFinished(Throwable t) {
    return (p, o) -> new CallObserver.Call() {
      @Override
      public void attemptFinished(AttemptResult result) {
        CallObserverContainmentTest.<RuntimeException>sneakyThrow(t);
      }
    };
  }

  static CallObserver throwingOnCallFinished(Throwable t) {
    return (p, o) -> new CallObserver.Call() {
      @Override
      public void callFinished(CallResult result) {
        CallObserverContainmentTest.<RuntimeException>sneakyThrow(t);
      }
    };
  }

  @Test
  void aCheckedExceptionFromAnObserverNeitherRetriesNorFailsASuccessfulMoneyCall() {
    answer("/transfers", 200, "{\"id\":\"t1\"}");
    TestkitApi observed = api(throwingOnAttemptFinished(new java.io.IOException("observer's exporter is down")));

    Object result = null;
    Throwable thrown = null;
    try {
      result = observed.createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1"));
    } catch (Throwable t) {
      thrown = t;
    }
    int sent = server.retrieveRecordedRequests(request().withPath("/transfers")).length;
    assertThat(thrown).as("the call must succeed as without the observer; sent %s request(s)", sent).isNull();
    assertThat(result).isNotNull();
    assertThat(sent).isEqualTo(1);
  }

  @Test
  void anAssertionErrorFromAnObserverDoesNotFailASuccessfulCall() {
    answer("/transfers", 200, "{\"id\":\"t1\"}");
    TestkitApi observed = api(throwingOnAttemptFinished(new AssertionError("observer assertion")));

    assertThat(observed.createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1"))).containsEntry("id", "t1");
    assertThat(server.retrieveRecordedRequests(request().withPath("/transfers"))).hasSize(1);
  }

  @Test
  void aCheckedExceptionFromCallFinishedDoesNotReplaceTheResult() {
    answer("/items/abc", 200, "{\"id\":\"abc\"}");
    TestkitApi observed = api(throwingOnCallFinished(new Exception("observer")));

    assertThat(observed.getItem("abc")).containsEntry("id", "abc");
  }

  @Test
  void aCheckedExceptionFromCallFinishedDoesNotReplaceTheCallersFailure() {
    answer("/items/abc", 404, "{\"code\":\"missing\",\"message\":\"no such item\"}");
    TestkitApi observed = api(throwingOnCallFinished(new Exception("observer")));

    assertThatThrownBy(() -> observed.getItem("abc")).isInstanceOf(NotFoundException.class);
  }

  /** Records results. */
  static final class Rec implements CallObserver {
    final List<AttemptResult> attempts = new ArrayList<>();
    final List<CallResult> calls = new ArrayList<>();

    @Override
    public Call callStarted(String provider, String operationId) {
      return new Call() {
        @Override
        public void attemptFinished(AttemptResult r) {
          attempts.add(r);
        }

        @Override
        public void callFinished(CallResult r) {
          calls.add(r);
        }
      };
    }
  }

  @Test
  void connectionRefusedOnANoteIsATransportFailureRetriedAndNotUnknown() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Rec rec = new Rec();
    TestkitApi refused = api("http://127.0.0.1:" + port, null, rec);

    Throwable thrown = null;
    try {
      refused.createNote("hello");
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).isNotNull().isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(rec.calls).hasSize(1);
    assertThat(rec.calls.get(0).outcome()).isEqualTo(CallOutcome.of(thrown)).isEqualTo(CallOutcome.TRANSPORT_FAILURE);
    assertThat(rec.calls.get(0).attempts()).isEqualTo(rec.attempts.size());
    assertThat(rec.attempts.stream().filter(AttemptResult::retryFollows).count())
        .isEqualTo(fixture.sleeper.waits().size());
    assertThat(rec.attempts).allSatisfy(a -> assertThat(a.httpStatus()).isZero());
  }

  @Test
  void aReadTimeoutAfterSendingANoteIsUnknownAndNotRetried() {
    server.when(request().withPath("/notes"), Times.unlimited())
        .respond(response().withStatusCode(200).withBody("{}").withDelay(Delay.delay(TimeUnit.MILLISECONDS, 1500)));
    Rec rec = new Rec();
    TestkitApi slow = api("http://127.0.0.1:" + server.getPort(),
        HttpOptions.defaults().withReadTimeout(Duration.ofMillis(200)), rec);

    assertThatThrownBy(() -> slow.createNote("hello")).isInstanceOf(OutcomeUnknownException.class);
    assertThat(rec.attempts).hasSize(1);
    assertThat(rec.attempts.get(0).outcome()).isEqualTo(CallOutcome.TRANSPORT_FAILURE);
    assertThat(rec.attempts.get(0).retryFollows()).isFalse();
    assertThat(rec.calls.get(0).outcome()).isEqualTo(CallOutcome.OUTCOME_UNKNOWN);
    assertThat(rec.calls.get(0).httpStatus()).isZero();
    assertThat(server.retrieveRecordedRequests(request().withPath("/notes"))).hasSize(1);
  }

  @Test
  void retryCountsAreTheSameWithAndWithoutAnObserverOnRetryAfter() {
    server.when(request().withPath("/transfers"), Times.exactly(1))
        .respond(response().withStatusCode(429).withHeader("Retry-After", "2").withBody("{\"message\":\"slow\"}"));
    server.when(request().withPath("/transfers"), Times.exactly(1))
        .respond(response().withStatusCode(503).withBody("{\"message\":\"busy\"}"));
    answer("/transfers", 200, "{\"id\":\"t1\"}");
    Rec rec = new Rec();
    api(rec).createTransfer(null, new Transfer(BigDecimal.ONE, "r"));
    List<Duration> withObserver = List.copyOf(fixture.sleeper.waits());
    var reqs = server.retrieveRecordedRequests(request().withPath("/transfers"));
    assertThat(reqs).hasSize(3);
    assertThat(reqs[0].getFirstHeader("Idempotency-Key")).isEqualTo(reqs[2].getFirstHeader("Idempotency-Key"));

    server.reset();
    fixture = new PipelineFixture();
    server.when(request().withPath("/transfers"), Times.exactly(1))
        .respond(response().withStatusCode(429).withHeader("Retry-After", "2").withBody("{\"message\":\"slow\"}"));
    server.when(request().withPath("/transfers"), Times.exactly(1))
        .respond(response().withStatusCode(503).withBody("{\"message\":\"busy\"}"));
    answer("/transfers", 200, "{\"id\":\"t1\"}");
    api().createTransfer(null, new Transfer(BigDecimal.ONE, "r"));
    assertThat(fixture.sleeper.waits()).isEqualTo(withObserver);
    assertThat(rec.attempts).extracting(AttemptResult::httpStatus).containsExactly(429, 503, 200);
  }

  @Test
  void anObserverThatThrowsACheckedExceptionOnceDoesNotMakeTheClientSendTheMoneyCallAgain() {
    answer("/transfers", 200, "{\"id\":\"t1\"}");
    java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
    CallObserver flaky = (p, o) -> new CallObserver.Call() {
      @Override
      public void attemptFinished(AttemptResult result) {
        if (thrown.compareAndSet(false, true)) {
          CallObserverContainmentTest.<RuntimeException>sneakyThrow(new java.io.IOException("exporter down once"));
        }
      }
    };
    api(flaky).createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1"));
    assertThat(server.retrieveRecordedRequests(request().withPath("/transfers"))).hasSize(1);
  }
}
