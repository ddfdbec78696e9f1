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

  /**
   * Named construction, so that nine positional arguments never get mixed up:
   * <pre>{@code
   * ErrorDetails.builder("prunny").operationId("intraBankTransfer").httpStatus(200)
   *     .providerCode("51").providerMessage(redacted).build();
   * }</pre>
   * Unset fields are: no operation, status 0, no code, message or request id, not retryable, no
   * {@code Retry-After}, and <em>may have been processed</em> (the safe assumption).
   *
   * @param provider the provider id
   * @return a builder with only the provider set
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /** {@return a builder holding these details, to change some of them} */
  public Builder toBuilder() {
    return new Builder(provider).operationId(operationId).httpStatus(httpStatus).providerCode(providerCode)
        .providerMessage(providerMessage).requestId(requestId).retryable(retryable).retryAfter(retryAfter)
        .mayHaveBeenProcessed(mayHaveBeenProcessed);
  }

  /** Builder of {@link ErrorDetails}; not thread-safe. */
  public static final class Builder {
    private final String provider;
    private String operationId;
    private int httpStatus;
    private String providerCode;
    private String providerMessage;
    private String requestId;
    private boolean retryable;
    private Duration retryAfter;
    private boolean mayHaveBeenProcessed = true;

    private Builder(String provider) {
      this.provider = provider;
    }

    /**
     * @param v the failed operation's {@code operationId}, or null
     * @return this builder
     */
    public Builder operationId(String v) { this.operationId = v; return this; }
    /**
     * @param v the HTTP status, 0 when no response arrived
     * @return this builder
     */
    public Builder httpStatus(int v) { this.httpStatus = v; return this; }
    /**
     * @param v the provider's error code, or null
     * @return this builder
     */
    public Builder providerCode(String v) { this.providerCode = v; return this; }
    /**
     * @param v the provider's message, already redacted, or null
     * @return this builder
     */
    public Builder providerMessage(String v) { this.providerMessage = v; return this; }
    /**
     * @param v the provider's request id, or null
     * @return this builder
     */
    public Builder requestId(String v) { this.requestId = v; return this; }
    /**
     * @param v whether the failure is transient
     * @return this builder
     */
    public Builder retryable(boolean v) { this.retryable = v; return this; }
    /**
     * @param v the provider's {@code Retry-After}, or null
     * @return this builder
     */
    public Builder retryAfter(Duration v) { this.retryAfter = v; return this; }
    /**
     * @param v false only when the provider certainly did not act on the request
     * @return this builder
     */
    public Builder mayHaveBeenProcessed(boolean v) { this.mayHaveBeenProcessed = v; return this; }

    /** {@return the details set so far} */
    public ErrorDetails build() {
      return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
          retryable, retryAfter, mayHaveBeenProcessed);
    }
  }

  /**
   * Details of an HTTP error answer: not retryable, may have been processed.
   *
   * @param provider the provider id
   * @param status the HTTP status
   * @param code the provider's error code, or null
   * @param message the provider's message, already redacted, or null
   * @return the details, with no operation id or request id yet
   */
  public static ErrorDetails http(String provider, int status, String code, String message) {
    return new ErrorDetails(provider, null, status, code, message, null, false, null, true);
  }

  /**
   * @param value the failed operation's {@code operationId}, or null
   * @return these details with {@code value} as {@link #operationId()}
   */
  public ErrorDetails withOperationId(String value) {
    return new ErrorDetails(provider, value, httpStatus, providerCode, providerMessage, requestId,
        retryable, retryAfter, mayHaveBeenProcessed);
  }

  /**
   * @param value the provider's request id, or null
   * @return these details with {@code value} as {@link #requestId()}
   */
  public ErrorDetails withRequestId(String value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, value,
        retryable, retryAfter, mayHaveBeenProcessed);
  }

  /**
   * @param value whether the failure is transient
   * @return these details with {@code value} as {@link #retryable()}
   */
  public ErrorDetails withRetryable(boolean value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
        value, retryAfter, mayHaveBeenProcessed);
  }

  /**
   * @param value the provider's {@code Retry-After}, or null
   * @return these details with {@code value} as {@link #retryAfter()}
   */
  public ErrorDetails withRetryAfter(Duration value) {
    return new ErrorDetails(provider, operationId, httpStatus, providerCode, providerMessage, requestId,
        retryable, value, mayHaveBeenProcessed);
  }

  /**
   * @param value false only when the provider certainly did not act on the request
   * @return these details with {@code value} as {@link #mayHaveBeenProcessed()}
   */
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
