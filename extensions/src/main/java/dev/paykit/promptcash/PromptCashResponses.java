package dev.paykit.promptcash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.CallContext;
import dev.paykit.promptcash.invoker.ApiResponseDecoder;
import dev.paykit.promptcash.model.ApiResponse;
import dev.paykit.promptcash.model.ShortUrlCreateResponse;
import dev.paykit.promptcash.model.ShortUrlList;
import dev.paykit.promptcash.model.ShortUrlResponse;
import dev.paykit.promptcash.model.ShortUrlStatus;
import dev.paykit.promptcash.model.ShortUrlStatusResponse;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Prompt.Cash's success and error bodies. Errors are {@code {"error": "..."}} with an HTTP status
 * (docs, "Errors"); the URL shortener also answers {@code {"status": "FAILED"}}, which this decoder
 * turns into an {@link ApiException} even when the HTTP status is 200, so that a failed call never
 * looks like a success. Thread-safe.
 */
final class PromptCashResponses implements Decoder {

  static final String PROVIDER = "promptcash";

  private final Decoder delegate;
  private final Redactor redactor;

  PromptCashResponses(ObjectMapper mapper, Redactor redactor) {
    this.delegate = new dev.paykit.core.internal.TreeDecoder(mapper, new ApiResponseDecoder(mapper));
    this.redactor = redactor;
  }

  /** Reads {@code error} (and a shortener {@code status}) out of an error body. */
  static ErrorDetails readError(ErrorDetails base, JsonNode json, String text) {
    if (json == null) {
      return base;
    }
    String message = json.hasNonNull("error") ? json.get("error").asText() : null;
    String code = json.hasNonNull("status") ? json.get("status").asText() : null;
    return ErrorDetails.builder(base.provider()).operationId(base.operationId()).httpStatus(base.httpStatus())
        .providerCode(code).providerMessage(message).retryable(base.retryable()).retryAfter(base.retryAfter())
        .mayHaveBeenProcessed(base.mayHaveBeenProcessed()).build();
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Object decoded = delegate.decode(response, type);
    Object body = decoded instanceof ApiResponse<?> r ? r.getData() : decoded;
    String error = failedShortUrl(body);
    CallContext call = CallContext.current();
    String operationId = call == null ? null : call.operation().operationId();
    if (error != null) {
      throw ApiException.forStatus(ErrorDetails.builder(PROVIDER).operationId(operationId)
          .httpStatus(response.status()).providerCode("FAILED").providerMessage(redactor.redact(error))
          .build());
    }
    String lacking = body instanceof ShortUrlCreateResponse r && r.getToken() == null ? "token"
        : body instanceof ShortUrlResponse r && r.getUrl() == null ? "url" : null;
    if (lacking != null) {
      // a successful shortener answer without what it exists to return proves nothing
      throw new UnexpectedResponseException(ErrorDetails.builder(PROVIDER).operationId(operationId)
          .httpStatus(response.status())
          .providerMessage("the answer's status is not FAILED but it lacks " + lacking).retryable(true)
          .build(), null);
    }
    return decoded;
  }

  /** The failure message of a shortener answer whose status is FAILED, else null. */
  private static String failedShortUrl(Object body) {
    ShortUrlStatus status = null;
    String error = null;
    if (body instanceof ShortUrlCreateResponse r) {
      status = r.getStatus();
      error = r.getError();
    } else if (body instanceof ShortUrlStatusResponse r) {
      status = r.getStatus();
      error = r.getError();
    } else if (body instanceof ShortUrlResponse r) {
      status = r.getStatus();
      error = r.getError();
    } else if (body instanceof ShortUrlList r) {
      status = r.getStatus();
      error = r.getError();
    }
    return status == ShortUrlStatus.FAILED ? (error == null ? "status FAILED" : error) : null;
  }
}
