package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.OperationSpec;
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
  private final long deadlineNanos;
  private int attempt;
  private boolean sendTracked;
  private boolean attemptSent;
  private java.time.Duration plannedWait;
  private final java.util.List<dev.paykit.core.PaykitException> failures = new java.util.ArrayList<>(2);

  private final dev.paykit.core.RequestOptions options;

  CallContext(OperationSpec operation, String idempotencyKey, Instant started, java.time.Duration timeout) {
    this(operation, idempotencyKey, started, timeout, dev.paykit.core.RequestOptions.none());
  }

  CallContext(OperationSpec operation, String idempotencyKey, Instant started, java.time.Duration timeout,
      dev.paykit.core.RequestOptions options) {
    this.operation = operation;
    this.idempotencyKey = idempotencyKey;
    this.started = started;
    // a timeout too long for nanoseconds (Duration.ofDays(1_000_000)) means "no deadline", never an overflow
    long now = System.nanoTime();
    long budget;
    try {
      budget = timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      budget = Long.MAX_VALUE;
    }
    this.deadlineNanos = budget > Long.MAX_VALUE / 4 ? now + Long.MAX_VALUE / 4 : now + budget;
    this.options = options;
  }

  /** The call's options (the view's merged with the call's own). */
  public dev.paykit.core.RequestOptions options() {
    return options;
  }

  /** The call running on this thread, or null outside a pipeline call. */
  public static CallContext current() {
    return CURRENT.get();
  }

  static void set(CallContext context) {
    // set(null), not remove(): the thread keeps its (empty) entry for the next call, and removing one
    // costs a native Reference.clear on every call
    CURRENT.set(context);
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
    sendTracked = false;
    attemptSent = false;
    responseStatus = 0;
    retryDecision = null;
    conditional = null;
  }

  private ConditionalReads.Sent conditional;

  /** This attempt's conditional read (its cache key and the entry revalidated, if any), or null. */
  void conditional(ConditionalReads.Sent sent) {
    conditional = sent;
  }

  ConditionalReads.Sent conditional() {
    return conditional;
  }

  private int responseStatus;
  private Boolean retryDecision;

  /**
   * The URL of this attempt when it is one of a method's constant URLs (a method without URI or query
   * variables whose request no step changed), else null: set by {@link DirectCall} before each attempt is
   * sent, read by {@link OkHttpTransport#url}.
   */
  private String constantUrl;

  void constantUrl(String url) {
    this.constantUrl = url;
  }

  String constantUrl() {
    return constantUrl;
  }

  /** Called by the transport when an answer of the current attempt arrived. */
  void responseStatus(int status) {
    responseStatus = status;
  }

  /** The status of the current attempt's answer, 0 while none arrived. */
  int responseStatus() {
    return responseStatus;
  }

  /**
   * Whether the current attempt's failure is retried: decided once per attempt (by {@code decide}, the
   * first time it is asked), so that what the observers are told and what the retry layer does agree.
   */
  boolean retryDecision(java.util.function.BooleanSupplier decide) {
    if (retryDecision == null) {
      retryDecision = decide.getAsBoolean();
    }
    return retryDecision;
  }

  /**
   * Time left until the whole call (every attempt and every wait) must be over, on the monotonic clock;
   * zero or negative once the deadline has passed.
   */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** Called by a transport that reports when it starts writing: the attempt is not sent yet. */
  void trackSending() {
    sendTracked = true;
    attemptSent = false;
  }

  /**
   * Called by the transport once it starts writing the request of the current attempt: from then on the
   * provider may act on it.
   */
  void markSent() {
    attemptSent = true;
  }

  /**
   * Whether the current attempt's request may have been written. True unless the transport tracks
   * sending and has not started writing: a transport that does not say counts as having sent.
   */
  boolean attemptSent() {
    return !sendTracked || attemptSent;
  }

  private RetryExecutor retries;
  private java.util.function.Supplier<String> referenceSource = () -> null;
  private boolean referenceRead;
  private String reference;

  /** Where the caller's reference of this call comes from; read at most once, only when needed. */
  void referenceSource(java.util.function.Supplier<String> source) {
    referenceSource = source;
  }

  /** The caller's reference of this call ({@link OperationSpec#referenceField()}), or null. */
  String reference() {
    if (!referenceRead) {
      reference = referenceSource.get();
      referenceRead = true;
    }
    return reference;
  }

  private String resourceId;

  /**
   * Records the id of what the call created, read from an answer the client could not use
   * ({@link dev.paykit.core.OutcomeUnknownException#resourceId()}); the latest one read wins.
   */
  void resourceId(String id) {
    if (id != null) {
      resourceId = id;
    }
  }

  /** The id an unusable answer of this call named, or null. */
  String resourceId() {
    return resourceId;
  }

  /** The retry layer running this call. */
  RetryExecutor retries() {
    return retries;
  }

  void retries(RetryExecutor value) {
    retries = value;
  }

  /** Records the failure of the current attempt. */
  void failed(dev.paykit.core.PaykitException failure) {
    failures.add(failure);
  }

  /** The failures of this call's attempts so far, oldest first. */
  java.util.List<dev.paykit.core.PaykitException> failures() {
    return failures;
  }

  /** The wait the retry layer chose before the next attempt, or null. */
  java.time.Duration plannedWait() {
    return plannedWait;
  }

  void planWait(java.time.Duration wait) {
    plannedWait = wait;
  }
}
