package dev.paykit.prune;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What Prune's money calls share: a reference claimed once ({@link References}), never a repeat once the
 * request may have reached Prune (the core's rule: the spec gives sendMoney and disburse no idempotency
 * key and no {@code x-paykit-retry}), the core's unknown outcome as a {@link PruneOutcomeUnknownException},
 * and bounded polling. Thread-safe.
 */
final class MoneyCalls {

  private final References references;
  private final RetryPolicy pollPolicy;
  private final Clock clock;

  MoneyCalls(References references, RetryPolicy pollPolicy, Clock clock) {
    this.references = references;
    this.pollPolicy = pollPolicy;
    this.clock = clock;
  }

  References references() {
    return references;
  }

  /**
   * Runs a money call under its reference: claimed before (a reference this client used is refused, with
   * the call's other violations), kept after a success (with Prune's id) or an unknown outcome, given back
   * after a certain failure (refused before sending, or answered with an error: nothing was booked).
   */
  <T> T run(PruneOutcomeUnknownException.Kind kind, String operationId, String reference, RequestOptions options,
      Supplier<T> call, java.util.function.Function<T, String> idOf) {
    boolean claimed = references.claim(reference);
    try {
      T result = Calls.run(operationId, options, call);
      references.booked(reference, idOf.apply(result));
      return result;
    } catch (OutcomeUnknownException unknown) {
      throw unknown instanceof PruneOutcomeUnknownException p ? p : new PruneOutcomeUnknownException(kind, unknown);
    } catch (PaykitException definite) {
      // the core turns every failure after which Prune may have acted into an unknown outcome: this one
      // says nothing was booked (not sent, or refused), so the reference may be tried again
      if (claimed) {
        references.release(reference);
      }
      throw definite;
    } finally {
      references.endCall();
    }
  }

  /** One call whose unknown outcome (an account request) is Prune's typed one. */
  static <T> T unknownAs(PruneOutcomeUnknownException.Kind kind, Supplier<T> call) {
    try {
      return call.get();
    } catch (OutcomeUnknownException unknown) {
      throw unknown instanceof PruneOutcomeUnknownException p ? p : new PruneOutcomeUnknownException(kind, unknown);
    }
  }

  /** Polls {@code poll} until it returns non-null (a final answer), within the poll policy; null when spent. */
  <T> T poll(Poll<T> poll) {
    Instant deadline = clock.instant().plus(pollPolicy.maxElapsed());
    for (int n = 1; ; n++) {
      T done = poll.once(n);
      if (done != null) {
        return done;
      }
      Duration wait = pollPolicy.backoff(n);
      if (n >= pollPolicy.maxAttempts() || clock.instant().plus(wait).isAfter(deadline)) {
        return null;
      }
      try {
        pollPolicy.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null; // stop polling: what is known so far is reported
      }
    }
  }

  /** One status query of a poll; a non-null result ends the polling. */
  @FunctionalInterface
  interface Poll<T> {
    T once(int n);
  }
}
