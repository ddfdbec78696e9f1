package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat that keeps okio's watchdog asleep during calls re-arms itself while calls touch it and
 * stops once they have not for its linger time. Its period is okio's real time (1 ms here); its linger
 * is read from a clock the test moves.
 */
class WatchdogHeartbeatTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final WatchdogHeartbeat heartbeat =
      new WatchdogHeartbeat(TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(10), now::get);

  @Test
  void reArmsItselfWhileCallsTouchIt() {
    assertThat(heartbeat.armed()).isFalse();
    heartbeat.touch();

    assertThat(heartbeat.armed()).isTrue();
    await(() -> heartbeat.beats() >= 3);
    assertThat(heartbeat.armed()).isTrue(); // within the linger: it went on beating
  }

  @Test
  void stopsOnceNoCallTouchedItForTheLingerAndArmsAgainOnTheNextCall() {
    heartbeat.touch();
    await(() -> heartbeat.beats() >= 1);

    now.addAndGet(TimeUnit.SECONDS.toNanos(11));
    await(() -> !heartbeat.armed());
    long stoppedAt = heartbeat.beats();

    heartbeat.touch();
    assertThat(heartbeat.armed()).isTrue();
    await(() -> heartbeat.beats() > stoppedAt);
  }

  @Test
  void aTouchWhileArmedDoesNotEnterTwice() {
    heartbeat.touch();
    heartbeat.touch(); // okio would throw "Unbalanced enter/exit" on a second enter
    heartbeat.touch();

    await(() -> heartbeat.beats() >= 2);
    assertThat(heartbeat.armed()).isTrue();
  }

  /** Waits for a condition the watchdog thread brings about (no fixed sleep), at most 10 s. */
  private static void await(BooleanSupplier condition) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the watchdog did not get there in 10 s").isLessThan(until);
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
