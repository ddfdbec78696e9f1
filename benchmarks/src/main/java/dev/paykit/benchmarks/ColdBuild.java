package dev.paykit.benchmarks;

/**
 * The first client build in a fresh JVM (class loading, the spec, the mapper, the pool), then the
 * second and the tenth in the same JVM. Run one JVM per sample:
 * {@code java -cp ... dev.paykit.benchmarks.ColdBuild promptcash|prunny}; prints
 * {@code COLD <provider> first=<ms> second=<ms> tenth=<ms>}.
 */
public final class ColdBuild {

  private ColdBuild() {}

  public static void main(String[] args) throws Exception {
    String provider = args.length > 0 ? args[0] : "promptcash";
    double[] ms = new double[10];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      AutoCloseable client = ClientBuildBenchmark.build(provider);
      ms[i] = (System.nanoTime() - start) / 1e6;
      client.close();
    }
    System.out.printf(java.util.Locale.ROOT, "COLD %s first=%.2f second=%.2f tenth=%.2f%n", provider, ms[0], ms[1],
        ms[9]);
  }
}
