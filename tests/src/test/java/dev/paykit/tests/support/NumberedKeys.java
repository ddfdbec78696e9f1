package dev.paykit.tests.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idempotency keys a test can predict: {@code 00000000-0000-0000-0000-000000000001}, {@code ...0002},
 * ... in the order a client asks for them. Give {@code keys::next} to a client's
 * {@code idempotencyKeySource}; assert on {@link #key(long)}. {@link SandboxExtension} hands each test a
 * fresh one. Thread-safe.
 */
public final class NumberedKeys {

  private final AtomicLong issued = new AtomicLong();

  /** The next key: number {@code get() + 1}. */
  public UUID next() {
    return new UUID(0L, issued.incrementAndGet());
  }

  /** How many keys were handed out so far. */
  public long get() {
    return issued.get();
  }

  /** The {@code n}-th key (1-based), as a client sends it. */
  public static String key(long n) {
    return new UUID(0L, n).toString();
  }
}
