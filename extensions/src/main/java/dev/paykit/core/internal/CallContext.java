package dev.paykit.core.internal;

import dev.paykit.core.spec.OperationSpec;
import java.time.Instant;

/**
 * What one logical call carries across its attempts: the operation, its idempotency key, when it
 * started and which attempt is running. Created once per call by {@link CallPipeline}, visible to the
 * per-attempt steps on the calling thread only.
 */
public final class CallContext {

  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final OperationSpec operation;
  private final String idempotencyKey;
  private final Instant started;
  private int attempt;
  private java.time.Duration plannedWait;

  CallContext(OperationSpec operation, String idempotencyKey, Instant started) {
    this.operation = operation;
    this.idempotencyKey = idempotencyKey;
    this.started = started;
  }

  /** The call running on this thread, or null outside a pipeline call. */
  public static CallContext current() {
    return CURRENT.get();
  }

  static void set(CallContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  public OperationSpec operation() {
    return operation;
  }

  /** The key sent on every attempt of this call, or null when the operation takes none. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Instant started() {
    return started;
  }

  /** 1 for the first attempt. */
  public int attempt() {
    return attempt;
  }

  void nextAttempt() {
    attempt++;
  }

  /** The wait the retry layer chose before the next attempt, or null. */
  java.time.Duration plannedWait() {
    return plannedWait;
  }

  void planWait(java.time.Duration wait) {
    plannedWait = wait;
  }
}
