package dev.paykit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code paykit.paypercut.*}: the Paypercut client; active when {@code secret-key} is set. */
@ConfigurationProperties(prefix = "paykit.paypercut")
public class PaypercutProperties extends PaykitClientProperties {

  /** Your secret key ({@code sk_test_...} or {@code sk_live_...}). */
  private String secretKey;

  /** {@return the secret key, or {@code null} when the Paypercut client is off} */
  public String getSecretKey() { return secretKey; }
  /**
   * Sets the secret key; setting it activates the Paypercut client.
   *
   * @param v {@code sk_test_...} or {@code sk_live_...}
   */
  public void setSecretKey(String v) { this.secretKey = v; }

  @Override
  public String toString() {
    return "PaypercutProperties[baseUrl=" + getBaseUrl() + "]";
  }
}
