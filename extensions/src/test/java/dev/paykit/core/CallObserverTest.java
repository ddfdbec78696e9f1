package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.CallObserver.AttemptResult;
import dev.paykit.core.CallObserver.CallResult;
import dev.paykit.core.TestkitApi.Transfer;
import feign.jackson.JacksonDecoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;

/** What a {@link CallObserver} is told about calls and attempts, and that observing never changes a call. */
class CallObserverTest {

  private static final long MS = 1_000_000L;

  private static ClientAndServer server;
  private PipelineFixture fixture;
  /** Each reading is 1 ms later than the one before. */
  private final AtomicLong nanos = new AtomicLong();
  private Recording recording;
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
    recording = new Recording();
    api = api(recording);
  }

  private TestkitApi api(CallObserver... observers) {
    return fixture.runtime("http://127.0.0.1:" + server.getPort(),
        RetryPolicy.builder().sleeper(fixture.sleeper).random(() -> 0.0).build(), new JacksonDecoder(fixture.mapper),
        null, b -> b.callObservers(List.of(observers), () -> nanos.addAndGet(MS))).api(TestkitApi.class);
  }

  private void answer(String path, int status, String body, Times times) {
    server.when(request().withPath(path), times)
        .respond(response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body));
  }

  /** Records every event as a line, and the results. */
  static final class Recording implements CallObserver {
    final List<String> events = new ArrayList<>();
    final List<AttemptResult> attempts = new ArrayList<>();
    final List<CallResult> calls = new ArrayList<>();

    @Override
    public Call callStarted(String provider, String operationId) {
      events.add("call " + provider + " " + operationId);
      return new Call() {
        @Override
        public void attemptStarted(int attempt) {
          events.add("attempt " + attempt);
        }

        @Override
        public void attemptFinished(AttemptResult result) {
          events.add("attempt " + result.attempt() + " " + result.outcome() + " " + result.httpStatus()
              + (result.retryFollows() ? " retry" : ""));
          attempts.add(result);
        }

        @Override
        public void callFinished(CallResult result) {
          events.add("end " + result.outcome() + " " + result.httpStatus() + " after " + result.attempts());
          calls.add(result);
        }
      };
    }
  }

  @Test
  void aCallRetriedTwiceThenAnswered() {
    answer("/transfers", 503, "{\"message\":\"busy\"}", Times.exactly(2));
    answer("/transfers", 200, "{\"id\":\"t1\"}", Times.unlimited());

    api.createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1"));

    assertThat(recording.events).containsExactly("call testkit createTransfer",
        "attempt 1", "attempt 1 PROVIDER_ERROR 503 retry",
        "attempt 2", "attempt 2 PROVIDER_ERROR 503 retry",
        "attempt 3", "attempt 3 SUCCESS 200",
        "end SUCCESS 200 after 3");
    assertThat(recording.attempts).allSatisfy(a -> {
      assertThat(a.provider()).isEqualTo("testkit");
      assertThat(a.operationId()).isEqualTo("createTransfer");
      assertThat(a.duration()).isEqualTo(Duration.ofMillis(1)); // start and end are consecutive readings
    });
    assertThat(recording.attempts.get(0).exceptionType()).isEqualTo(ServerException.class);
    assertThat(recording.attempts.get(2).exceptionType()).isNull();
    CallResult call = recording.calls.get(0);
    assertThat(call.exceptionType()).isNull();
    assertThat(call.duration()).isEqualTo(Duration.ofMillis(7)); // 8 readings: call, 3 x (start, end), end
    assertThat(server.retrieveRecordedRequests(request().withPath("/transfers"))).hasSize(3);
  }

  @Test
  void aValidationRefusalHasNoAttempt() {
    assertThatThrownBy(() -> api.createTransfer(null, new Transfer(new BigDecimal("-5"), "ref-1")))
        .isInstanceOf(ValidationException.class);

    assertThat(recording.events).containsExactly("call testkit createTransfer", "end VALIDATION_REFUSED 0 after 0");
    assertThat(recording.calls.get(0).exceptionType()).isEqualTo(ValidationException.class);
    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void aTypedProviderErrorIsNotRetried() {
    answer("/items/abc", 404, "{\"code\":\"missing\",\"message\":\"no such item\"}", Times.unlimited());

    assertThatThrownBy(() -> api.getItem("abc")).isInstanceOf(NotFoundException.class);

    assertThat(recording.events).containsExactly("call testkit getItem", "attempt 1",
        "attempt 1 PROVIDER_ERROR 404", "end PROVIDER_ERROR 404 after 1");
    assertThat(recording.calls.get(0).exceptionType()).isEqualTo(NotFoundException.class);
  }

  @Test
  void aServerErrorOnAPostThatIsNotSafeToRepeatEndsInAnUnknownOutcome() {
    answer("/notes", 500, "{\"message\":\"oops\"}", Times.unlimited());

    assertThatThrownBy(() -> api.createNote("hello")).isInstanceOf(OutcomeUnknownException.class);

    // the attempt's own failure is a 500; that the call's outcome is unknown is decided at its end
    assertThat(recording.events).containsExactly("call testkit createNote", "attempt 1",
        "attempt 1 PROVIDER_ERROR 500", "end OUTCOME_UNKNOWN 500 after 1");
    assertThat(recording.attempts.get(0).exceptionType()).isEqualTo(ServerException.class);
    assertThat(recording.calls.get(0).exceptionType()).isEqualTo(OutcomeUnknownException.class);
  }

  @Test
  void transportFailuresOfARead() {
    server.when(request().withPath("/items/abc"), Times.unlimited()).error(HttpError.error().withDropConnection(true));

    assertThatThrownBy(() -> api.getItem("abc")).isInstanceOf(TransportException.class);

    assertThat(recording.events).containsExactly("call testkit getItem",
        "attempt 1", "attempt 1 TRANSPORT_FAILURE 0 retry",
        "attempt 2", "attempt 2 TRANSPORT_FAILURE 0 retry",
        "attempt 3", "attempt 3 TRANSPORT_FAILURE 0",
        "end TRANSPORT_FAILURE 0 after 3");
    assertThat(fixture.sleeper.waits()).hasSize(2); // the retry layer did what the observer was told
  }

  /** Throws from every method. */
  static final class Throwing implements CallObserver {
    @Override
    public Call callStarted(String provider, String operationId) {
      return new Call() {
        @Override
        public void attemptStarted(int attempt) {
          throw new IllegalStateException("observer broke on attempt " + attempt);
        }

        @Override
        public void attemptFinished(AttemptResult result) {
          throw new IllegalStateException("observer broke");
        }

        @Override
        public void callFinished(CallResult result) {
          throw new IllegalStateException("observer broke");
        }
      };
    }
  }

  @Test
  void anObserverThatThrowsChangesNothingAndIsLoggedOnce() {
    answer("/transfers", 503, "{\"message\":\"busy\"}", Times.exactly(1));
    answer("/transfers", 200, "{\"id\":\"t1\"}", Times.unlimited());
    CallObserver throwsOnStart = (provider, operationId) -> {
      throw new IllegalStateException("observer broke at start");
    };
    TestkitApi observed = api(throwsOnStart, new Throwing(), recording, (provider, operationId) -> null);

    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      assertThat(observed.createTransfer(null, new Transfer(BigDecimal.ONE, "a"))).containsEntry("id", "t1");
      assertThat(observed.createTransfer(null, new Transfer(BigDecimal.ONE, "b"))).containsEntry("id", "t1");
      assertThatThrownBy(() -> observed.createTransfer(null, new Transfer(new BigDecimal("-1"), "c")))
          .isInstanceOf(ValidationException.class);
    } finally {
      System.setErr(err);
    }

    // the same wire as without observers: one 503, retried once with the same key, then the second call
    assertThat(server.retrieveRecordedRequests(request().withPath("/transfers"))).hasSize(3);
    assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofMillis(500));
    // the observer after the broken ones heard everything
    assertThat(recording.events).containsExactly("call testkit createTransfer",
        "attempt 1", "attempt 1 PROVIDER_ERROR 503 retry", "attempt 2", "attempt 2 SUCCESS 200", "end SUCCESS 200 after 2",
        "call testkit createTransfer", "attempt 1", "attempt 1 SUCCESS 200", "end SUCCESS 200 after 1",
        "call testkit createTransfer", "end VALIDATION_REFUSED 0 after 0");
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged.split("paykit call observer ", -1)).as(logged).hasSize(3); // once for each broken observer
    assertThat(logged).contains("observer broke at start", "observer broke on attempt 1")
        .doesNotContain(PipelineFixture.API_KEY);
  }

  @Test
  void eachCallIsReportedOnItsOwn() {
    answer("/items/abc", 200, "{}", Times.unlimited());
    api.getItem("abc");
    api.getItem("abc");

    assertThat(recording.calls).hasSize(2).allSatisfy(c -> {
      assertThat(c.outcome()).isEqualTo(CallOutcome.SUCCESS);
      assertThat(c.httpStatus()).isEqualTo(200);
      assertThat(c.attempts()).isEqualTo(1);
      assertThat(c.duration()).isEqualTo(Duration.ofMillis(3));
    });
  }

  @Test
  void outcomesFollowTheExceptionTypes() {
    assertThat(CallOutcome.of(null)).isEqualTo(CallOutcome.SUCCESS);
    assertThat(CallOutcome.of(new IllegalStateException())).isEqualTo(CallOutcome.CLIENT_FAILURE);
    assertThat(CallOutcome.of(new ConnectionException(ErrorDetails.builder("x").build(), null)))
        .isEqualTo(CallOutcome.TRANSPORT_FAILURE);
    assertThat(CallOutcome.of(new ServerException(ErrorDetails.builder("x").httpStatus(502).build(), null)))
        .isEqualTo(CallOutcome.PROVIDER_ERROR);
  }
}
