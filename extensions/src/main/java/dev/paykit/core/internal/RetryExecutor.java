package dev.paykit.core.internal;

import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.spec.OperationSpec;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry layer of a client: a Resilience4j {@link Retry} per operation, built once per client.
 * Feign's {@code Retryer} and OkHttp's own retries are switched off, so nothing else repeats a request.
 *
 * <p>A failed attempt is retried only when all of these hold:
 * <ol>
 *   <li>it is a {@link PaykitException} marked retryable (5xx, 429, transport failure), and not an answer
 *       with a {@code 3xx} status, whatever its body says (paykit follows no redirect, and the request may
 *       have been acted on), except a read's {@code 304} that names no cached answer;
 *   <li>the operation is safe to repeat ({@link OperationSpec#safeToRepeat()}), or the provider
 *       certainly did not act on the request (connection refused, 429);
 *   <li>attempts remain, and the next one would start within {@link RetryPolicy#maxElapsed()} of the
 *       call's start and before the call's deadline ({@link dev.paykit.core.HttpOptions#callTimeout()}).
 * </ol>
 * The wait is the policy's jittered exponential backoff, or the provider's {@code Retry-After} when that
 * is longer.
 *
 * <p>The retry predicate decides and plans each wait (so the time budget is checked before any
 * waiting); Resilience4j sleeps through a JVM-wide static function, so to keep the sleeper per client
 * (and injectable in tests) the interval function waits through {@link RetryPolicy#sleeper()} itself
 * and hands Resilience4j a zero wait.
 */
public final class RetryExecutor {

  private static final Logger log = LoggerFactory.getLogger(RetryExecutor.class);

  private final String provider;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();
  private final RetryRegistry registry;

  public RetryExecutor(String provider, RetryPolicy policy, Clock clock) {
    this(provider, policy, clock, null);
  }

  /**
   * @param registry where the {@link Retry} instances are created and found (named
   *     {@code paykit.<provider>.<operationId>}), so that metrics (Micrometer, Spring) can observe them;
   *     null for a registry of this client's own
   */
  public RetryExecutor(String provider, RetryPolicy policy, Clock clock, RetryRegistry registry) {
    this.provider = provider;
    this.policy = policy;
    this.clock = clock;
    this.registry = registry != null ? registry : RetryRegistry.ofDefaults();
  }

  /** Runs the attempts of one call; the call's {@link CallContext} must be current. */
  public Object execute(OperationSpec operation, Supplier<Object> attempt) {
    Retry retry = retries.computeIfAbsent(operation.operationId(), id -> create(operation));
    CallContext call = CallContext.current();
    if (call != null) {
      call.retries(this);
    }
    return retry.executeSupplier(attempt);
  }

  /** Whether this failure of this operation may be retried (attempt and time budget aside). */
  public static boolean isRetryable(Throwable failure, OperationSpec operation) {
    return failure instanceof PaykitException e
        && e.isRetryable()
        // a redirect is never repeated, whatever its body says (a provider's "slow down" code); a read's 304
        // that names no cached answer is an unusable answer like any other
        && !(Outcomes.isRedirection(e) && (operation.effectful() || e.httpStatus() != 304))
        && (operation.safeToRepeat() || !e.requestMayHaveBeenProcessed());
  }

  /**
   * The operation's {@link Retry}, found or created in the registry. Its configuration holds no policy
   * of this client: the predicate and the waits ask the executor of the call that is running (through
   * its {@link CallContext}), and the attempt cap is checked there too, so two clients of one provider
   * that share a registry (and so the instance named {@code paykit.<provider>.<operationId>}) each keep
   * their own policy, sleeper and clock.
   */
  private Retry create(OperationSpec operation) {
    String name = "paykit." + provider + "." + operation.operationId();
    Retry retry = registry.retry(name, CONFIG);
    if (retry.getRetryConfig() != CONFIG) {
      // An instance of that name made elsewhere (e.g. declared in the application's Resilience4j settings)
      // would retry by its own rules, a money call after a 500 among them: never use it.
      log.warn("Retry instance {} in the given registry was not made by paykit; paykit uses its own (the"
          + " registry's settings for it are ignored so that paykit's retry safety rules hold)", name);
      return Retry.of(name, CONFIG);
    }
    return retry;
  }

  /** Holds no state of a client (see {@link #create}), so one serves them all and marks paykit's instances. */
  private static final RetryConfig CONFIG = RetryConfig.<Object>custom()
      .maxAttempts(Integer.MAX_VALUE) // the running call's policy caps the attempts (shouldRetry)
      .retryOnException(RetryExecutor::shouldRetryRunningCall)
      .intervalBiFunction(RetryExecutor::waitOfRunningCall)
      .failAfterMaxAttempts(false)
      .writableStackTraceEnabled(true)
      .build();

  private static boolean shouldRetryRunningCall(Throwable failure) {
    CallContext call = CallContext.current();
    return call != null && call.retries() != null
        && call.retryDecision(() -> call.retries().shouldRetry(failure, call.operation()));
  }

  /**
   * Decides now, for the running call, whether this failure of its current attempt is retried; the retry
   * layer then keeps this decision (taken once per attempt) instead of deciding again.
   */
  boolean decide(Throwable failure) {
    CallContext call = CallContext.current();
    return call != null && call.retryDecision(() -> shouldRetry(failure, call.operation()));
  }

  private static long waitOfRunningCall(Integer retryNumber, Either<Throwable, Object> outcome) {
    CallContext call = CallContext.current();
    return call == null || call.retries() == null ? 0L : call.retries().waitPlanned(retryNumber, outcome);
  }

  /**
   * Decides and plans the next attempt: the failure must be retryable for this operation, and the wait
   * (backoff, or the provider's longer {@code Retry-After}) must end within the call's time budget.
   */
  private boolean shouldRetry(Throwable failure, OperationSpec operation) {
    if (!isRetryable(failure, operation)) {
      return false;
    }
    CallContext call = CallContext.current();
    if (call == null) {
      return false;
    }
    if (call.attempt() >= policy.maxAttempts()) {
      return false;
    }
    Duration wait = policy.backoff(call.attempt());
    if (failure instanceof PaykitException e && policy.honourRetryAfter()) {
      Duration asked = e.retryAfter().orElse(Duration.ZERO);
      if (asked.compareTo(wait) > 0) {
        wait = asked;
      }
    }
    // Compared as durations, never as instants or nanos: a provider's Retry-After can be any number of
    // seconds, and Instant.plus / Duration.toNanos would overflow on it instead of refusing the wait.
    Duration budget = policy.maxElapsed().minus(Duration.between(call.started(), clock.instant()));
    if (wait.compareTo(budget) > 0) {
      return false; // the next attempt would start too late: the caller gets this failure now
    }
    if (wait.compareTo(Duration.ofNanos(call.remainingNanos())) >= 0) {
      return false; // the call's own deadline would pass while waiting
    }
    call.planWait(wait);
    return true;
  }

  private long waitPlanned(Integer retryNumber, Either<Throwable, Object> outcome) {
    CallContext call = CallContext.current();
    Duration wait = call != null && call.plannedWait() != null ? call.plannedWait() : policy.backoff(retryNumber);
    if (log.isDebugEnabled() && outcome.isLeft()) {
      log.debug("retry {} of {} in {} after: {}", retryNumber, call == null ? "?" : call.operation().operationId(),
          wait, outcome.getLeft().getMessage());
    }
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      if (outcome.isLeft() && outcome.getLeft() instanceof RuntimeException failure) {
        throw failure; // interrupted: stop with the last failure
      }
      throw new IllegalStateException("interrupted while waiting to retry", ie);
    }
    return 0L; // the wait is over; Resilience4j's own JVM-wide sleep must not add to it
  }
}
