package dev.paykit.tests.faults;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.TransportException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.sandbox.PaykitSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Drives one provider through the fault-injecting proxy: {@code calls} money-moving calls, each
 * resubmitted as the SDK says after an unknown outcome until the outcome is known (at most
 * {@value #MAX_RESUBMISSIONS} resubmissions), then compares what the client reported with what the
 * sandbox booked.
 */
final class FaultInjectionRun {

  static final int MAX_RESUBMISSIONS = 10;
  static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  /** Longest a READ_TIMEOUT fault holds a connection whose client never closes it. */
  static final Duration WITHHOLD_CAP = Duration.ofSeconds(10);

  /** How one submission (the first call or a resubmission) ended. */
  enum Outcome {
    /** Returned a result. */
    SUCCESS,
    /** A typed {@link PaykitException} that is not outcome-unknown. */
    DEFINITE_FAILURE,
    /** {@link OutcomeUnknownException}. */
    OUTCOME_UNKNOWN,
    /** Legacy: a {@link TransportException} with {@code isOutcomeUnknown()}, not an {@link OutcomeUnknownException}. */
    LEGACY_UNKNOWN,
    /** Anything thrown that is not a {@link PaykitException} (NullPointerException...). */
    UNTYPED_FAILURE;

    boolean unknown() {
      return this == OUTCOME_UNKNOWN || this == LEGACY_UNKNOWN;
    }

    boolean failed() {
      return this == DEFINITE_FAILURE || this == UNTYPED_FAILURE;
    }

    static Outcome of(Throwable t) {
      if (t == null) {
        return SUCCESS;
      }
      if (t instanceof OutcomeUnknownException) {
        return OUTCOME_UNKNOWN;
      }
      if (t instanceof TransportException te && te.isOutcomeUnknown()) {
        return LEGACY_UNKNOWN;
      }
      return t instanceof PaykitException ? DEFINITE_FAILURE : UNTYPED_FAILURE;
    }
  }

  /** One submission and the requests it made, as the proxy saw them. */
  record Submission(int number, Outcome outcome, Throwable failure, List<FaultInjectionProxy.Exchange> attempts) {

    String attemptsText() {
      return attempts.stream().map(a -> a.decision().toString()).collect(Collectors.joining(", ", "[", "]"));
    }

    boolean answerLost() {
      return attempts.stream().anyMatch(FaultInjectionProxy.Exchange::answerLost);
    }

    /** Whether the last attempt was relayed cleanly, so the client read the provider's own answer. */
    boolean lastAttemptClean() {
      return !attempts.isEmpty() && attempts.get(attempts.size() - 1).decision().isClean()
          && attempts.get(attempts.size() - 1).forwarded();
    }
  }

  /** One call with all its submissions and what the sandbox booked for it. */
  /**
   * @param unresolved why the driver stopped resubmitting while the outcome was still unknown, or null
   * @param unresolvableByApi why the provider's API cannot tell this call's outcome at all (the driver's
   *     {@link ProviderDriver#unresolvableByTheApi}), or null
   */
  record Call(int index, String reference, List<Submission> submissions, int booked, String unresolved,
      String unresolvableByApi) {
    Submission last() {
      return submissions.get(submissions.size() - 1);
    }

    String describe() {
      return "#" + index + " " + reference + " booked=" + booked + " submissions="
          + submissions.stream().map(s -> s.outcome() + s.attemptsText()).collect(Collectors.joining(" then "))
          + (last().failure() == null ? "" : " -> " + FaultInjectionReport.exception(last().failure()));
    }
  }

  /** A submission that ended in something the contract does not allow for what happened on the wire. */
  record Misclassification(Call call, Submission submission, String why, String detail) {
    /**
     * The kind of case, e.g. "definite failure although ...: last attempt TRUNCATED_BODY -> ApiException"
     * (the whole attempt sequence is in {@link #describe()}).
     */
    String group() {
      String last = submission.attempts().isEmpty() ? "none"
          : submission.attempts().get(submission.attempts().size() - 1).decision().toString();
      return why + ": last attempt " + last + " -> " + submission.failure().getClass().getName();
    }

    String describe() {
      return "#" + call.index() + " " + call.reference() + " submission " + submission.number() + " attempts="
          + submission.attemptsText() + " booked=" + call.booked() + " -> "
          + FaultInjectionReport.exception(submission.failure()) + (detail == null ? "" : " [" + detail + "]");
    }
  }

  private final ProviderDriver driver;
  private final PaykitSandbox sandbox;
  private final FaultInjectionSettings settings;

  FaultInjectionRun(ProviderDriver driver, PaykitSandbox sandbox, FaultInjectionSettings settings) {
    this.driver = driver;
    this.sandbox = sandbox;
    this.settings = settings;
  }

  FaultInjectionReport run() {
    long started = System.nanoTime();
    MutableClock clock = new MutableClock(START);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    ProviderDriver.ClientSettings client = new ProviderDriver.ClientSettings(clock,
        RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build(),
        HttpOptions.defaults().withReadTimeout(settings.readTimeout()));

    warmUp(clock);
    sandbox.reset();
    driver.prepare(sandbox, clock);

    SeededFaultPlan plan = new SeededFaultPlan(planSeed(settings.seed(), driver.provider()), settings.rate(),
        EnumSet.allOf(FaultKind.class), true, driver::referenceOf);
    List<Call> calls = new ArrayList<>();
    Map<FaultKind, Integer> faults;
    int requests;
    try (FaultInjectionProxy proxy = FaultInjectionProxy.start(sandbox.port(), plan, driver::errorBody,
        WITHHOLD_CAP)) {
      driver.connect(proxy.url() + driver.pathPrefix(), client);
      for (int i = 0; i < settings.calls(); i++) {
        calls.add(drive(i, proxy));
      }
      faults = proxy.faultCounts();
      requests = proxy.requests();
    }
    List<Call> booked = new ArrayList<>();
    for (Call c : calls) {
      booked.add(new Call(c.index(), c.reference(), c.submissions(), driver.bookedCount(c.reference()),
          c.unresolved(), c.unresolvableByApi()));
    }
    int strays = driver.totalBookings() - booked.stream().mapToInt(Call::booked).sum();
    List<Misclassification> misclassified = new ArrayList<>();
    for (Call c : booked) {
      for (Submission s : c.submissions()) {
        misclassification(c, s).ifPresent(misclassified::add);
      }
    }
    return new FaultInjectionReport(driver.provider(), settings, requests, faults, booked, strays,
        driver.ledgerProblems(), misclassified, sleeper.waits().size(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The fault plan's seed for one provider: the run's seed mixed with the provider id, so that providers
   * do not all see the same fault sequence, and the printed seed still replays every one of them.
   */
  static long planSeed(long seed, String provider) {
    return seed ^ (0x9E3779B97F4A7C15L * provider.hashCode());
  }

  /**
   * One call straight to the sandbox, with a patient client, so that the first (slow) answers of a fresh
   * simulator do not trip the run's short read timeout; its state is reset afterwards.
   */
  private void warmUp(MutableClock clock) {
    sandbox.reset();
    driver.prepare(sandbox, clock);
    driver.connect("http://127.0.0.1:" + sandbox.port() + driver.pathPrefix(), new ProviderDriver.ClientSettings(
        clock, RetryPolicy.builder().sleeper(d -> { }).build(),
        HttpOptions.defaults().withReadTimeout(Duration.ofSeconds(10))));
    try {
      driver.call(0);
    } catch (RuntimeException ignored) {
      // only the warming matters; the run itself shows what a call does
    }
  }

  private Call drive(int i, FaultInjectionProxy proxy) {
    List<Submission> submissions = new ArrayList<>();
    Submission s = submit(1, proxy, () -> driver.call(i));
    submissions.add(s);
    String unresolved = null;
    String unresolvableByApi = null;
    PaykitException unknown = null;
    // After an unknown outcome the caller repeats the call as the SDK says until it gets a definite
    // answer; a transient failure of a repeat (a 503, a rate limit) says nothing about the earlier
    // attempt that may have gone through, so the outcome stays unknown and the caller repeats again.
    while (s.outcome().unknown()
        || (unknown != null && s.failure() instanceof PaykitException p && p.isRetryable())) {
      if (s.outcome().unknown()) {
        unknown = (PaykitException) s.failure();
        Optional<String> byDesign = driver.unresolvableByTheApi(i, unknown);
        if (byDesign.isPresent()) {
          unresolvableByApi = byDesign.get();
          break;
        }
      }
      Optional<String> why = driver.whyNotResubmittable(i, unknown);
      if (why.isPresent()) {
        unresolved = "cannot resubmit: " + why.get();
        break;
      }
      if (submissions.size() > MAX_RESUBMISSIONS) {
        unresolved = "still unknown after " + MAX_RESUBMISSIONS + " resubmissions";
        break;
      }
      PaykitException previous = unknown;
      s = submit(submissions.size() + 1, proxy, () -> driver.resubmit(i, previous));
      submissions.add(s);
    }
    return new Call(i, driver.reference(i), List.copyOf(submissions), -1, unresolved, unresolvableByApi);
  }

  private static Submission submit(int number, FaultInjectionProxy proxy, Supplier<Object> call) {
    int from = proxy.journalSize();
    Throwable failure = null;
    try {
      call.get();
    } catch (RuntimeException e) {
      failure = e;
    }
    return new Submission(number, Outcome.of(failure), failure, proxy.exchanges(from));
  }

  /**
   * What is wrong with how a submission ended, given what happened on the wire:
   * <ul>
   *   <li>anything not a {@link PaykitException};
   *   <li>a legacy {@link TransportException} instead of an {@link OutcomeUnknownException};
   *   <li>a definite failure although an attempt's answer was lost after the request reached the
   *       provider, unless the last attempt read the provider's own answer (e.g. a replay of a
   *       decline);
   *   <li>an {@link OutcomeUnknownException} that lacks what resolves it, or miscounts its attempts.
   * </ul>
   */
  private Optional<Misclassification> misclassification(Call c, Submission s) {
    switch (s.outcome()) {
      case UNTYPED_FAILURE:
        return Optional.of(new Misclassification(c, s, "untyped (not a PaykitException)", null));
      case LEGACY_UNKNOWN:
        return Optional.of(new Misclassification(c, s,
            "legacy TransportException.isOutcomeUnknown() instead of OutcomeUnknownException", null));
      case DEFINITE_FAILURE:
        return s.answerLost() && !s.lastAttemptClean()
            ? Optional.of(new Misclassification(c, s, "definite failure although the request reached the provider", null))
            : Optional.empty();
      case OUTCOME_UNKNOWN:
        OutcomeUnknownException u = (OutcomeUnknownException) s.failure();
        List<String> problems = new ArrayList<>();
        driver.unknownProblem(c.index(), u, s.attempts()).ifPresent(problems::add);
        if (u.attempts() != 0 && u.attempts() != s.attempts().size()) {
          problems.add("attempts() is " + u.attempts() + " but " + s.attempts().size() + " requests were sent");
        }
        return problems.isEmpty() ? Optional.empty()
            : Optional.of(new Misclassification(c, s, "OutcomeUnknownException lacks what resolves it",
                String.join("; ", problems)));
      default:
        return Optional.empty();
    }
  }

  /** Counts of submission outcomes, every outcome present. */
  static Map<Outcome, Integer> outcomeCounts(List<Call> calls) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    calls.forEach(c -> c.submissions().forEach(s -> counts.merge(s.outcome(), 1, Integer::sum)));
    return counts;
  }

  static Map<String, Long> groups(List<Misclassification> misclassified) {
    return misclassified.stream().collect(Collectors.groupingBy(Misclassification::group, TreeMap::new,
        Collectors.counting()));
  }
}
