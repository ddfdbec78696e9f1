package dev.paykit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How a client retries: bounded attempts and total time, exponential backoff with jitter, and the
 * provider's {@code Retry-After} honoured. Immutable; one per client.
 *
 * <p>What is retried is not configured here: only failures that are transient, and only on
 * operations that the spec says are safe to repeat (or when the request certainly never reached the
 * provider). See {@code dev.paykit.core.internal.RetryExecutor}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(4)
 *     .initialBackoff(Duration.ofMillis(200))
 *     .maxElapsed(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxElapsed;
  private final boolean honourRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxElapsed = b.maxElapsed;
    this.honourRetryAfter = b.honourRetryAfter;
    this.sleeper = b.sleeper;
    this.random = b.random;
  }

  /**
   * {@return the defaults: 3 attempts, 500 ms doubling to at most 5 s, 25 % jitter, 30 s in all, Retry-After
   * honoured}
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** {@return one attempt, no retry} */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy, to change some of it} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.maxElapsed = maxElapsed;
    b.honourRetryAfter = honourRetryAfter;
    b.sleeper = sleeper;
    b.random = random;
    return b;
  }

  /** {@return attempts in all, the first included; at least 1} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the time after the call's start past which no retry begins} */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  /** {@return whether a wait is at least the provider's {@code Retry-After}} */
  public boolean honourRetryAfter() {
    return honourRetryAfter;
  }

  /** {@return how the client waits between attempts} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry): {@code initial × multiplier^(retry-1)},
   * capped at the maximum, minus up to {@code jitter} of itself at random.
   *
   * @param retry 1 for the first retry (the second attempt), 2 for the next, ...
   * @return the wait, whole milliseconds, never negative; it does not yet account for {@code Retry-After}
   */
  public Duration backoff(int retry) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double jittered = capped * (1.0 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.max(0L, Math.round(jittered)));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
        + ", maxElapsed=" + maxElapsed + ", honourRetryAfter=" + honourRetryAfter + "]";
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.25;
    private Duration maxElapsed = Duration.ofSeconds(30);
    private boolean honourRetryAfter = true;
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Attempts in all, the first included (default 3).
     *
     * @param value at least 1; 1 means no retry
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is less than 1
     */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * The wait before the first retry (default 500 ms).
     *
     * @param value zero or positive
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is null or negative
     */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = nonNegative(value, "initialBackoff");
      return this;
    }

    /**
     * The longest wait between two attempts, before jitter (default 5 s).
     *
     * @param value zero or positive
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is null or negative
     */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = nonNegative(value, "maxBackoff");
      return this;
    }

    /**
     * Growth factor of the backoff from one retry to the next (default 2).
     *
     * @param value at least 1; 1 keeps the wait constant
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is less than 1 or NaN
     */
    public Builder multiplier(double value) {
      if (!(value >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1");
      }
      this.multiplier = value;
      return this;
    }

    /**
     * Fraction of each backoff that is taken off at random, so clients do not retry in step (default 0.25).
     *
     * @param value from 0 (no jitter) to 1
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is outside 0 to 1 or NaN
     */
    public Builder jitter(double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1");
      }
      this.jitter = value;
      return this;
    }

    /**
     * No retry starts if it would begin later than this after the call started (default 30 s).
     *
     * @param value zero or positive; zero allows no retry
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is null or negative
     */
    public Builder maxElapsed(Duration value) {
      this.maxElapsed = nonNegative(value, "maxElapsed");
      return this;
    }

    /**
     * Whether to wait at least the provider's {@code Retry-After} (default true).
     *
     * @param value false to ignore {@code Retry-After} and use the backoff alone
     * @return this builder
     */
    public Builder honourRetryAfter(boolean value) {
      this.honourRetryAfter = value;
      return this;
    }

    /**
     * How to wait between attempts (default: sleep the calling thread).
     *
     * @param value the sleeper; a recording one in tests
     * @return this builder
     * @throws NullPointerException when {@code value} is null
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /**
     * Source of jitter (default: ThreadLocalRandom).
     *
     * @param value gives values in [0, 1); a constant in tests
     * @return this builder
     * @throws NullPointerException when {@code value} is null
     */
    public Builder random(DoubleSupplier value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /** {@return the policy set so far} */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or positive");
      }
      return d;
    }
  }
}
