package dev.paykit.tests.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import dev.paykit.core.ApiException;
import dev.paykit.core.ConnectionException;
import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.core.TimeoutException;
import dev.paykit.core.TransportException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.RawServer.Request;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import dev.paykit.tests.support.WireLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never report money as failed when it may have moved (issue 6 §1-§3), written once and run for each
 * provider against a {@link RawServer}: every answer the client cannot use after the request was sent
 * makes the money call an {@link OutcomeUnknownException} that names the key or reference, the last
 * attempt's error never hides an earlier one that may have gone through, plain reads keep a typed
 * failure, and every call ends by its deadline without buffering an endless body.
 *
 * <p>Each case asserts what reached the server (attempts, the same key or reference on each, the exact
 * first body) and what the caller got. The clock is pinned and the sleeper records; the only real
 * waits are the client's own short timeouts. The server is this test's {@link ScriptedServer#raw()};
 * a provider's subclass lives in that provider's test folder.
 */
@ExtendWith(ScriptedServerExtension.class)
public abstract class OutcomeSafetySuite {

  protected static final Instant START = Instant.parse("2026-11-21T10:00:00.123Z");

  @RegisterExtension
  final WireLog wireLog = new WireLog(provider());

  protected RawServer server;
  protected MutableClock clock;
  protected RecordingSleeper sleeper;

  // ---- what each provider supplies ----

  /** The wire-log name of the provider ({@code dev.paykit.wire.<provider>}). */
  protected abstract String provider();

  /** Builds the client under test against {@code baseUrl}; the calls below use it. */
  protected abstract void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging);

  /** The money call (keyed by an idempotency key or a reference), returning its result. */
  protected abstract Object pay();

  /** The path the money call is sent to. */
  protected abstract String payPath();

  /** A well-formed success answer to the money call. */
  protected abstract String paySuccessBody();

  /** The exact body the first attempt of the money call must send. */
  protected abstract String expectedPayBody();

  /** The key or reference that makes the money call repeatable, as one attempt sent it. */
  protected abstract String keyOf(Request attempt);

  /** The key or reference every attempt of the money call must carry. */
  protected abstract String expectedKey();

  /** Checks the result of a successful money call. */
  protected abstract void assertPaid(Object result);

  /** Checks that an unknown outcome names what the caller needs to resolve it (key, reference, how). */
  protected abstract void assertResolvable(OutcomeUnknownException e);

  /** The provider's own well-formed error body for an HTTP status. */
  protected abstract String errorBody(int status);

  /** A plain read, its path and a well-formed success answer to it. */
  protected abstract Object read();

  protected abstract String readPath();

  protected abstract String readSuccessBody();

  /**
   * Whether the client may repeat the money call once its request may have reached the provider: true when
   * the call carries an idempotency key or is idempotent by its reference (the default). A provider with
   * neither (Prune: no idempotency keys, a second transfer is a second payment) sends it once: the cases
   * below then expect one attempt where the others expect the policy's, and the unknown outcome of that
   * one attempt, never a later answer turned into a result.
   */
  protected boolean repeatsTheMoneyCall() {
    return true;
  }

  /** The attempts of a money call whose every attempt may have reached the provider, under a policy of n. */
  protected int attemptsAfterSending(int n) {
    return repeatsTheMoneyCall() ? n : 1;
  }

  // ---- set-up ----

  @BeforeEach
  void startServer(ScriptedServer scripted) {
    server = scripted.raw(); // closed when the test ends
    clock = new MutableClock(START);
    sleeper = new RecordingSleeper(clock);
    connect(server.baseUrl(), policy(3), options(), false);
  }

  protected RetryPolicy policy(int attempts) {
    return RetryPolicy.builder().maxAttempts(attempts).sleeper(sleeper).random(() -> 0.0).build();
  }

  /** Generous timeouts for the cases that do not test them (loaded build machines). */
  protected static HttpOptions options() {
    return HttpOptions.defaults().withConnectTimeout(Duration.ofSeconds(5)).withReadTimeout(Duration.ofSeconds(5))
        .withCallTimeout(Duration.ofSeconds(30));
  }

  // ---- the money call: an answer that cannot be read is an unknown outcome ----

  @Test
  void aBodyCutOffOnEveryAttemptIsAnUnknownOutcomeNamingTheKeyAfterThreeAttempts() {
    server.then(3, Reply.truncated(200, "application/json", paySuccessBody()));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    int attempts = attemptsAfterSending(3);
    assertSentAttempts(attempts);
    assertThat(e.attempts()).isEqualTo(attempts);
    assertResolvable(e);
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("may have been processed")
        .contains(attempts + (attempts == 1 ? " attempt" : " attempts"));
    assertThat(lastFailure(e)).isInstanceOf(UnexpectedResponseException.class);
    assertNoRawFailureIn(e);
  }

  @Test
  void aBodyCutOffOnceThenAGoodAnswerIsASuccessInTwoAttempts() {
    server.then(Reply.truncated(200, "application/json", paySuccessBody()), Reply.json(200, paySuccessBody()));

    if (!repeatsTheMoneyCall()) {
      // sent once: the good answer is never asked for, the cut one is an unknown outcome
      OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);
      assertResolvable(e);
      assertSentAttempts(1);
      assertThat(server.unusedReplies()).isEqualTo(1);
      assertThat(sleeper.waits()).isEmpty();
      return;
    }
    Object result = pay();

    assertPaid(result);
    assertSentAttempts(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
  }

  /** Answers no client can use as a result of the money call. */
  protected enum BadAnswer {
    INVALID_JSON(s -> Reply.json(200, "{\"payment\": {\"tx_id\": ")),
    HTML_PAGE_WITH_200(s -> Reply.full(200, "text/html", "<html><body>Welcome to nginx!</body></html>")),
    JSON_ARRAY(s -> Reply.json(200, "[]")),
    JSON_STRING(s -> Reply.json(200, "\"ok\"")),
    EMPTY_OBJECT(s -> Reply.json(200, "{}")),
    EMPTY_200(s -> Reply.json(200, "")),
    STATUS_204(s -> Reply.full(204, null, "")),
    STATUS_OUTSIDE_THE_SPEC_299(s -> Reply.json(299, s.paySuccessBody()));

    final Function<OutcomeSafetySuite, Reply> reply;

    BadAnswer(Function<OutcomeSafetySuite, Reply> reply) {
      this.reply = reply;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BadAnswer.class)
  void anAnswerThatCannotBeUsedIsAnUnknownOutcomeNeverAResultOrARawException(BadAnswer answer) {
    server.then(3, answer.reply.apply(this));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    OutcomeUnknownException e = (OutcomeUnknownException) thrown;
    assertSentAttempts(attemptsAfterSending(3));
    assertResolvable(e);
    assertThat(lastFailure(e)).isInstanceOf(UnexpectedResponseException.class);
    assertThat(lastFailure(e).getMessage()).isNotBlank();
    assertNoRawFailureIn(e);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectOfTheMoneyCallIsAnUnknownOutcomeNeitherFollowedNorRepeated(int status) {
    // a gateway or the provider may redirect a request it acted on (303 See Other to the result)
    server.then(3, Reply.full(status, Map.of("Location", "/elsewhere", "Content-Type", "text/html"),
        "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    assertSentAttempts(1);
    assertThat(server.requests()).noneMatch(r -> r.path().contains("elsewhere"));
    assertResolvable(e);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(lastFailure(e)).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(e.getMessage()).contains("redirect (HTTP " + status + ")");
    assertNoRawFailureIn(e);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {302, 303, 307})
  void aRedirectWhoseBodyIsTheProvidersSlowDownIsStillNotRepeated(int status) {
    // the body of a 429 (Prune's envelope code picks the exception: a retryable "not processed" one) must not
    // turn a redirect, which may follow a request the provider acted on, into a second attempt
    server.then(3, Reply.full(status, Map.of("Location", "/elsewhere", "Content-Type", "application/json"),
        errorBody(429).getBytes(StandardCharsets.UTF_8)));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    assertSentAttempts(1);
    assertThat(sleeper.waits()).isEmpty();
    assertResolvable(e);
    assertThat(e.httpStatus()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectOfAReadIsItsTypedFailureNeitherFollowedNorRepeated(int status) {
    server.then(3, Reply.full(status, Map.of("Location", "/elsewhere", "Content-Type", "text/html"),
        "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(ApiException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(((PaykitException) thrown).httpStatus()).isEqualTo(status);
    assertThat(server.requests(readPath())).hasSize(1);
    assertThat(server.requests()).noneMatch(r -> r.path().contains("elsewhere"));
  }

  @Test
  void aGatewaysHtml502IsAnUnknownOutcome() {
    server.then(3, Reply.full(502, "text/html", "<html><h1>502 Bad Gateway</h1></html>"));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    assertSentAttempts(attemptsAfterSending(3));
    assertResolvable(e);
    assertThat(lastFailure(e)).isInstanceOfSatisfying(ServerException.class,
        s -> assertThat(s.httpStatus()).isEqualTo(502));
    assertThat(e.httpStatus()).isEqualTo(502);
  }

  @Test
  void threeServiceUnavailableWithTheProvidersBodyAreAServerErrorNotAnUnknownOutcome() {
    server.then(3, Reply.json(503, errorBody(503)));

    Throwable thrown = catchAny(this::pay);

    // 503 says the provider did not take the request on: nothing can have moved (a client that may not
    // repeat the call still does not, since a 503 is not known to have left it undone)
    assertThat(thrown).isInstanceOf(ServerException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(((ServerException) thrown).httpStatus()).isEqualTo(503);
    assertSentAttempts(attemptsAfterSending(3));
  }

  @Test
  void aReadTimeoutAfterTheRequestWasSentIsAnUnknownOutcome() {
    connect(server.baseUrl(), policy(2), options().withReadTimeout(Duration.ofMillis(300)), false);
    server.then(2, Reply.stall());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    assertSentAttempts(attemptsAfterSending(2));
    assertResolvable(e);
    assertThat(lastFailure(e)).isInstanceOfSatisfying(TimeoutException.class,
        t -> assertThat(t.isOutcomeUnknown()).isTrue());
  }

  @Test
  void aResetAfterTheRequestWasReadIsAnUnknownOutcome() {
    server.then(3, Reply.reset());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    assertSentAttempts(attemptsAfterSending(3));
    assertResolvable(e);
    assertThat(lastFailure(e)).isInstanceOfSatisfying(TransportException.class,
        t -> assertThat(t.isOutcomeUnknown()).isTrue());
  }

  // ---- the last error must not hide an earlier attempt ----

  @Test
  void aConnectionDroppedBeforeTwo503sIsAnUnknownOutcomeThatKeepsTheEarlierFailure() {
    server.then(Reply.closeWithoutAnswer(), Reply.json(503, errorBody(503)), Reply.json(503, errorBody(503)));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    if (!repeatsTheMoneyCall()) {
      assertDroppedOnceAndNotRepeated(e, 2);
      return;
    }
    assertSentAttempts(3);
    assertThat(e.attempts()).isEqualTo(3);
    assertResolvable(e);
    assertThat(e.getMessage()).contains("may have been processed");
    Throwable last = lastFailure(e);
    assertThat(last).isInstanceOfSatisfying(ServerException.class, s -> assertThat(s.httpStatus()).isEqualTo(503));
    assertThat(earlierFailures(e)).hasSize(2)
        .anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(ConnectionException.class,
            c -> assertThat(c.isOutcomeUnknown()).isTrue()));
  }

  @Test
  void aConnectionDroppedBeforeAWellFormed400IsAnUnknownOutcome() {
    server.then(Reply.closeWithoutAnswer(), Reply.json(400, errorBody(400)));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);

    if (!repeatsTheMoneyCall()) {
      assertDroppedOnceAndNotRepeated(e, 1);
      return;
    }
    assertSentAttempts(2);
    assertResolvable(e);
    assertThat(lastFailure(e)).isInstanceOfSatisfying(ApiException.class,
        a -> assertThat(a.httpStatus()).isEqualTo(400));
    assertThat(earlierFailures(e)).singleElement().isInstanceOf(ConnectionException.class);
  }

  /**
   * A {@code Retry-After} no wait can honour (here about three billion years) ends the retries; it must not
   * overflow the time budget's arithmetic into a raw {@code DateTimeException} that skips the outcome rule.
   */
  @Test
  void anAbsurdRetryAfterAfterADroppedConnectionIsStillAnUnknownOutcome() {
    server.then(Reply.closeWithoutAnswer(), Reply.full(429, java.util.Map.of("Content-Type", "application/json",
        "Retry-After", "99999999999999999"), errorBody(429).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    if (!repeatsTheMoneyCall()) {
      assertDroppedOnceAndNotRepeated((OutcomeUnknownException) thrown, 1);
      return;
    }
    assertSentAttempts(2);
    assertResolvable((OutcomeUnknownException) thrown);
    assertThat(lastFailure((OutcomeUnknownException) thrown)).isInstanceOf(dev.paykit.core.RateLimitException.class);
  }

  @Test
  void anAbsurdRetryAfterOnARead503IsATypedServerError() {
    server.then(Reply.full(503, java.util.Map.of("Content-Type", "application/json",
        "Retry-After", Long.toString(Long.MAX_VALUE)), errorBody(503).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOfSatisfying(ServerException.class, s -> assertThat(s.httpStatus()).isEqualTo(503));
    assertThat(server.requests(readPath())).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  // ---- reads keep a typed failure ----

  /** Answers no client can use as the result of a read. */
  protected enum BadReadAnswer {
    CUT_OFF(s -> Reply.truncated(200, "application/json", s.readSuccessBody()), "JSON"),
    EMPTY_200(s -> Reply.json(200, ""), "empty"),
    STATUS_299(s -> Reply.json(299, s.readSuccessBody()), "299");

    final Function<OutcomeSafetySuite, Reply> reply;
    final String says;

    BadReadAnswer(Function<OutcomeSafetySuite, Reply> reply, String says) {
      this.reply = reply;
      this.says = says;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BadReadAnswer.class)
  void aReadWhoseAnswerCannotBeUsedIsAnUnexpectedResponseAfterTheRetriesNotAnUnknownOutcome(BadReadAnswer answer) {
    server.then(3, answer.reply.apply(this));

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(UnexpectedResponseException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(thrown.getMessage()).contains(answer.says);
    assertThat(server.requests(readPath())).hasSize(3);
    assertNoRawFailureIn(thrown);
  }

  @Test
  void aReadThatTimesOutIsRetriedLikeAnyTransientFailure() {
    connect(server.baseUrl(), policy(3), options().withReadTimeout(Duration.ofMillis(300)), false);
    server.then(Reply.stall(), Reply.json(200, readSuccessBody()));

    assertThat(read()).isNotNull();

    assertThat(server.requests(readPath())).hasSize(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
  }

  // ---- bounded calls ----

  @Test
  void aReadFromAServerThatDripsEndsByTheCallTimeout() {
    connect(server.baseUrl(), policy(3), dripOptions(), false);
    server.then(Reply.drip(200, "application/json", readSuccessBody(), 1_000_000, Duration.ofMillis(50)));

    long started = System.nanoTime();
    Throwable thrown = catchAny(this::read);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(thrown).isInstanceOf(TimeoutException.class);
    assertThat(took).isLessThan(Duration.ofSeconds(10)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(server.requests(readPath())).hasSize(1); // the deadline leaves no time for a retry
  }

  @Test
  void aMoneyCallToAServerThatDripsEndsByTheCallTimeoutAsAnUnknownOutcome() {
    connect(server.baseUrl(), policy(3), dripOptions(), false);
    server.then(Reply.drip(200, "application/json", paySuccessBody(), 1_000_000, Duration.ofMillis(50)));

    long started = System.nanoTime();
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::pay);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(10)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertSentAttempts(1);
    assertResolvable(e);
  }

  private static HttpOptions dripOptions() {
    return options().withReadTimeout(Duration.ofSeconds(2)).withCallTimeout(Duration.ofSeconds(1));
  }

  @Test
  void anEndlessBodyWithTheWireLogOnEndsInATypedFailureAndTheLoggedBodyIsCapped() {
    connect(server.baseUrl(), policy(3), options(), true);
    server.otherwise(Reply.endless(200, "application/json", "{\"data\":{\"note\":\"", "x"));
    // WireLog captures only: six 64 KiB lines never reach the console
    Throwable paid = catchAny(this::pay);
    Throwable read = catchAny(this::read);

    assertThat(read).isInstanceOf(UnexpectedResponseException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(read.getMessage()).contains("larger than");
    assertThat(paid).isInstanceOf(OutcomeUnknownException.class);
    assertThat(server.requests(readPath())).hasSize(3);
    assertSentAttempts(attemptsAfterSending(3));
    String log = wireLog.text();
    assertThat(log).contains("log truncated");
    assertThat(Arrays.stream(log.split("\n")).mapToInt(String::length).max().orElse(0))
        .isBetween(64 * 1024, 64 * 1024 + 200);
    assertThat(log.length()).isLessThan(6 * (64 * 1024 + 200) + 64 * 1024); // 6 bodies, each capped
  }

  // ---- helpers ----

  /**
   * A money call that may not be repeated, whose one attempt's connection closed after the request was
   * read: an unknown outcome after that one attempt, its connection failure the cause, nothing earlier,
   * and the {@code unused} scripted answers after it never asked for.
   */
  private void assertDroppedOnceAndNotRepeated(OutcomeUnknownException e, int unused) {
    assertSentAttempts(1);
    assertThat(e.attempts()).isEqualTo(1);
    assertResolvable(e);
    assertThat(e.getMessage()).contains("may have been processed");
    assertThat(lastFailure(e)).isInstanceOfSatisfying(ConnectionException.class,
        c -> assertThat(c.isOutcomeUnknown()).isTrue());
    assertThat(earlierFailures(e)).isEmpty();
    assertThat(server.unusedReplies()).isEqualTo(unused);
    assertThat(sleeper.waits()).isEmpty();
  }

  /** The attempts of the money call: their number, one key or reference on all, the exact first body. */
  protected void assertSentAttempts(int n) {
    List<Request> attempts = server.requests(payPath());
    assertThat(attempts).hasSize(n);
    assertThat(attempts).allSatisfy(a -> assertThat(a.method()).isEqualTo("POST"));
    assertThat(attempts.stream().map(this::keyOf)).containsOnly(expectedKey());
    assertThat(attempts.get(0).bodyText()).isEqualTo(expectedPayBody());
  }

  /** The core's decision: the innermost outcome-unknown exception (a provider may wrap it). */
  protected static OutcomeUnknownException coreOutcome(OutcomeUnknownException e) {
    OutcomeUnknownException core = e;
    while (core.getCause() instanceof OutcomeUnknownException inner) {
      core = inner;
    }
    return core;
  }

  /** The last attempt's failure, which the core keeps as the cause of its outcome-unknown exception. */
  protected static Throwable lastFailure(OutcomeUnknownException e) {
    return coreOutcome(e).getCause();
  }

  /** The earlier attempts' failures, kept suppressed on the last one. */
  protected static List<Throwable> earlierFailures(OutcomeUnknownException e) {
    return List.of(lastFailure(e).getSuppressed());
  }

  /** Whatever the call threw (an Error too), or fails when it returned. */
  protected static Throwable catchAny(ThrowingCall call) {
    try {
      Object result = call.run();
      throw new AssertionError("expected a failure, got a result: " + result);
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable t) {
      return t;
    }
  }

  @FunctionalInterface
  protected interface ThrowingCall {
    Object run() throws Throwable;
  }

  /** Neither the exception nor anything it carries is a NullPointerException, a Jackson exception or untyped. */
  protected static void assertNoRawFailureIn(Throwable e) {
    assertThat(e).isInstanceOf(PaykitException.class);
    for (Throwable t : everythingIn(e)) {
      assertThat(t).isNotInstanceOf(NullPointerException.class).isNotInstanceOf(JacksonException.class)
          .isNotInstanceOf(ClassCastException.class);
    }
  }

  private static List<Throwable> everythingIn(Throwable root) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      all.add(t);
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
    return all;
  }
}
