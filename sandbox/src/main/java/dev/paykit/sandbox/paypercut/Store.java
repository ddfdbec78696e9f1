package dev.paykit.sandbox.paypercut;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lock around the simulator's {@link State}: every operation that reads or changes it runs
 * whole under this object's monitor (a confirmation's checks, payment and status change are
 * atomic), and the events it emitted are handed to the webhook deliveries before the lock is
 * released, so that they are queued in the order they happened.
 */
final class Store {
  private final Consumer<List<Deliveries.Dispatch>> dispatcher;
  private State state = new State();

  Store(Consumer<List<Deliveries.Dispatch>> dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Runs {@code operation} under the lock; it must not let the state escape. */
  synchronized <T> T apply(Function<State, T> operation) {
    try {
      return operation.apply(state);
    } finally {
      List<Deliveries.Dispatch> emitted = state.drainEmitted();
      if (!emitted.isEmpty()) {
        dispatcher.accept(emitted);
      }
    }
  }

  /** Back to the fixtures only. */
  synchronized void reset() {
    state = new State();
  }
}
