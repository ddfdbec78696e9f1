package dev.paykit.core.internal;

import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.spec.OperationSpec;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one retry layer of a client: a Resilience4j {@link Retry} per operation, built once per client.
 * Feign's {@code Retryer} and OkHttp's own retries are switched off, so nothing else repeats a request.
 *
 * <p>A failed attempt is retried only when all of these hold:
 * <ol>
 *   <li>it is a {@link PaykitException} marked retryable (5xx, 429, transport failure);
 *   <li>the operation is safe to repeat ({@link OperationSpec#safeToRepeat()}), or the provider
 *       certainly did not act on the request (connection refused, 429);
 *   <li>attempts remain, and the next one would start within {@link RetryPolicy#maxElapsed()} of the
 *       call's start.
 * </ol>
 * The wait is the policy's jittered exponential backoff, or the provider's {@code Retry-After} when that
 * is longer.
 *
 * <p>Resilience4j sleeps through a JVM-wide static function; to keep the sleeper per client (and
 * injectable in tests) the interval function waits through {@link RetryPolicy#sleeper()} itself and
 * hands Resilience4j a zero wait. A negative interval tells Resilience4j to stop.
 */
public final class RetryExecutor {

  private final String provider;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();

  public RetryExecutor(String provider, RetryPolicy policy, Clock clock) {
    this.provider = provider;
    this.policy = policy;
    this.clock = clock;
  }

  /** Runs the attempts of one call; the call's {@link CallContext} must be current. */
  public Object execute(OperationSpec operation, Supplier<Object> attempt) {
    Retry retry = retries.computeIfAbsent(operation.operationId(), id -> create(operation));
    return retry.executeSupplier(attempt);
  }

  /** Whether this failure of this operation may be retried (attempt and time budget aside). */
  public static boolean isRetryable(Throwable failure, OperationSpec operation) {
    return failure instanceof PaykitException e
        && e.isRetryable()
        && (operation.safeToRepeat() || !e.requestMayHaveBeenProcessed());
  }

  private Retry create(OperationSpec operation) {
    RetryConfig config = RetryConfig.<Object>custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(t -> isRetryable(t, operation))
        .intervalBiFunction(this::waitBeforeRetry)
        .failAfterMaxAttempts(false)
        .writableStackTraceEnabled(true)
        .build();
    return Retry.of(provider + "." + operation.operationId(), config);
  }

  private long waitBeforeRetry(Integer retryNumber, Either<Throwable, Object> outcome) {
    Duration wait = policy.backoff(retryNumber);
    if (outcome.isLeft() && outcome.getLeft() instanceof PaykitException e && policy.honourRetryAfter()) {
      Duration asked = e.retryAfter().orElse(Duration.ZERO);
      if (asked.compareTo(wait) > 0) {
        wait = asked;
      }
    }
    CallContext call = CallContext.current();
    if (call != null) {
      Instant deadline = call.started().plus(policy.maxElapsed());
      if (clock.instant().plus(wait).isAfter(deadline)) {
        return -1L; // the next attempt would start too late: stop with the last failure
      }
    }
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return -1L;
    }
    return 0L;
  }
}
