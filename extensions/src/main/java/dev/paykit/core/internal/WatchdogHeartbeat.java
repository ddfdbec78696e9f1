package dev.paykit.core.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okio.AsyncTimeout;

/**
 * Keeps okio's timeout watchdog from being woken on every call, without changing any timeout.
 *
 * <p>Every OkHttp call enters okio {@link AsyncTimeout}s (the call's deadline, each socket read and
 * write); okio keeps them in one JVM-wide queue ordered by deadline and wakes its watchdog thread
 * ({@code Condition.signal}, a lock hand-off and an {@code unpark}) whenever a timeout becomes the queue's
 * head. A lone call's timeouts are always the head, so every call woke the watchdog several times:
 * measured with async-profiler on a loopback call, the most expensive single part of paykit's own cost
 * per call (benchmarks, docs/benchmarks.md). This heartbeat is a timeout of its own that expires every
 * {@code period} and re-arms itself on the watchdog thread: while it is armed it is the head, the calls'
 * timeouts queue behind it and nobody is woken, and the watchdog wakes once per period instead. Every
 * timeout still fires exactly as okio fires it (the watchdog serves the queue in deadline order; a call's
 * deadline is at worst noticed as late as without the heartbeat, since okio handles expired timeouts in
 * the same pass).
 *
 * <p>It arms on the first call ({@link #touch}) and stops re-arming once no call has touched it for
 * {@code linger}, so an idle JVM is not woken. One per JVM ({@link #INSTANCE}). Thread-safe.
 */
final class WatchdogHeartbeat extends AsyncTimeout {

  /** The JVM's heartbeat: every 100 ms while paykit calls run, for 10 s after the last one. */
  static final WatchdogHeartbeat INSTANCE = new WatchdogHeartbeat(TimeUnit.MILLISECONDS.toNanos(100),
      TimeUnit.SECONDS.toNanos(10), System::nanoTime);

  private final long lingerNanos;
  private final LongSupplier nanoTime;
  private final AtomicBoolean armed = new AtomicBoolean();
  private volatile long lastTouch;
  private volatile long beats;

  WatchdogHeartbeat(long periodNanos, long lingerNanos, LongSupplier nanoTime) {
    this.lingerNanos = lingerNanos;
    this.nanoTime = nanoTime;
    timeout(periodNanos, TimeUnit.NANOSECONDS);
  }

  /** A call is about to run: arm the heartbeat unless it is armed. */
  void touch() {
    lastTouch = nanoTime.getAsLong();
    if (!armed.get() && armed.compareAndSet(false, true)) {
      enter();
    }
  }

  @Override
  protected void timedOut() {
    // on okio's watchdog thread, which has already taken this timeout off its queue: nothing may be thrown
    // here, since a watchdog thread that dies fires no timeout of the JVM's any more
    try {
      exit();
      beats++;
      if (recentlyTouched()) {
        enter();
        return;
      }
      armed.set(false);
      // a call that touched between the check and the disarm (and saw it armed) re-arms it here
      if (recentlyTouched() && armed.compareAndSet(false, true)) {
        enter();
      }
    } catch (RuntimeException | Error unexpected) {
      armed.set(false); // never expected (okio's enter/exit bookkeeping); the next call arms it again
    }
  }

  private boolean recentlyTouched() {
    return nanoTime.getAsLong() - lastTouch < lingerNanos;
  }

  /** Whether the heartbeat is armed (for tests). */
  boolean armed() {
    return armed.get();
  }

  /** How many times it has expired (for tests). */
  long beats() {
    return beats;
  }
}
