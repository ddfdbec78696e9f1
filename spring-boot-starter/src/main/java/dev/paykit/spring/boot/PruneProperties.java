package dev.paykit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code paykit.prune.*}: the Prune Payments client; active when {@code api-key} is set. */
@ConfigurationProperties(prefix = "paykit.prune")
public class PruneProperties extends PaykitClientProperties {

  /** Your API key (its prefix selects test or live mode). */
  private String apiKey;

  public String getApiKey() { return apiKey; }
  public void setApiKey(String v) { this.apiKey = v; }

  @Override
  public String toString() {
    return "PruneProperties[baseUrl=" + getBaseUrl() + "]";
  }
}
