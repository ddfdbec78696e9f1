package dev.paykit.core.internal;

import dev.paykit.core.RequestOptions;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a facade hands one call's {@link RequestOptions} to the pipeline and learns what the pipeline
 * decided: the idempotency key it sent (the caller's, or the one it made: the pipeline is the key's only
 * owner), how many attempts it took, and whether an attempt before the last one may have been processed
 * (its answer was lost, and the retry repeated it under the same key or reference).
 *
 * <pre>{@code
 * CallReport report = CallReport.of(options);
 * TransactionResponse r = report.run(() -> api.interBankTransfer(null, request));
 * String key = report.idempotencyKey();
 * }</pre>
 *
 * The first pipeline call made inside {@link #run} on this thread takes the report and fills it; the
 * report is removed when {@code run} returns or throws, so it never reaches a later call. Not shared
 * between threads.
 */
public final class CallReport {

  private static final ThreadLocal<CallReport> EXPECTED = new ThreadLocal<>();

  private final RequestOptions options;
  private int attempts;
  private boolean earlierAttemptMayHaveBeenProcessed;
  private String idempotencyKey;

  private CallReport(RequestOptions options) {
    this.options = options;
  }

  /** A report for a call made with these options. */
  public static CallReport of(RequestOptions options) {
    return new CallReport(Objects.requireNonNull(options, "options"));
  }

  /** Runs one call with these options; shorthand for {@code of(options).run(call)}. */
  public static <T> T run(RequestOptions options, Supplier<T> call) {
    return of(options).run(call);
  }

  /** Runs {@code call}, whose first pipeline call gets this report's options and fills it. */
  public <T> T run(Supplier<T> call) {
    CallReport outer = EXPECTED.get();
    EXPECTED.set(this);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        EXPECTED.remove();
      } else {
        EXPECTED.set(outer);
      }
    }
  }

  /** The report the current call should fill, or null; taken once. */
  static CallReport take() {
    CallReport report = EXPECTED.get();
    if (report != null) {
      EXPECTED.remove();
    }
    return report;
  }

  RequestOptions options() {
    return options;
  }

  void key(String key) {
    this.idempotencyKey = key;
  }

  void fill(int attempts, boolean earlierAttemptMayHaveBeenProcessed) {
    this.attempts = attempts;
    this.earlierAttemptMayHaveBeenProcessed = earlierAttemptMayHaveBeenProcessed;
  }

  /**
   * The idempotency key the call sent on every attempt (the caller's or a new one), or null when the
   * operation takes none or the call was refused before a key was chosen.
   */
  public String idempotencyKey() {
    return idempotencyKey;
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
