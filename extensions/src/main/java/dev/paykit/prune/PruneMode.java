package dev.paykit.prune;

/**
 * Test or live, as far as the API key tells it. Prune uses one host for both and tells them apart by
 * the key (one per environment, generated in the dashboard); its live keys start {@code sk_live_}
 * (research-update §2). A prefix for test keys is not documented: {@code sk_test_} (the sandbox's) reads as
 * TEST, any other key as {@link #UNKNOWN}, which the client accepts: only Prune decides.
 */
public enum PruneMode {
  /** A key starting {@code sk_test_}. */
  TEST,
  /** A key starting {@code sk_live_}: real money. */
  LIVE,
  /** A key whose prefix says nothing (Prune documents only the live prefix). */
  UNKNOWN;

  static final String LIVE_PREFIX = "sk_live_";
  static final String TEST_PREFIX = "sk_test_";

  /**
   * The mode a key's prefix names; never shows the key.
   *
   * @param apiKey a Prune API key
   * @return the mode its prefix names, {@link #UNKNOWN} when it names none
   */
  public static PruneMode ofKey(String apiKey) {
    if (apiKey == null) {
      return UNKNOWN;
    }
    if (apiKey.startsWith(LIVE_PREFIX) && apiKey.length() > LIVE_PREFIX.length()) {
      return LIVE;
    }
    if (apiKey.startsWith(TEST_PREFIX) && apiKey.length() > TEST_PREFIX.length()) {
      return TEST;
    }
    return UNKNOWN;
  }
}
