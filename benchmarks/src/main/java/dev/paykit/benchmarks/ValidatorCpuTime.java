package dev.paykit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@link ValidatorBenchmark}'s operations measured in this thread's <em>CPU</em> time and allocated bytes,
 * paykit and networknt interleaved round by round: on a machine shared with other builds, JMH's wall-clock
 * scores swing by several times between iterations, while CPU time and allocation stay comparable.
 * Not a replacement for the JMH run, a check of its ratios.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) dev.paykit.benchmarks.ValidatorCpuTime
 * java -cp ... dev.paykit.benchmarks.ValidatorCpuTime cold ours      # first build and call in a fresh JVM
 * java -cp ... dev.paykit.benchmarks.ValidatorCpuTime cold networknt
 * </pre>
 */
public final class ValidatorCpuTime {

  private static final int ROUNDS = 40;
  private static final int WARM_ROUNDS = 10;
  private static final int CALLS = 2_000;

  private ValidatorCpuTime() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("cold")) {
      cold(args[1]);
      return;
    }
    ValidatorBenchmark b = new ValidatorBenchmark();
    b.setUp();
    Map<String, Callable<Object>> ops = new LinkedHashMap<>();
    ops.put("transferOurs", b::transferOurs);
    ops.put("transferNetworknt", b::transferNetworknt);
    ops.put("transferNetworkntFromPaykitTree", b::transferNetworkntFromPaykitTree);
    ops.put("invalidTransferOurs", b::invalidTransferOurs);
    ops.put("invalidTransferNetworknt", b::invalidTransferNetworknt);
    ops.put("paymentFormOurs", b::paymentFormOurs);
    ops.put("paymentFormNetworknt", b::paymentFormNetworknt);
    ops.put("paymentFormNetworkntFromPaykitTree", b::paymentFormNetworkntFromPaykitTree);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    Object sink = null;
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Callable<Object>> op : ops.entrySet()) {
        long allocated = threads.getThreadAllocatedBytes(self);
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CALLS; i++) {
          sink = op.getValue().call();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        allocated = threads.getThreadAllocatedBytes(self) - allocated;
        if (round >= WARM_ROUNDS) {
          micros.computeIfAbsent(op.getKey(), k -> new ArrayList<>()).add(cpu / 1000.0 / CALLS);
          bytes.put(op.getKey(), allocated / CALLS);
        }
      }
    }
    System.out.printf("%-36s %12s %12s %10s%n", "operation", "min cpu us", "median us", "bytes/op");
    for (Map.Entry<String, List<Double>> op : micros.entrySet()) {
      List<Double> sorted = op.getValue();
      Collections.sort(sorted);
      System.out.printf("%-36s %12.2f %12.2f %10d%n", op.getKey(), sorted.get(0), sorted.get(sorted.size() / 2),
          bytes.get(op.getKey()));
    }
    if (sink == null) {
      throw new IllegalStateException();
    }
  }

  /**
   * The first spec parse, validator set-up and transfer validation of a fresh JVM, class loading
   * included. Jackson 2 is loaded before the clock starts (paykit always has it); networknt's Jackson 3
   * is not (only networknt would bring it).
   */
  private static void cold(String which) throws Exception {
    String spec = ValidatorBenchmark.specJson("prunny");
    com.fasterxml.jackson.databind.ObjectMapper mapper = dev.paykit.core.internal.PaykitJson.newMapper();
    com.fasterxml.jackson.databind.JsonNode transfer = mapper.readTree(ValidatorBenchmark.TRANSFER);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    int violations;
    if (which.equals("ours")) {
      com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(spec);
      List<dev.paykit.core.Violation> out = new ArrayList<>();
      new dev.paykit.core.internal.spec.SchemaValidator(root)
          .validate("", transfer, root.at(ValidatorBenchmark.TRANSFER_SCHEMA), out);
      violations = out.size();
    } else {
      violations = new NetworkntValidators(spec).schemaAt(ValidatorBenchmark.TRANSFER_SCHEMA)
          .validate(NetworkntValidators.tree(ValidatorBenchmark.TRANSFER)).size();
    }
    System.out.printf("cold %s: %.1f ms cpu, %.1f ms wall, %d violations%n", which,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6, violations);
  }
}
