package dev.paykit.core.internal;

import dev.paykit.core.CallObserver;
import dev.paykit.core.CallOutcome;
import dev.paykit.core.PaykitException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's {@link CallObserver}s, guarded: whatever an observer throws is caught and logged once per
 * observer, so that observing never changes a call. Measures durations on the client's monotonic time
 * source. Thread-safe; one per client. {@link Observed} is one call's, confined to its thread.
 */
public final class CallObservers {

  private static final Logger log = LoggerFactory.getLogger(CallObserver.class);

  /** No observer: {@link #start} returns {@link Observed#NONE}. */
  public static final CallObservers NONE = new CallObservers(List.of(), System::nanoTime);

  private final Guarded[] observers;
  private final LongSupplier nanoTime;

  private CallObservers(List<CallObserver> observers, LongSupplier nanoTime) {
    this.observers = observers.stream().map(Guarded::new).toArray(Guarded[]::new);
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** These observers, told in this order; durations from {@code nanoTime} (nanoseconds, monotonic). */
  public static CallObservers of(List<CallObserver> observers, LongSupplier nanoTime) {
    return observers.isEmpty() ? NONE : new CallObservers(List.copyOf(observers), nanoTime);
  }

  boolean isEmpty() {
    return observers.length == 0;
  }

  /** A call of this operation starts. */
  Observed start(String provider, String operationId) {
    if (observers.length == 0) {
      return Observed.NONE;
    }
    CallObserver.Call[] calls = new CallObserver.Call[observers.length];
    for (int i = 0; i < observers.length; i++) {
      Guarded g = observers[i];
      CallObserver.Call call = null;
      try {
        call = g.observer.callStarted(provider, operationId);
      } catch (Throwable e) { // anything, checked or an Error: observing never changes a call
        g.failed(e);
      }
      calls[i] = call == null ? CallObserver.Call.NONE : call;
    }
    return new Observed(this, provider, operationId, calls);
  }

  /** One observer and whether its failure was logged already. */
  private static final class Guarded {
    final CallObserver observer;
    final AtomicBoolean logged = new AtomicBoolean();

    Guarded(CallObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
    }

    void failed(Throwable e) {
      if (logged.compareAndSet(false, true)) {
        log.warn("paykit call observer {} threw; ignored (the call is not affected; further failures of this"
            + " observer are not logged)", observer.getClass().getName(), e);
      }
    }
  }

  /** One call's observation: the events of its attempts and its end. */
  static final class Observed {

    /** Observes nothing. */
    static final Observed NONE = new Observed(null, null, null, new CallObserver.Call[0]);

    private final CallObservers owner;
    private final String provider;
    private final String operationId;
    private final CallObserver.Call[] calls;
    private final long started;
    private long attemptStarted;
    private int attempts;
    private int lastStatus;

    private Observed(CallObservers owner, String provider, String operationId, CallObserver.Call[] calls) {
      this.owner = owner;
      this.provider = provider;
      this.operationId = operationId;
      this.calls = calls;
      this.started = owner == null ? 0L : owner.nanoTime.getAsLong();
    }

    /** Whether anyone listens (so that what only they need is worked out). */
    boolean active() {
      return owner != null;
    }

    void attemptStarted(int attempt) {
      if (owner == null) {
        return;
      }
      attempts = attempt;
      lastStatus = 0;
      attemptStarted = owner.nanoTime.getAsLong();
      for (int i = 0; i < calls.length; i++) {
        try {
          calls[i].attemptStarted(attempt);
        } catch (Throwable e) { // anything, checked or an Error: observing never changes a call
          owner.observers[i].failed(e);
        }
      }
    }

    /**
     * The attempt is over.
     *
     * @param failure null on success
     * @param responseStatus the status of the answer the transport received, 0 for none
     */
    void attemptFinished(int attempt, Throwable failure, int responseStatus, boolean retryFollows) {
      if (owner == null) {
        return;
      }
      lastStatus = status(failure, responseStatus);
      CallObserver.AttemptResult result = new CallObserver.AttemptResult(provider, operationId, attempt,
          CallOutcome.of(failure), lastStatus, failure == null ? null : failure.getClass(),
          Duration.ofNanos(owner.nanoTime.getAsLong() - attemptStarted), retryFollows);
      for (int i = 0; i < calls.length; i++) {
        try {
          calls[i].attemptFinished(result);
        } catch (Throwable e) { // anything, checked or an Error: observing never changes a call
          owner.observers[i].failed(e);
        }
      }
    }

    /** The call is over; {@code failure} is what the caller gets (null on success). */
    void callFinished(Throwable failure) {
      if (owner == null) {
        return;
      }
      CallObserver.CallResult result = new CallObserver.CallResult(provider, operationId, attempts,
          CallOutcome.of(failure), attempts == 0 ? 0 : status(failure, lastStatus),
          failure == null ? null : failure.getClass(), Duration.ofNanos(owner.nanoTime.getAsLong() - started));
      for (int i = 0; i < calls.length; i++) {
        try {
          calls[i].callFinished(result);
        } catch (Throwable e) { // anything, checked or an Error: observing never changes a call
          owner.observers[i].failed(e);
        }
      }
    }

    private static int status(Throwable failure, int fallback) {
      return failure instanceof PaykitException p && p.httpStatus() > 0 ? p.httpStatus() : fallback;
    }
  }
}
