package dev.paykit.benchmarks;

import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prunny.PrunnyClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Warm client construction (issue 12, "Done when"): the average time of building a client and closing
 * it, per provider, once the JVM has built many. Run with {@code -prof gc} for the bytes allocated per
 * build. The cold first build and the heap each client retains are measured by {@link ColdBuild} and
 * {@link RetainedHeap}. Uses only the facades' builders, so the same file runs against older trees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBuildBenchmark {

  static final String URL = "http://127.0.0.1:9/api/v1"; // never called

  @Benchmark
  public Object promptCash() {
    PromptCashClient client = buildPromptCash();
    client.close();
    return client;
  }

  @Benchmark
  public Object prunny() {
    PrunnyClient client = buildPrunny();
    client.close();
    return client;
  }

  static PromptCashClient buildPromptCash() {
    return PromptCashClient.builder().publicToken("1-bench").secretToken("bench-secret-token").baseUrl(URL).build();
  }

  static PrunnyClient buildPrunny() {
    return PrunnyClient.builder().apiKey("bench-api-key").baseUrl(URL).build();
  }

  /** Builds one client of the named provider ({@code promptcash} or {@code prunny}). */
  static AutoCloseable build(String provider) {
    return switch (provider) {
      case "promptcash" -> buildPromptCash();
      case "prunny" -> buildPrunny();
      default -> throw new IllegalArgumentException("provider: promptcash or prunny, not " + provider);
    };
  }
}
