package dev.paykit.paypercut;

/** Test or live mode; Paypercut decides it by the secret key ({@code sk_test_…} / {@code sk_live_…}). */
public enum PaypercutMode {
  /** Test mode: keys start with {@code sk_test_}. */
  TEST("sk_test_"),
  /** Live mode: keys start with {@code sk_live_}. */
  LIVE("sk_live_");

  private final String keyPrefix;

  PaypercutMode(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** {@return the prefix of this mode's secret keys} */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * The mode of a secret key.
   *
   * @param secretKey a Paypercut secret key
   * @return the mode its prefix names
   * @throws IllegalArgumentException when the key has neither prefix; the message never shows the key
   */
  public static PaypercutMode ofSecretKey(String secretKey) {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("secretKey is required (a Paypercut secret key, sk_test_… or sk_live_…)");
    }
    if (!secretKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("secretKey holds a space, a line break or a character outside visible "
          + "ASCII (" + secretKey.length() + " characters, not shown): a copy-and-paste slip? An HTTP header "
          + "cannot carry it");
    }
    for (PaypercutMode m : values()) {
      if (secretKey.startsWith(m.keyPrefix) && secretKey.length() > m.keyPrefix.length()) {
        return m;
      }
    }
    throw new IllegalArgumentException("secretKey is not a Paypercut secret key: it must start with sk_test_ "
        + "(test mode) or sk_live_ (live mode); the key given (" + secretKey.length()
        + " characters, not shown) has neither prefix. A publishable or restricted key cannot be used here.");
  }
}
