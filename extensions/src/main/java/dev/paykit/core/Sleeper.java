package dev.paykit.core;

import java.time.Duration;

/**
 * Waits between retry attempts. The default sleeps the calling thread; tests inject one that records
 * the wait (and advances a clock) instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps the current thread. */
  Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

  /**
   * Waits.
   *
   * @param duration how long, zero or positive
   * @throws InterruptedException when the thread is interrupted while it waits; the call is then given up
   */
  void sleep(Duration duration) throws InterruptedException;
}
