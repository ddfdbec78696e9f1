package dev.paykit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Told about every call a client makes and about each attempt of it: to time calls (the Spring Boot
 * starter's Micrometer timers and Observations), to count retries, to judge a provider's health. Register
 * one with {@link ClientBuilder#addCallObserver(CallObserver)}. Provider-neutral: the same events for every
 * provider and every operation, also for calls through a {@code feignBuilder()} or a Spring Cloud
 * {@code @FeignClient} built from it.
 *
 * <p>The sequence, all on the calling thread: {@link #callStarted} when the application calls (before
 * validation); on the {@link Call} it returns, for each attempt {@link Call#attemptStarted} and
 * {@link Call#attemptFinished} (attempts 1, 2, ...: an attempt is one request and its answer); then
 * {@link Call#callFinished} once. A call refused by validation has no attempt. A call may start while
 * another call of the same thread is still running (PT API logs in before the first call that needs a
 * session): each has its own {@link Call}.
 *
 * <p>What an observer gets holds no secret and nothing of the payload: the provider id, the spec's
 * operation id, the attempt number, the {@link CallOutcome}, the HTTP status, the exception's type (not the
 * exception: its message names fields and references), durations and whether a retry follows. No body,
 * no header, no idempotency key, no amount.
 *
 * <p>An observer never changes a call: whatever it throws is caught, logged once per observer (WARN, logger
 * {@code dev.paykit.core.CallObserver}) and otherwise ignored; the call goes on as if the observer were not
 * there, and so does the observer's next event. It runs on the calling thread, so keep it quick.
 * Implementations must be thread-safe (calls run concurrently); a {@link Call} is confined to its call's
 * thread.
 */
@FunctionalInterface
public interface CallObserver {

  /**
   * A call starts, before validation.
   *
   * @param provider the provider id ({@code promptcash}, {@code prunny}, {@code paypercut}, {@code prune},
   *     {@code ptapi})
   * @param operationId the spec's operation id (e.g. {@code create-payment})
   * @return what to tell about this call; {@link Call#NONE} (or null) to hear nothing more of it
   */
  Call callStarted(String provider, String operationId);

  /** The events of one call. Every method has a no-op default. */
  interface Call {

    /** Hears nothing. */
    Call NONE = new Call() { };

    /**
     * An attempt starts, before its request is built, authenticated and signed.
     *
     * @param attempt 1 for the first attempt, 2 for the first retry, ...
     */
    default void attemptStarted(int attempt) { }

    /**
     * The attempt {@link #attemptStarted} announced is over.
     *
     * @param result how it ended
     */
    default void attemptFinished(AttemptResult result) { }

    /**
     * The call is over: the application gets its result or the exception described here.
     *
     * @param result how the call ended
     */
    default void callFinished(CallResult result) { }
  }

  /**
   * One attempt's end.
   *
   * @param provider the provider id
   * @param operationId the spec's operation id
   * @param attempt 1 for the first attempt
   * @param outcome how this attempt ended; an attempt's own failure is never {@link CallOutcome#OUTCOME_UNKNOWN}
   *     (whether the call's outcome is unknown is decided once, at the end of the call)
   * @param httpStatus the status of the answer, 0 when none arrived
   * @param exceptionType the type of the exception this attempt ended with, null on success
   * @param duration from {@link Call#attemptStarted} to the end of the answer (or the failure), waits excluded
   * @param retryFollows whether the retry layer will make another attempt of this call (after its wait)
   */
  record AttemptResult(String provider, String operationId, int attempt, CallOutcome outcome, int httpStatus,
      Class<? extends Throwable> exceptionType, Duration duration, boolean retryFollows) {
    /**
     * Checks that provider, operation id, outcome and duration are given.
     *
     * @param provider the provider id, not null
     * @param operationId the spec's operation id, not null
     * @param attempt 1 for the first attempt
     * @param outcome how this attempt ended, not null
     * @param httpStatus the status of the answer, 0 when none arrived
     * @param exceptionType the exception's type, null on success
     * @param duration the attempt's duration, waits excluded; not null
     * @param retryFollows whether another attempt follows
     * @throws NullPointerException when a value that must be given is null
     */
    public AttemptResult {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(operationId, "operationId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * A call's end.
   *
   * @param provider the provider id
   * @param operationId the spec's operation id
   * @param attempts the attempts made, 0 when the call was refused before sending
   * @param outcome how the call ended, as the exception the application gets says
   * @param httpStatus the status of the last answer, 0 when none arrived
   * @param exceptionType the type of the exception the application gets, null on success
   * @param duration from {@link CallObserver#callStarted} to the end, every attempt and wait included
   */
  record CallResult(String provider, String operationId, int attempts, CallOutcome outcome, int httpStatus,
      Class<? extends Throwable> exceptionType, Duration duration) {
    /**
     * Checks that provider, operation id, outcome and duration are given.
     *
     * @param provider the provider id, not null
     * @param operationId the spec's operation id, not null
     * @param attempts the attempts made, 0 when the call was refused before sending
     * @param outcome how the call ended, not null
     * @param httpStatus the status of the last answer, 0 when none arrived
     * @param exceptionType the exception's type, null on success
     * @param duration the call's duration, every attempt and wait included; not null
     * @throws NullPointerException when a value that must be given is null
     */
    public CallResult {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(operationId, "operationId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(duration, "duration");
    }
  }
}
