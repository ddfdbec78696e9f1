package dev.paykit.sandbox.prune;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lock around both environments' {@link State}s: every operation that reads or changes one runs
 * whole under this object's monitor, so a transfer's balance check and debit are atomic even when
 * MockServer handles several requests at once on different Netty threads.
 */
final class Store {
  private final Consumer<State> seed;
  private final Map<Environment, State> states = new EnumMap<>(Environment.class);

  /** @param seed fills a fresh state with the fixtures; run now and on every reset */
  Store(Consumer<State> seed) {
    this.seed = seed;
    reset();
  }

  /** Runs {@code operation} on one environment under the lock; it must not let the state escape. */
  synchronized <T> T apply(Environment environment, Function<State, T> operation) {
    return operation.apply(states.get(environment));
  }

  /** Runs {@code operation} on both environments (test first) under the lock. */
  synchronized <T> T applyAll(Function<List<State>, T> operation) {
    return operation.apply(List.of(states.get(Environment.TEST), states.get(Environment.LIVE)));
  }

  /** Back to the fixtures only. */
  synchronized void reset() {
    for (Environment e : Environment.values()) {
      State fresh = new State(e);
      seed.accept(fresh);
      states.put(e, fresh);
    }
  }
}
