package dev.paykit.core;

import java.time.Duration;

/**
 * What is known about one failure; immutable. Built by the provider's error decoder or by the pipeline,
 * always from already-redacted text.
 *
 * @param provider provider id
 * @param operationId the failed operation's {@code operationId}, or null
 * @param httpStatus HTTP status, 0 when no response arrived
 * @param providerCode the provider's error code, or null
 * @param providerMessage the provider's message (redacted), or null
 * @param requestId the provider's request id, or null
 * @param retryable whether the failure is transient
 * @param retryAfter the provider's {@code Retry-After}, or null
 * @param mayHaveBeenProcessed false only when the provider certainly did not act on the request
 */
public record ErrorDetails(
    String provider,
    String operationId,
    int httpStatus,
    String providerCode,
    String providerMessage,
    String requestId,
    boolean retryable,
    Duration retryAfter,
    boolean mayHaveBeenProcessed) {

  /** Details of an HTTP error answer. */
  public static ErrorDetails http(String provider, int status, String code, String message) {
    return new ErrorDetails(provider, null, status, code, message, null, false, null, true);
  }

  public ErrorDetails withOperationId(String value) {
    return new ErrorDetails(provider, value, httpStatus, providerCode, providerMessage, requestId,
        retryable, retryAfter, mayHaveBeenProcessed);
  }

  public ErrorDetails withRequestId(String value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, value,
        retryable, retryAfter, mayHaveBeenProcessed);
  }

  public ErrorDetails withRetryable(boolean value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
        value, retryAfter, mayHaveBeenProcessed);
  }

  public ErrorDetails withRetryAfter(Duration value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
        retryable, value, mayHaveBeenProcessed);
  }

  public ErrorDetails withMayHaveBeenProcessed(boolean value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
        retryable, retryAfter, value);
  }

  /** One line for exception messages: {@code [promptcash createPayment] HTTP 404 (code X): message}. */
  String describe() {
    StringBuilder sb = new StringBuilder("[").append(provider);
    if (operationId != null) {
      sb.append(' ').append(operationId);
    }
    sb.append("] ");
    if (httpStatus > 0) {
      sb.append("HTTP ").append(httpStatus);
    }
    if (providerCode != null) {
      sb.append(httpStatus > 0 ? " " : "").append("(code ").append(providerCode).append(')');
    }
    if (providerMessage != null) {
      sb.append(httpStatus > 0 || providerCode != null ? ": " : "").append(providerMessage);
    }
    if (requestId != null) {
      sb.append(" [request-id ").append(requestId).append(']');
    }
    return sb.toString();
  }
}
