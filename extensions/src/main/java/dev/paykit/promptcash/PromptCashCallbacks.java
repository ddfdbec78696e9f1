package dev.paykit.promptcash;

import dev.paykit.core.internal.Arguments;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.promptcash.model.PaymentCallback;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Verifies the JSON callbacks Prompt.Cash POSTs to a payment's {@code callback} URL when its status
 * changes. The body is {@code {"token": <your secret token>, "payment": {...}}}; there is no HMAC, so
 * the check is that {@code token} equals your secret, compared in constant time (official
 * integration-examples {@code nodejs/index.js}, {@code php/callback.php}). Answer the callback with
 * HTTP 200. Thread-safe.
 *
 * <pre>{@code
 * PaymentCallback cb = client.callbacks().verify(requestBody);   // throws if forged
 * if (cb.getPayment().getStatus() == PaymentStatus.PAID) { ... }
 * }</pre>
 */
public final class PromptCashCallbacks {

  private final byte[] secret;
  private final ObjectMapper mapper;

  PromptCashCallbacks(String secretToken, ObjectMapper mapper) {
    this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
    this.mapper = mapper;
  }

  /**
   * Parses and verifies a callback body.
   *
   * @param body the request body exactly as received
   * @return the callback, once its token is known to be your secret
   * @throws SignatureVerificationException when the body is not a callback or its token is not your
   *     secret; the message never contains either token
   */
  public PaymentCallback verify(String body) {
    Arguments.require(body, "body", PromptCashResponses.PROVIDER, "verifyCallback");
    PaymentCallback callback;
    try {
      callback = mapper.readValue(body, PaymentCallback.class);
    } catch (JsonProcessingException e) {
      throw new SignatureVerificationException(PromptCashResponses.PROVIDER,
          "callback body is not valid JSON", null);
    }
    if (callback == null || callback.getToken() == null || callback.getPayment() == null) {
      throw new SignatureVerificationException(PromptCashResponses.PROVIDER,
          "callback body lacks token or payment", null);
    }
    byte[] token = callback.getToken().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(token, secret)) {
      throw new SignatureVerificationException(PromptCashResponses.PROVIDER,
          "callback token does not match the secret token: not sent by Prompt.Cash", null);
    }
    return callback;
  }

  /**
   * Same as {@link #verify(String)} for raw bytes (UTF-8).
   *
   * @param body the request body exactly as received
   * @return the callback, once its token is known to be your secret
   * @throws SignatureVerificationException when the body is not a callback or its token is not your secret
   */
  public PaymentCallback verify(byte[] body) {
    Arguments.require(body, "body", PromptCashResponses.PROVIDER, "verifyCallback");
    return verify(new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PromptCashCallbacks[secret=" + dev.paykit.core.internal.Redactor.MASK + "]";
  }
}
