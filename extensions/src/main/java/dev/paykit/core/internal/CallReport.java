package dev.paykit.core.internal;

/**
 * What a facade may learn about the pipeline call it is about to make: how many attempts it took and
 * whether an attempt before the last one may have been processed (its answer was lost, and the retry
 * repeated it under the same key or reference). Ask for one right before the call, on the same thread:
 *
 * <pre>{@code
 * CallReport report = CallReport.expect();
 * CreatePaymentResponse r = api.createPayment(...);
 * boolean replayed = report.earlierAttemptMayHaveBeenProcessed();
 * }</pre>
 *
 * The next pipeline call on this thread takes it and fills it; not shared between threads.
 */
public final class CallReport {

  private static final ThreadLocal<CallReport> EXPECTED = new ThreadLocal<>();

  private int attempts;
  private boolean earlierAttemptMayHaveBeenProcessed;

  private CallReport() {}

  /** A report that the next pipeline call on this thread fills. */
  public static CallReport expect() {
    CallReport report = new CallReport();
    EXPECTED.set(report);
    return report;
  }

  /** The report the current call should fill, or null; taken once. */
  static CallReport take() {
    CallReport report = EXPECTED.get();
    if (report != null) {
      EXPECTED.remove();
    }
    return report;
  }

  void fill(int attempts, boolean earlierAttemptMayHaveBeenProcessed) {
    this.attempts = attempts;
    this.earlierAttemptMayHaveBeenProcessed = earlierAttemptMayHaveBeenProcessed;
  }

  /** Attempts sent by the call (0 when it was not made, e.g. invalid). */
  public int attempts() {
    return attempts;
  }

  /** Whether an attempt before the last may have been processed by the provider. */
  public boolean earlierAttemptMayHaveBeenProcessed() {
    return earlierAttemptMayHaveBeenProcessed;
  }
}
