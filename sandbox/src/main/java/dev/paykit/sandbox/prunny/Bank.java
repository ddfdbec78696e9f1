package dev.paykit.sandbox.prunny;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lock around the Prunny simulator's {@link State}: every operation that reads or changes
 * it runs whole under this object's monitor, so a transfer's checks, debit and credit are atomic
 * even when MockServer handles several requests at once on different Netty threads.
 */
final class Bank {
  private final Consumer<State> seed;
  private State state;

  /** @param seed fills a fresh state with the fixtures; run now and on every reset */
  Bank(Consumer<State> seed) {
    this.seed = seed;
    this.state = seeded();
  }

  private State seeded() {
    State fresh = new State();
    seed.accept(fresh);
    return fresh;
  }

  /** Runs {@code operation} under the lock; it must not let the state escape. */
  synchronized <T> T apply(Function<State, T> operation) {
    return operation.apply(state);
  }

  /** Back to the fixtures only. */
  synchronized void reset() {
    state = seeded();
  }
}
