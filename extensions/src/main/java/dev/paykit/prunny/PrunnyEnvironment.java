package dev.paykit.prunny;

/** Where a {@link PrunnyClient} sends requests (Prunny docs "Environments"; the hosts are spelled "punny"). */
public enum PrunnyEnvironment {

  /** Mock services: nothing is real. */
  SANDBOX("https://api-demo.punny.com"),

  /** Real accounts and real money. */
  LIVE("https://api.punny.com");

  private final String baseUrl;

  PrunnyEnvironment(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@return the environment's base URL} */
  public String baseUrl() {
    return baseUrl;
  }
}
