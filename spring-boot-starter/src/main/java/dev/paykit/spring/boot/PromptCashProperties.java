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

  /** {@return the public account token sent as the {@code token} field of create-payment} */
  public String getPublicToken() { return publicToken; }
  /**
   * Sets the public account token.
   *
   * @param v the token from the Prompt.Cash account
   */
  public void setPublicToken(String v) { this.publicToken = v; }
  /** {@return the secret token, or {@code null} when the Prompt.Cash client is off} */
  public String getSecretToken() { return secretToken; }
  /**
   * Sets the secret token (Authorization header and signing key); setting it activates the Prompt.Cash client.
   *
   * @param v the secret token from the Prompt.Cash account
   */
  public void setSecretToken(String v) { this.secretToken = v; }
  /** {@return how requests are signed, or {@code null} for paykit's default scheme} */
  public SignatureScheme getSignatureScheme() { return signatureScheme; }
  /**
   * Sets how requests are signed.
   *
   * @param v the scheme; {@code null} keeps paykit's default
   */
  public void setSignatureScheme(SignatureScheme v) { this.signatureScheme = v; }

  @Override
  public String toString() {
    return "PromptCashProperties[baseUrl=" + getBaseUrl() + "]";
  }
}
