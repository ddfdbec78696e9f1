package dev.paykit.tests.faults;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The fault plan of the fault-injection test: one seeded {@link Random}, consulted once per request in
 * arrival order, so that a single-threaded driver sees the same faults for the same seed.
 *
 * <p>With probability {@code rate} a request gets a fault, the kind chosen uniformly among
 * {@code kinds}. A {@link FaultKind#STORM_503} lasts 1 to {@value #MAX_STORM} requests: the following
 * requests with the same storm key (the same logical request, e.g. the same reference) are answered
 * 503 too, whatever the random source says. Reads (GET, HEAD) are relayed cleanly unless
 * {@code faultReads}.
 */
public final class SeededFaultPlan implements FaultPlan {

  /** The longest 503 storm, in requests. */
  public static final int MAX_STORM = 3;

  private final Random random;
  private final double rate;
  private final List<FaultKind> kinds;
  private final boolean faultReads;
  private final Function<ProxiedRequest, String> stormKey;
  private final Map<String, Integer> stormsLeft = new HashMap<>();

  public SeededFaultPlan(long seed, double rate, Set<FaultKind> kinds, boolean faultReads,
      Function<ProxiedRequest, String> stormKey) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("no fault kinds");
    }
    this.random = new Random(seed);
    this.rate = rate;
    this.kinds = List.copyOf(EnumSet.copyOf(kinds)); // enum order, whatever the set's order
    this.faultReads = faultReads;
    this.stormKey = stormKey;
  }

  /** Every kind, reads included, storms keyed by method and path. */
  public SeededFaultPlan(long seed, double rate) {
    this(seed, rate, EnumSet.allOf(FaultKind.class), true, r -> r.method() + " " + r.path());
  }

  @Override
  public synchronized Decision decide(ProxiedRequest request) {
    if (request.isRead() && !faultReads) {
      return Decision.CLEAN;
    }
    String key = stormKey.apply(request);
    Integer left = stormsLeft.remove(key);
    if (left != null) {
      if (left > 1) {
        stormsLeft.put(key, left - 1);
      }
      return Decision.of(FaultKind.STORM_503);
    }
    if (random.nextDouble() >= rate) {
      return Decision.CLEAN;
    }
    FaultKind kind = kinds.get(random.nextInt(kinds.size()));
    if (kind == FaultKind.STORM_503) {
      int length = 1 + random.nextInt(MAX_STORM);
      if (length > 1) {
        stormsLeft.put(key, length - 1);
      }
    }
    return new Decision(kind, kind == FaultKind.DROP_AFTER_PROCESSING && random.nextBoolean());
  }

  /** How many more requests with this storm key the running storm answers 503 (0 when none runs). */
  synchronized int stormLeft(String key) {
    return stormsLeft.getOrDefault(key, 0);
  }
}
