package dev.paykit.spring.boot;

import dev.paykit.ptapi.PtApiClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paykit.ptapi.*}: the PT API (Prepaid Technologies) client; active when {@code subscription-key} is
 * set. {@code base-url} is required (PT publishes no production host; its sandbox gateway is
 * {@value PtApiClient#SANDBOX_GATEWAY}), and so are {@code login-id} and {@code password}.
 */
@ConfigurationProperties(prefix = "paykit.ptapi")
public class PtApiProperties extends PaykitClientProperties {

  /** The API gateway subscription's primary key. */
  private String subscriptionKey;

  /** The subscription's secondary key, used once the gateway rejects the primary (e.g. while rotating it). */
  private String secondaryKey;

  /** The header carrying the subscription key (PT does not publish its name). */
  private String subscriptionKeyHeader = "Ocp-Apim-Subscription-Key"; // PtApiClient.DEFAULT_KEY_HEADER, literal for the metadata

  /** The PT user's login id; the client logs in on first use and logs out when the context closes. */
  private String loginId;

  /** The PT user's password. */
  private String password;

  /**
   * Read answers kept for conditional reads ({@code If-None-Match}, a 304 served from the kept answer); 0 turns
   * them off.
   */
  private int etagCacheSize = 256; // PtApiClient.DEFAULT_ETAG_CACHE_SIZE, literal for the metadata

  public String getSubscriptionKey() { return subscriptionKey; }
  public void setSubscriptionKey(String v) { this.subscriptionKey = v; }
  public String getSecondaryKey() { return secondaryKey; }
  public void setSecondaryKey(String v) { this.secondaryKey = v; }
  public String getSubscriptionKeyHeader() { return subscriptionKeyHeader; }
  public void setSubscriptionKeyHeader(String v) { this.subscriptionKeyHeader = v; }
  public String getLoginId() { return loginId; }
  public void setLoginId(String v) { this.loginId = v; }
  public String getPassword() { return password; }
  public void setPassword(String v) { this.password = v; }
  public int getEtagCacheSize() { return etagCacheSize; }
  public void setEtagCacheSize(int v) { this.etagCacheSize = v; }

  @Override
  public String toString() {
    return "PtApiProperties[baseUrl=" + getBaseUrl() + ", loginId=" + loginId + "]";
  }
}
