package dev.paykit.spring.boot;

import dev.paykit.promptcash.SignatureScheme;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code paykit.promptcash.*}: the Prompt.Cash client; active when {@code secret-token} is set. */
@ConfigurationProperties(prefix = "paykit.promptcash")
public class PromptCashProperties extends PaykitClientProperties {

  /** Your public account token (the {@code token} field of create-payment). */
  private String publicToken;

  /** Your secret token (the Authorization header and the signing key). */
  private String secretToken;

  /** How requests are signed (default: paykit's default scheme). */
  private SignatureScheme signatureScheme;

  public String getPublicToken() { return publicToken; }
  public void setPublicToken(String v) { this.publicToken = v; }
  public String getSecretToken() { return secretToken; }
  public void setSecretToken(String v) { this.secretToken = v; }
  public SignatureScheme getSignatureScheme() { return signatureScheme; }
  public void setSignatureScheme(SignatureScheme v) { this.signatureScheme = v; }

  @Override
  public String toString() {
    return "PromptCashProperties[baseUrl=" + getBaseUrl() + "]";
  }
}
