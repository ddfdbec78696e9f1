package dev.paykit.sandbox.prunny;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lock around the Prunny simulator's {@link PrunnyState}: every operation that reads or changes
 * it runs whole under this object's monitor, so a transfer's checks, debit and credit are atomic
 * even when MockServer handles several requests at once on different Netty threads.
 */
final class PrunnyBank {
  private final Consumer<PrunnyState> seed;
  private PrunnyState state;

  /** @param seed fills a fresh state with the fixtures; run now and on every reset */
  PrunnyBank(Consumer<PrunnyState> seed) {
    this.seed = seed;
    this.state = seeded();
  }

  private PrunnyState seeded() {
    PrunnyState fresh = new PrunnyState();
    seed.accept(fresh);
    return fresh;
  }

  /** Runs {@code operation} under the lock; it must not let the state escape. */
  synchronized <T> T apply(Function<PrunnyState, T> operation) {
    return operation.apply(state);
  }

  /** Back to the fixtures only. */
  synchronized void reset() {
    state = seeded();
  }
}
