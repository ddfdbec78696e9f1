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

  /** {@return the API key, or {@code null} when the Prunny client is off} */
  public String getApiKey() { return apiKey; }
  /**
   * Sets the API key; setting it activates the Prunny client.
   *
   * @param v the Prunny API key
   */
  public void setApiKey(String v) { this.apiKey = v; }
  /** {@return SANDBOX or LIVE, or {@code null} for paykit's default (SANDBOX)} */
  public PrunnyEnvironment getEnvironment() { return environment; }
  /**
   * Sets the environment; ignored when {@code base-url} is set.
   *
   * @param v SANDBOX or LIVE; {@code null} keeps paykit's default
   */
  public void setEnvironment(PrunnyEnvironment v) { this.environment = v; }

  @Override
  public String toString() {
    return "PrunnyProperties[environment=" + environment + ", baseUrl=" + getBaseUrl() + "]";
  }
}
