package dev.paykit.spring.boot.health;

import dev.paykit.core.CallObserver;
import dev.paykit.core.CallOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The recent outcomes of the calls of the providers whose health is on, kept by observing the clients
 * ({@link CallObserver}): what the health contributors report. Sends nothing and holds nothing of a call but
 * its outcome, status and time. Independent of Spring Boot's health API (Boot 3.5 and 4.0 name it
 * differently), so each line's contributor only maps a {@link Snapshot}. Thread-safe.
 *
 * <p>Judged per call, not per attempt (a call answered after a retry counts as answered):
 * <ul>
 *   <li>a call refused before sending ({@link CallOutcome#VALIDATION_REFUSED}) or failed in the client
 *       ({@link CallOutcome#CLIENT_FAILURE}) says nothing about the provider and is not counted;
 *   <li>a usable answer ({@link CallOutcome#SUCCESS}, or a provider error below 500: a 4xx, a decline)
 *       shows the provider works, and resets the count of failures;
 *   <li>no usable answer ({@link CallOutcome#TRANSPORT_FAILURE}, {@link CallOutcome#OUTCOME_UNKNOWN}, a
 *       provider error of 500 or more) adds one failure.
 * </ul>
 * The state is {@link State#UNKNOWN} before any counted call, {@link State#DOWN} once the failures in a
 * row reach the provider's threshold, {@link State#UP} otherwise.
 */
public final class PaykitCallHistory implements CallObserver {

  /** What the history says of a provider. */
  public enum State {
    /** No counted call yet: nothing is known of the provider. */
    UNKNOWN,
    /** The last counted call had a usable answer, or the failures in a row are below the threshold. */
    UP,
    /** The failures in a row reached the provider's threshold. */
    DOWN
  }

  /**
   * A provider's health at one moment.
   *
   * @param provider the provider's name, as in {@code paykit.<provider>.*}
   * @param state what the history says of the provider
   * @param failuresInARow counted calls without a usable answer since the last one with
   * @param failureThreshold the failures in a row at which the provider is DOWN
   * @param lastOutcome the last counted call's outcome, null before any
   * @param lastStatus its HTTP status, 0 when none arrived (or before any call)
   * @param lastCallAt when it ended, null before any
   */
  public record Snapshot(String provider, State state, int failuresInARow, int failureThreshold,
      CallOutcome lastOutcome, int lastStatus, Instant lastCallAt) {}

  private final Clock clock;
  private final Map<String, Provider> providers = new LinkedHashMap<>();

  /**
   * @param thresholds the providers to keep, each with its failure threshold (at least 1)
   * @param clock when calls end
   */
  public PaykitCallHistory(Map<String, Integer> thresholds, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    thresholds.forEach((provider, threshold) -> {
      if (threshold < 1) {
        throw new IllegalArgumentException("paykit." + provider + ".health.failure-threshold must be at least 1");
      }
      providers.put(provider, new Provider(provider, threshold));
    });
  }

  /** {@return the names of the providers kept, in order} */
  public Set<String> providers() {
    return providers.keySet();
  }

  /**
   * The provider's health now.
   *
   * @param provider a provider's name, one of {@link #providers()}
   * @return its latest snapshot, never {@code null}
   * @throws IllegalArgumentException for a provider not kept
   */
  public Snapshot snapshot(String provider) {
    Provider p = providers.get(provider);
    if (p == null) {
      throw new IllegalArgumentException("no health kept for " + provider);
    }
    return p.snapshot();
  }

  @Override
  public Call callStarted(String provider, String operationId) {
    Provider p = providers.get(provider);
    return p == null ? Call.NONE : p;
  }

  /** One provider's record; as a {@link Call} it only hears the end of each call. */
  private final class Provider implements Call {
    private final String name;
    private final int threshold;
    private Snapshot last;

    Provider(String name, int threshold) {
      this.name = name;
      this.threshold = threshold;
      this.last = new Snapshot(name, State.UNKNOWN, 0, threshold, null, 0, null);
    }

    synchronized Snapshot snapshot() {
      return last;
    }

    @Override
    public void callFinished(CallResult result) {
      CallOutcome outcome = result.outcome();
      if (outcome == CallOutcome.VALIDATION_REFUSED || outcome == CallOutcome.CLIENT_FAILURE) {
        return;
      }
      boolean answered = outcome == CallOutcome.SUCCESS
          || (outcome == CallOutcome.PROVIDER_ERROR && result.httpStatus() < 500);
      Instant at = clock.instant();
      synchronized (this) {
        int failures = answered ? 0 : last.failuresInARow() + 1;
        State state = failures >= threshold ? State.DOWN : State.UP;
        last = new Snapshot(name, state, failures, threshold, outcome, result.httpStatus(), at);
      }
    }
  }
}
