package dev.paykit.tests.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.AuthenticationException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.tests.support.SandboxTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * What every provider client must do, written once and run for each provider by a small subclass
 * (like AWS's {@code RetryHeaderTestSuite}): retry transient failures of safe calls, never repeat a
 * write's effect after a lost connection, honour Retry-After, type errors without leaking the secret,
 * and reject invalid input before anything is sent.
 *
 * <p>Runs against the run's sandbox ({@link SandboxTest}), reset before each test, with a clock pinned at
 * {@link #START} and a recording sleeper. A provider's subclass lives in that provider's test folder.
 */
@SandboxTest(clock = SandboxTest.DEFAULT_CLOCK)
public abstract class ProviderBehaviourSuite {

  protected static final Instant START = Instant.parse(SandboxTest.DEFAULT_CLOCK);

  protected PaykitSandbox sandbox;
  protected MutableClock clock;
  protected RecordingSleeper sleeper;

  @BeforeEach
  void freshState(PaykitSandbox sandbox, MutableClock clock, RecordingSleeper sleeper) {
    this.sandbox = sandbox;
    this.clock = clock;
    this.sleeper = sleeper;
    prepare(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  /** Sets the simulator's clock, seeds what {@link #read()} needs, and builds a client with this policy. */
  protected abstract void prepare(RetryPolicy policy);

  /** Replaces the client by one whose secret is wrong. */
  protected abstract void useWrongSecret(String wrongSecret);

  /** The client's real secret, which no message may contain. */
  protected abstract String secret();

  protected abstract void failNext(int n, int status, Duration retryAfter);

  protected abstract void dropConnectionAfterProcessingNext();

  /** A read that succeeds in the prepared state, and its path below the sandbox root. */
  protected abstract void read();

  protected abstract String readPath();

  /** A write that is safe to repeat (idempotency key or naturally idempotent), and its path. */
  protected abstract void write();

  protected abstract String writePath();

  /** How many effects of {@link #write()} the simulator holds. */
  protected abstract int writeEffects();

  /**
   * The path at which a wrong secret is refused: the read's, unless the client's first request with a fresh
   * secret is another (PT logs in first, and the gateway refuses the login).
   */
  protected String wrongSecretPath() {
    return readPath();
  }

  /** A call whose input breaks the spec. */
  protected abstract void invalidCall();

  protected HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(path));
  }

  @Test
  void transientFailuresOfAReadAreRetriedWithBackoff() {
    failNext(2, 503, null);
    read();
    assertThat(sent(readPath())).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void aSafeWriteSurvivesAConnectionLostAfterProcessingAndTakesEffectOnce() {
    dropConnectionAfterProcessingNext();
    write();
    assertThat(writeEffects()).isEqualTo(1);
    assertThat(sent(writePath())).hasSize(2);
  }

  @Test
  void retryAfterIsHonoured() {
    failNext(1, 429, Duration.ofSeconds(2));
    read();
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void persistentServerErrorsEndInAServerExceptionAfterTheAttempts() {
    failNext(5, 500, null);
    assertThatThrownBy(this::read).isInstanceOf(ServerException.class);
    assertThat(sent(readPath())).hasSize(3);
  }

  @Test
  void aWrongSecretIsAnAuthenticationErrorThatLeaksNoSecret() {
    String wrong = "wrong-secret-" + secret().hashCode();
    useWrongSecret(wrong);
    assertThatThrownBy(this::read).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(secret());
      assertThat(e.isRetryable()).isFalse();
    });
    assertThat(sent(wrongSecretPath())).hasSize(1);
  }

  @Test
  void invalidInputIsRejectedBeforeAnythingIsSent() {
    assertThatThrownBy(this::invalidCall).isInstanceOf(ValidationException.class);
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
  }
}
