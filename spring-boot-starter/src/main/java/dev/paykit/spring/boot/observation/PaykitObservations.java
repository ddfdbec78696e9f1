package dev.paykit.spring.boot.observation;

import dev.paykit.core.CallObserver;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * A paykit {@link CallObserver} that makes a Micrometer {@link Observation} of every call
 * ({@value #CALL}) and, as its child, of every attempt ({@value #ATTEMPT}), with low-cardinality keys only.
 * With Spring Boot's observation support, the meter handler turns them into timers of those names and the
 * tracing handler into spans; nothing is added to the requests (no trace headers reach the providers).
 *
 * <p>Keys of a call: {@code provider}, {@code operation} (the spec's operation id), {@code outcome}
 * ({@link dev.paykit.core.CallOutcome}), {@code status} (the last HTTP status, or {@code NONE}),
 * {@code exception} (the simple name of the exception's class, or {@code none}). Keys of an attempt: the
 * same, with the attempt's own outcome, status and exception, plus {@code attempt} (1, 2, ...) and
 * {@code retry} ({@code true} when another attempt follows). The observations carry no exception
 * ({@link Observation#error} is not called): paykit gives observers the exception's type, not the exception,
 * so Micrometer's own {@code error} tag stays {@code none}; read {@code exception} and {@code outcome}.
 */
public final class PaykitObservations implements CallObserver {

  /** Name of the observation (and of the timer Boot makes from it) of a call. */
  public static final String CALL = "paykit.client.requests";

  /** Name of the observation (and of the timer Boot makes from it) of an attempt. */
  public static final String ATTEMPT = "paykit.client.attempts";

  private final ObservationRegistry registry;

  /**
   * Makes the observer; it observes nothing while the registry is a no-op one.
   *
   * @param registry where the call and attempt observations are made; not {@code null}
   */
  public PaykitObservations(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Call callStarted(String provider, String operationId) {
    if (registry.isNoop()) {
      return Call.NONE;
    }
    Observation call = Observation.createNotStarted(CALL, registry)
        .contextualName("paykit " + provider + " " + operationId)
        .lowCardinalityKeyValue("provider", provider)
        .lowCardinalityKeyValue("operation", operationId)
        .start();
    return new ObservedCall(registry, call, call.openScope(), provider, operationId);
  }

  private static String status(int httpStatus) {
    return httpStatus > 0 ? Integer.toString(httpStatus) : "NONE";
  }

  private static String exception(Class<? extends Throwable> type) {
    return type == null ? "none" : type.getSimpleName();
  }

  /** One call's observation and the current attempt's; confined to the call's thread. */
  private static final class ObservedCall implements Call {
    private final ObservationRegistry registry;
    private final Observation call;
    private final Observation.Scope callScope;
    private final String provider;
    private final String operationId;
    private Observation attempt;
    private Observation.Scope attemptScope;

    ObservedCall(ObservationRegistry registry, Observation call, Observation.Scope callScope, String provider,
        String operationId) {
      this.registry = registry;
      this.call = call;
      this.callScope = callScope;
      this.provider = provider;
      this.operationId = operationId;
    }

    @Override
    public void attemptStarted(int number) {
      attempt = Observation.createNotStarted(ATTEMPT, registry)
          .contextualName("paykit " + provider + " " + operationId + " attempt " + number)
          .parentObservation(call)
          .lowCardinalityKeyValue("provider", provider)
          .lowCardinalityKeyValue("operation", operationId)
          .lowCardinalityKeyValue("attempt", Integer.toString(number))
          .start();
      attemptScope = attempt.openScope();
    }

    @Override
    public void attemptFinished(AttemptResult r) {
      if (attempt == null) {
        return;
      }
      try {
        attemptScope.close();
      } finally {
        attempt.lowCardinalityKeyValue("outcome", r.outcome().name())
            .lowCardinalityKeyValue(KeyValue.of("status", status(r.httpStatus())))
            .lowCardinalityKeyValue("exception", exception(r.exceptionType()))
            .lowCardinalityKeyValue("retry", Boolean.toString(r.retryFollows()))
            .stop();
        attempt = null;
        attemptScope = null;
      }
    }

    @Override
    public void callFinished(CallResult r) {
      try {
        callScope.close();
      } finally {
        call.lowCardinalityKeyValue("outcome", r.outcome().name())
            .lowCardinalityKeyValue("status", status(r.httpStatus()))
            .lowCardinalityKeyValue("exception", exception(r.exceptionType()))
            .stop();
      }
    }
  }
}
