package dev.paykit.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The client's CPU per call of every {@link CallCostBenchmark} variant, interleaved in one JVM: a complement
 * to the JMH times, which a shared or virtual machine's drifting speed moves by more than the differences
 * measured. Per round, every variant in a shuffled order runs on {@code THREADS} threads for {@code MILLIS};
 * its figure is the process's CPU time (every thread of the client: callers, OkHttp's and okio's, GC, JIT)
 * over the calls made, and its calls per second. The first two rounds warm up and are dropped; the medians of
 * the others are printed, with paykit's ratio to the bare client, the floor and stripe-java. The loopback
 * server runs in its own JVM ({@code -Dpaykit.bench.server}), so its CPU does not count.
 *
 * <p>Every layer meets the same JVM here: okio's watchdog heartbeat that paykit's calls arm
 * ({@code dev.paykit.core.internal.WatchdogHeartbeat}) then serves the bare client and the floor as well, so
 * these ratios are paykit's own work only, without that advantage (the JMH run has each layer in its own fork).
 *
 * <p>With {@code -Dpaykit.bench.only=REGEX} only the variants whose names match run, after
 * {@code -Dpaykit.bench.warmMillis} (default 15,000 ms when {@code only} is set, else 0, shared by the variants)
 * of calling them on one thread of the pool, for the JIT. Run alone in its JVM, a variant is measured as JMH
 * measures it (a fork per benchmark): interleaved, every layer's Jackson, Feign and OkHttp code is compiled
 * for the mix of all of them, and two warm-up rounds of a second leave the JIT still compiling
 * (docs/benchmarks.md, fifth round). {@code benchmarks/scripts/call-cost.sh cpu} runs
 * every variant so, one JVM each. Alone, the JVM-wide watchdog heartbeat that paykit's calls arm is kept armed
 * for every variant, so that the bare client and the floor have it too ({@code -Dpaykit.bench.heartbeat=own}
 * leaves it to paykit's calls: what a user running only that layer gets).
 * {@code java -Dpaykit.bench.server=URL -cp ... dev.paykit.benchmarks.CallCostCpu [THREADS] [ROUNDS] [MILLIS]}
 */
public final class CallCostCpu {

  private CallCostCpu() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long millis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    CallCostBenchmark bench = new CallCostBenchmark();
    bench.setUp();
    List<Method> methods = new ArrayList<>();
    for (Method m : CallCostBenchmark.class.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        methods.add(m);
      }
    }
    String only = System.getProperty("paykit.bench.only");
    if (only != null) {
      java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(only);
      methods.removeIf(m -> !wanted.matcher(m.getName()).matches());
    }
    methods.sort((a, b) -> a.getName().compareTo(b.getName()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // the warm-up calls through the same code as the rounds (a pool thread's loop): code the JIT compiled
    // only inlined into another loop would be compiled again once the rounds start
    long warmMillis = Long.getLong("paykit.bench.warmMillis", only != null ? 15_000L : 0L);
    long failures = 0;
    if (only != null && !"own".equals(System.getProperty("paykit.bench.heartbeat"))) {
      keepHeartbeatArmed();
    }
    for (Method m : methods) {
      if (warmMillis > 0) {
        failures += run(pool, bench, m, 1, warmMillis / methods.size())[1];
      }
    }
    Map<String, List<double[]>> kept = new java.util.TreeMap<>();
    Random order = new Random(42);
    for (int round = 0; round < rounds; round++) {
      List<Method> shuffled = new ArrayList<>(methods);
      Collections.shuffle(shuffled, order);
      for (Method m : shuffled) {
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long[] counted = run(pool, bench, m, threads, millis);
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - t0;
        failures += counted[1];
        if (round >= 2) {
          kept.computeIfAbsent(m.getName(), k -> new ArrayList<>())
              .add(new double[] {cpu / 1e3 / counted[0], counted[0] * 1e9 / wall, (double) counted[2] / counted[0]});
        }
      }
    }
    pool.shutdown();
    bench.closeForTest();
    Map<String, double[]> median = new LinkedHashMap<>();
    kept.forEach((name, v) -> median.put(name, new double[] {
        median(v.stream().mapToDouble(x -> x[0]).toArray()), median(v.stream().mapToDouble(x -> x[1]).toArray()),
        median(v.stream().mapToDouble(x -> x[2]).toArray())}));
    System.out.printf(Locale.ROOT, "CPU threads=%d rounds=%d millis=%d failures=%d load=%s%n", threads, rounds,
        millis, failures, CallCostBenchmark.CallCounter.loadAverage());
    long failuresOf = failures;
    median.forEach((name, v) -> {
      String base = name.endsWith("_paykit") ? name.substring(0, name.length() - "_paykit".length()) : null;
      String stripe = name.startsWith("pc_get") ? "stripe_retrieve" : name.startsWith("pc_create") ? "stripe_create" : null;
      System.out.printf(Locale.ROOT, "CPU %s threads=%d cpuPerCallUs=%.1f callsPerSecond=%.0f bare=%s floor=%s stripe=%s"
              + " failures=%d allocPerCallBytes=%.0f%n",
          name, threads, v[0], v[1], ratio(v, median, base == null ? null : base + "_bare"),
          ratio(v, median, base == null ? null : base + "_floor"), ratio(v, median, base == null ? null : stripe), failuresOf,
          v[2]);
    });
    System.exit(failures == 0 ? 0 : 1);
  }

  /**
   * Keeps okio's watchdog heartbeat ({@code dev.paykit.core.internal.WatchdogHeartbeat}) armed for the whole
   * run, as paykit's calls keep it: run alone, the bare client and the floor would otherwise go without the
   * JVM-wide heartbeat that paykit's calls arm for every OkHttp client of their JVM, and the ratios would
   * count it as paykit's own saving. {@code -Dpaykit.bench.heartbeat=own} leaves it to the calls (each layer
   * as a user running only it would have it).
   */
  private static void keepHeartbeatArmed() throws ReflectiveOperationException {
    Class<?> type = Class.forName("dev.paykit.core.internal.WatchdogHeartbeat");
    java.lang.reflect.Field instance = type.getDeclaredField("INSTANCE");
    instance.setAccessible(true);
    Object heartbeat = instance.get(null);
    Method touch = type.getDeclaredMethod("touch");
    touch.setAccessible(true);
    Thread toucher = new Thread(() -> {
      try {
        while (true) {
          touch.invoke(heartbeat);
          TimeUnit.SECONDS.sleep(1);
        }
      } catch (InterruptedException | ReflectiveOperationException e) {
        Thread.currentThread().interrupt();
      }
    }, "heartbeat-toucher");
    toucher.setDaemon(true);
    toucher.start();
  }

  /**
   * Calls {@code m} on {@code threads} of the pool's threads for {@code millis}; {@code {calls, failures,
   * bytes the calling threads allocated}} (a synchronous OkHttp call runs on its caller's thread, so that is
   * the client's allocation, but for OkHttp's pool and watchdog threads, the same for every layer).
   */
  private static long[] run(ExecutorService pool, CallCostBenchmark bench, Method m, int threads, long millis)
      throws Exception {
    LongAdder calls = new LongAdder();
    LongAdder failed = new LongAdder();
    LongAdder allocated = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    com.sun.management.ThreadMXBean memory =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < threads; i++) {
      running.add(pool.submit(() -> {
        long before = memory.getCurrentThreadAllocatedBytes();
        while (!stop.get()) {
          if (m.invoke(bench) instanceof Exception) {
            failed.increment();
          }
          calls.increment();
        }
        allocated.add(memory.getCurrentThreadAllocatedBytes() - before);
        return null;
      }));
    }
    TimeUnit.MILLISECONDS.sleep(millis);
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    return new long[] {calls.sum(), failed.sum(), allocated.sum()};
  }

  private static String ratio(double[] v, Map<String, double[]> median, String other) {
    double[] o = other == null ? null : median.get(other);
    return o == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v[0] / o[0]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }
}
