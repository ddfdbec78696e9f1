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
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The calls of {@link TransportBenchmark}, interleaved in one JVM: rounds of {@code CALLS} calls of
 * every variant in a shuffled order, so that every variant meets the same background load (the build
 * machine is shared); the first {@code WARM} rounds are discarded. Prints per-call latency percentiles
 * and the median's ratio to raw OkHttp's. A complement to the JMH figures, not a replacement: one JVM
 * profiles every client, and allocation is measured by JMH only.
 * {@code java [-Dpaykit.bench.server=URL] -cp ... dev.paykit.benchmarks.TransportLatency [ROUNDS] [CALLS] [WARM]}
 */
public final class TransportLatency {

  private TransportLatency() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    TransportBenchmark bench = new TransportBenchmark();
    bench.setUp();
    List<Method> methods = new ArrayList<>();
    for (Method m : TransportBenchmark.class.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        methods.add(m);
      }
    }
    methods.sort((a, b) -> a.getName().compareTo(b.getName()));
    Map<String, long[]> samples = new LinkedHashMap<>();
    Map<String, Integer> failures = new LinkedHashMap<>();
    int kept = rounds - warm;
    for (Method m : methods) {
      samples.put(m.getName(), new long[Math.max(0, kept) * calls]);
      failures.put(m.getName(), 0);
    }
    Random order = new Random(42);
    for (int round = 0; round < rounds; round++) {
      List<Method> shuffled = new ArrayList<>(methods);
      Collections.shuffle(shuffled, order);
      for (Method m : shuffled) {
        long[] into = samples.get(m.getName());
        for (int i = 0; i < calls; i++) {
          long start = System.nanoTime();
          Object result = m.invoke(bench);
          long took = System.nanoTime() - start;
          if (result instanceof Exception) {
            failures.merge(m.getName(), 1, Integer::sum);
          }
          if (round >= warm) {
            into[(round - warm) * calls + i] = took;
          }
        }
      }
    }
    bench.close();
    Map<String, Double> median = new LinkedHashMap<>();
    samples.forEach((name, t) -> {
      Arrays.sort(t);
      median.put(name, t.length == 0 ? Double.NaN : t[t.length / 2] / 1000.0);
    });
    System.out.printf(Locale.ROOT, "LATENCY rounds=%d calls=%d warm=%d load=%.1f%n", rounds, calls, warm,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    samples.forEach((name, t) -> {
      String op = name.substring(name.lastIndexOf('_') + 1);
      double base = median.get("raw_okhttp_" + op);
      System.out.printf(Locale.ROOT, "LATENCY %s p10=%.1f p50=%.1f p90=%.1f p99=%.1f ratioP50=%.2f failures=%d%n",
          name, p(t, 0.10), p(t, 0.50), p(t, 0.90), p(t, 0.99), median.get(name) / base, failures.get(name));
    });
    System.exit(0);
  }

  private static double p(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1000.0;
  }
}
