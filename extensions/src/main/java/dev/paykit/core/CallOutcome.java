package dev.paykit.core;

/**
 * How a call, or one attempt of it, ended, as a {@link CallObserver} is told. Decided from the exception
 * paykit threw (none: {@link #SUCCESS}), so it says the same as the exception the caller gets.
 */
public enum CallOutcome {

  /** The provider answered with a usable success. */
  SUCCESS,

  /**
   * The provider answered with an error (a 4xx, a decline, a 5xx it says it did not act on, a readable
   * answer the spec does not allow): an {@link ApiException}, or another {@link PaykitException} that is not
   * one of the kinds below.
   */
  PROVIDER_ERROR,

  /**
   * The call may have been processed and nobody can tell yet ({@link OutcomeUnknownException}): at the end of
   * a call that can have an effect, after a failure that left the provider's action open.
   */
  OUTCOME_UNKNOWN,

  /** Refused before anything was sent ({@link ValidationException}): the provider saw nothing. */
  VALIDATION_REFUSED,

  /** No usable answer arrived: the connection failed, timed out or broke ({@link TransportException}). */
  TRANSPORT_FAILURE,

  /** Anything else the client itself threw (not a {@link PaykitException}): a bug or a JVM error. */
  CLIENT_FAILURE;

  /**
   * The outcome an exception stands for.
   *
   * @param failure the exception the call or attempt ended with, null when it succeeded
   * @return {@link #SUCCESS} for null, otherwise the kind of {@code failure}
   */
  public static CallOutcome of(Throwable failure) {
    if (failure == null) {
      return SUCCESS;
    }
    if (failure instanceof ValidationException) {
      return VALIDATION_REFUSED;
    }
    if (failure instanceof OutcomeUnknownException) {
      return OUTCOME_UNKNOWN;
    }
    if (failure instanceof TransportException) {
      return TRANSPORT_FAILURE;
    }
    if (failure instanceof PaykitException) {
      return PROVIDER_ERROR;
    }
    return CLIENT_FAILURE;
  }
}
