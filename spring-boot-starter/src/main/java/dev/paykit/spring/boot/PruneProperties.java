package dev.paykit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code paykit.prune.*}: the Prune Payments client; active when {@code api-key} is set. */
@ConfigurationProperties(prefix = "paykit.prune")
public class PruneProperties extends PaykitClientProperties {

  /** Your API key (its prefix selects test or live mode). */
  private String apiKey;

  /** {@return the API key, or {@code null} when the Prune client is off} */
  public String getApiKey() { return apiKey; }
  /**
   * Sets the API key; setting it activates the Prune client.
   *
   * @param v the key; its prefix selects test or live mode
   */
  public void setApiKey(String v) { this.apiKey = v; }

  @Override
  public String toString() {
    return "PruneProperties[baseUrl=" + getBaseUrl() + "]";
  }
}
