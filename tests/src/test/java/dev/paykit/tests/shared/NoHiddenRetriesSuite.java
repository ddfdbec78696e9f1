package dev.paykit.tests.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No hidden retries, for every transport paykit supports (issue 12, "Transport and lifecycle"): the
 * only layer that repeats a request is the pipeline's retry layer, so the server sees exactly as many
 * requests as the pipeline made attempts, whatever the transport would do by itself. Written once and
 * run per provider against a {@link RawServer}, for
 * <ul>
 *   <li>{@link Transport#PAYKITS_OWN}: the OkHttp client paykit builds;
 *   <li>{@link Transport#USERS_OKHTTP}: the user's own OkHttp client, configured to re-send
 *       ({@code retryOnConnectionFailure(true)}, {@code followRedirects(true)}) and carrying an
 *       application and a network interceptor of its own, which keep running: the application one once
 *       per attempt, the network one once per request on the wire.
 * </ul>
 * The faults are the ones a transport repeats on its own: a connection closed or reset after the
 * request was read (on a fresh and on a reused keep-alive connection), a 503 with
 * {@code Retry-After: 0}, a 408, a redirect. The pipeline's attempts are counted by its own waits
 * (one per retry, recorded by the sleeper) and, for the money call, by the outcome's attempt count.
 * The server is this test's {@link ScriptedServer#raw()}; a provider's subclass lives in that provider's
 * test folder.
 */
@ExtendWith(ScriptedServerExtension.class)
public abstract class NoHiddenRetriesSuite {

  protected static final Instant START = Instant.parse("2026-11-21T10:00:00.123Z");

  /** The transports paykit supports. */
  protected enum Transport { PAYKITS_OWN, USERS_OKHTTP }

  /** A connection that ends after the server has read the whole request, before any answer. */
  protected enum Drop {
    CLOSED_AFTER_READING(Reply::closeWithoutAnswer),
    RESET_AFTER_READING(Reply::reset);

    final Supplier<Reply> reply;

    Drop(Supplier<Reply> reply) {
      this.reply = reply;
    }
  }

  protected RawServer server;
  protected MutableClock clock;
  protected RecordingSleeper sleeper;
  private OkHttpClient users;
  private final AtomicInteger applicationCalls = new AtomicInteger();
  private final AtomicInteger networkCalls = new AtomicInteger();
  /** Requests {@link #connect} itself made (a provider that logs in first, PT), not counted as the test's. */
  private int connectRequests;

  // ---- what each provider supplies ----

  /** Builds the client under test; {@code httpClient} null means paykit's own transport. */
  protected abstract void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient);

  /** The money call (a POST, safe to repeat under its key or reference). */
  protected abstract Object pay();

  protected abstract String payPath();

  protected abstract String paySuccessBody();

  /** A plain read (a GET). */
  protected abstract Object read();

  protected abstract String readPath();

  protected abstract String readSuccessBody();

  /** The provider's own well-formed error body for an HTTP status. */
  protected abstract String errorBody(int status);

  /**
   * Whether the pipeline repeats the money call once its request was read (true: an idempotency key or
   * a reference makes it safe). Prune's is never repeated: its pipeline makes one attempt, and that one
   * attempt must reach the server once whatever the transport would do.
   */
  protected boolean repeatsTheMoneyCall() {
    return true;
  }

  // ---- set-up ----

  @BeforeEach
  void startServer(ScriptedServer scripted) {
    server = scripted.raw(); // closed when the test ends
    clock = new MutableClock(START);
    sleeper = new RecordingSleeper(clock);
  }

  @AfterEach
  void theUsersClientIsLeftAsItWas() {
    if (users != null) {
      assertThat(users.retryOnConnectionFailure()).isTrue(); // paykit changed its copy, not the user's client
      assertThat(users.followRedirects()).isTrue();
      users.connectionPool().evictAll();
    }
  }

  /** Builds the client on this transport with a policy of {@code attempts} attempts. */
  private void use(Transport transport, int attempts) {
    users = transport == Transport.USERS_OKHTTP ? usersClient() : null;
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(attempts).sleeper(sleeper).random(() -> 0.0).build();
    HttpOptions options = HttpOptions.defaults().withConnectTimeout(Duration.ofSeconds(5))
        .withReadTimeout(Duration.ofSeconds(5)).withCallTimeout(Duration.ofSeconds(30));
    connect(server.baseUrl(), policy, options, users);
    connectRequests = server.requests().size();
    applicationCalls.set(0);
    networkCalls.set(0);
  }

  /** An application's client that would re-send by itself, with interceptors of its own. */
  private OkHttpClient usersClient() {
    return new OkHttpClient.Builder()
        .retryOnConnectionFailure(true)
        .followRedirects(true)
        .addInterceptor(chain -> {
          applicationCalls.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .addNetworkInterceptor(chain -> {
          networkCalls.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .build();
  }

  static Stream<Arguments> transportsAndDrops() {
    return Stream.of(Transport.values())
        .flatMap(t -> Stream.of(Drop.values()).map(d -> Arguments.of(t, d)));
  }

  // ---- the money call (POST) ----

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("transportsAndDrops")
  void aPostDroppedAfterItWasReadReachesTheServerOncePerAttemptOfThePipeline(Transport transport, Drop drop) {
    use(transport, 3);
    server.then(3, drop.reply.get());
    int attempts = repeatsTheMoneyCall() ? 3 : 1;

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    assertThat(((OutcomeUnknownException) thrown).attempts()).isEqualTo(attempts);
    assertThat(pipelineAttempts()).isEqualTo(attempts);
    assertThat(server.requests(payPath())).hasSize(attempts);
    assertUsersInterceptors(transport, attempts, attempts);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("transportsAndDrops")
  void aPostWithOneAttemptDroppedAfterItWasReadIsSentOnce(Transport transport, Drop drop) {
    use(transport, 1);
    server.then(drop.reply.get());

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    assertThat(((OutcomeUnknownException) thrown).attempts()).isEqualTo(1);
    assertThat(pipelineAttempts()).isEqualTo(1);
    assertThat(server.requests(payPath())).hasSize(1);
    assertUsersInterceptors(transport, 1, 1);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("transportsAndDrops")
  void aPostOnAReusedKeepAliveConnectionDroppedAfterItWasReadIsNotResent(Transport transport, Drop drop) {
    use(transport, 1);
    server.then(Reply.json(200, paySuccessBody()), drop.reply.get());

    assertThat(pay()).isNotNull();
    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
    assertThat(server.connections()).isEqualTo(1); // the second call went out on the pooled connection
    assertThat(server.requests(payPath())).hasSize(2);
    assertUsersInterceptors(transport, 2, 2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void aPost503WithRetryAfterZeroIsNotFollowedUpByTheTransport(Transport transport) {
    use(transport, 1);
    server.then(unavailableNow());

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.requests(payPath())).hasSize(1);
    assertUsersInterceptors(transport, 1, 1);
  }

  // ---- a read (GET): OkHttp re-sends these by itself unless told not to ----

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("transportsAndDrops")
  void aGetDroppedAfterItWasReadIsSentOncePerAttemptOfThePipeline(Transport transport, Drop drop) {
    use(transport, 3);
    server.then(3, drop.reply.get());

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(PaykitException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(pipelineAttempts()).isEqualTo(3);
    assertThat(server.requests(readPath())).hasSize(3);
    assertUsersInterceptors(transport, 3, 3);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("transportsAndDrops")
  void aGetOnAReusedKeepAliveConnectionDroppedAfterItWasReadIsNotResentByTheTransport(Transport transport,
      Drop drop) {
    use(transport, 1);
    server.then(Reply.json(200, readSuccessBody()), drop.reply.get());

    assertThat(read()).isNotNull();
    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(PaykitException.class);
    assertThat(pipelineAttempts()).isEqualTo(1);
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.requests(readPath())).hasSize(2);
    assertUsersInterceptors(transport, 2, 2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void aGet503WithRetryAfterZeroIsNotFollowedUpByTheTransport(Transport transport) {
    use(transport, 1);
    server.then(unavailableNow());

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.requests(readPath())).hasSize(1);
    assertUsersInterceptors(transport, 1, 1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void aGet408IsNotResentByTheTransport(Transport transport) {
    use(transport, 1);
    server.then(Reply.json(408, errorBody(408)));

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(PaykitException.class);
    assertThat(server.requests(readPath())).hasSize(1);
    assertUsersInterceptors(transport, 1, 1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void aRedirectIsNotFollowedByTheTransport(Transport transport) {
    use(transport, 1);
    server.then(Reply.full(307, Map.of("Location", server.baseUrl() + readPath(), "Content-Type", "application/json"),
        errorBody(307).getBytes(StandardCharsets.UTF_8)));

    Throwable thrown = catchAny(this::read);

    assertThat(thrown).isInstanceOf(PaykitException.class);
    assertThat(server.requests(readPath())).hasSize(1);
    assertUsersInterceptors(transport, 1, 1);
  }

  // ---- helpers ----

  /** The attempts the pipeline made: one, plus one per wait before a retry. */
  private int pipelineAttempts() {
    return sleeper.waits().size() + 1;
  }

  /** On the user's client: its application interceptor ran once per attempt, its network one once per request. */
  private void assertUsersInterceptors(Transport transport, int attempts, int requests) {
    if (transport == Transport.USERS_OKHTTP) {
      assertThat(applicationCalls.get()).as("the user's application interceptor, once per attempt").isEqualTo(attempts);
      assertThat(networkCalls.get()).as("the user's network interceptor, once per request sent").isEqualTo(requests);
    }
    assertThat(server.requests()).as("every request the server read, beyond connect's own")
        .hasSize(connectRequests + requests);
  }

  private Reply unavailableNow() {
    return Reply.full(503, Map.of("Content-Type", "application/json", "Retry-After", "0"),
        errorBody(503).getBytes(StandardCharsets.UTF_8));
  }

  /** Whatever the call threw, or fails when it returned. */
  private static Throwable catchAny(Supplier<Object> call) {
    Object result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure, got a result: " + result);
  }

  /** The requests of this test, for a subclass's own checks. */
  protected List<RawServer.Request> requests() {
    return server.requests();
  }
}
