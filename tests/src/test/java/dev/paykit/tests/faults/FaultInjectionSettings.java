package dev.paykit.tests.faults;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knobs of the fault-injection test, from system properties (Maven passes {@code -D} on to the
 * test JVM):
 * <ul>
 *   <li>{@code paykit.faults.seed}: a number, or {@code random} (default {@value #DEFAULT_SEED});
 *   <li>{@code paykit.faults.calls}: money-moving calls per provider (default {@value #DEFAULT_CALLS});
 *   <li>{@code paykit.faults.rate}: share of requests that get a fault (default 0.30);
 *   <li>{@code paykit.faults.readTimeoutMillis}: the clients' read timeout (default {@value #DEFAULT_READ_TIMEOUT_MS});
 *   <li>{@code paykit.faults.providers}: comma-separated provider ids to run (default all).
 * </ul>
 */
record FaultInjectionSettings(long seed, int calls, double rate, Duration readTimeout, Set<String> providers) {

  static final long DEFAULT_SEED = 20261121L;
  static final int DEFAULT_CALLS = 80;
  static final double DEFAULT_RATE = 0.30;
  static final int DEFAULT_READ_TIMEOUT_MS = 300;

  static FaultInjectionSettings fromSystemProperties() {
    String seedText = System.getProperty("paykit.faults.seed", Long.toString(DEFAULT_SEED)).trim();
    long seed = seedText.equalsIgnoreCase("random") ? new SecureRandom().nextLong() : Long.parseLong(seedText);
    int calls = Integer.parseInt(System.getProperty("paykit.faults.calls", Integer.toString(DEFAULT_CALLS)).trim());
    double rate = Double.parseDouble(System.getProperty("paykit.faults.rate", Double.toString(DEFAULT_RATE)).trim());
    long timeout = Long.parseLong(System.getProperty("paykit.faults.readTimeoutMillis",
        Integer.toString(DEFAULT_READ_TIMEOUT_MS)).trim());
    String only = System.getProperty("paykit.faults.providers", "").trim();
    Set<String> providers = only.isEmpty() ? Set.of()
        : Arrays.stream(only.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
    if (calls < 1) {
      throw new IllegalArgumentException("paykit.faults.calls must be at least 1: " + calls);
    }
    return new FaultInjectionSettings(seed, calls, rate, Duration.ofMillis(timeout), providers);
  }

  boolean runs(String provider) {
    return providers.isEmpty() || providers.contains(provider);
  }

  /** The flags that replay this run. */
  String replay() {
    return "-Dpaykit.faults.seed=" + seed + " -Dpaykit.faults.calls=" + calls
        + (rate == DEFAULT_RATE ? "" : " -Dpaykit.faults.rate=" + rate)
        + (readTimeout.toMillis() == DEFAULT_READ_TIMEOUT_MS ? "" : " -Dpaykit.faults.readTimeoutMillis="
            + readTimeout.toMillis());
  }
}
