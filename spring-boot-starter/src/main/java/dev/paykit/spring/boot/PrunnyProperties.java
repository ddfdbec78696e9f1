package dev.paykit.spring.boot;

import dev.paykit.prunny.PrunnyEnvironment;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code paykit.prunny.*}: the Prunny client; active when {@code api-key} is set. */
@ConfigurationProperties(prefix = "paykit.prunny")
public class PrunnyProperties extends PaykitClientProperties {

  /** Your API key. */
  private String apiKey;

  /** SANDBOX or LIVE; ignored when base-url is set (default: paykit's default, SANDBOX). */
  private PrunnyEnvironment environment;

  public String getApiKey() { return apiKey; }
  public void setApiKey(String v) { this.apiKey = v; }
  public PrunnyEnvironment getEnvironment() { return environment; }
  public void setEnvironment(PrunnyEnvironment v) { this.environment = v; }

  @Override
  public String toString() {
    return "PrunnyProperties[environment=" + environment + ", baseUrl=" + getBaseUrl() + "]";
  }
}
