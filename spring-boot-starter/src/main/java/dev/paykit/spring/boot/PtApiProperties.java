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

  /** {@return the gateway subscription's primary key, or {@code null} when the PT API client is off} */
  public String getSubscriptionKey() { return subscriptionKey; }
  /**
   * Sets the gateway subscription's primary key; setting it activates the PT API client.
   *
   * @param v the primary key
   */
  public void setSubscriptionKey(String v) { this.subscriptionKey = v; }
  /** {@return the subscription's secondary key, or {@code null} if none} */
  public String getSecondaryKey() { return secondaryKey; }
  /**
   * Sets the secondary key, used once the gateway rejects the primary (e.g. while rotating it).
   *
   * @param v the secondary key, or {@code null} for none
   */
  public void setSecondaryKey(String v) { this.secondaryKey = v; }
  /** {@return the name of the header carrying the subscription key} */
  public String getSubscriptionKeyHeader() { return subscriptionKeyHeader; }
  /**
   * Sets the name of the header carrying the subscription key.
   *
   * @param v header name (default {@code Ocp-Apim-Subscription-Key})
   */
  public void setSubscriptionKeyHeader(String v) { this.subscriptionKeyHeader = v; }
  /** {@return the PT user's login id} */
  public String getLoginId() { return loginId; }
  /**
   * Sets the PT user's login id (required).
   *
   * @param v the login id
   */
  public void setLoginId(String v) { this.loginId = v; }
  /** {@return the PT user's password} */
  public String getPassword() { return password; }
  /**
   * Sets the PT user's password (required).
   *
   * @param v the password
   */
  public void setPassword(String v) { this.password = v; }
  /** {@return the number of read answers kept for conditional reads; 0 means off} */
  public int getEtagCacheSize() { return etagCacheSize; }
  /**
   * Sets how many read answers are kept for conditional reads ({@code If-None-Match}).
   *
   * @param v number of answers; 0 turns conditional reads off
   */
  public void setEtagCacheSize(int v) { this.etagCacheSize = v; }

  @Override
  public String toString() {
    return "PtApiProperties[baseUrl=" + getBaseUrl() + ", loginId=" + loginId + "]";
  }
}
