package dev.paykit.sandbox.prune;

/**
 * The environment a key opens: Prune issues one test and one live key per business (its dashboard's
 * {@code staging: TEST | LIVE}, research-notes §1.3), and each sees only its own records.
 */
enum Environment {
  TEST(PruneSimulator.TEST_KEY, "8"),
  LIVE(PruneSimulator.LIVE_KEY, "9");

  private final String key;
  /** The UUID variant digit of this environment's ids, so a test id never names a live record. */
  private final String idVariant;

  Environment(String key, String idVariant) {
    this.key = key;
    this.idVariant = idVariant;
  }

  String key() {
    return key;
  }

  /** A UUID-shaped id, the same for the same sequence number in every run. */
  String id(long sequence) {
    return String.format("00000000-0000-4000-%s000-%012d", idVariant, sequence);
  }
}
