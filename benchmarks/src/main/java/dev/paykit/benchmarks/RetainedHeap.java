package dev.paykit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap each live client retains: one client is built first (so what a JVM builds once, such as
 * loaded classes and a shared spec, is not counted), then {@code N} clients (default 200) are built and
 * kept referenced; the used heap after full collections, before and after, divided by {@code N}.
 * Run with a fixed collector for steady figures, e.g. {@code -XX:+UseSerialGC}:
 * {@code java -XX:+UseSerialGC -cp ... dev.paykit.benchmarks.RetainedHeap promptcash|prunny [N]};
 * prints {@code RETAINED <provider> n=<N> perClientKiB=<k> sharedFirstKiB=<k>}.
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    String provider = args.length > 0 ? args[0] : "promptcash";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long empty = settledUsed(memory);
    AutoCloseable first = ClientBuildBenchmark.build(provider);
    long one = settledUsed(memory);
    List<AutoCloseable> clients = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      clients.add(ClientBuildBenchmark.build(provider));
    }
    long all = settledUsed(memory);
    System.out.printf(java.util.Locale.ROOT, "RETAINED %s n=%d perClientKiB=%.1f sharedFirstKiB=%.1f%n", provider, n,
        (all - one) / 1024.0 / n, (one - empty) / 1024.0);
    for (AutoCloseable c : clients) {
      c.close();
    }
    first.close();
  }

  private static long settledUsed(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50); // let reference processing and finalisation settle between collections
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
