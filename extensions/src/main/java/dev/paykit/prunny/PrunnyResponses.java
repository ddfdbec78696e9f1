package dev.paykit.prunny;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.CallContext;
import dev.paykit.core.internal.JsonScrubber;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.WireNormalizer;
import dev.paykit.prunny.model.ApiResponse;
import dev.paykit.prunny.model.ResponseCode;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Optional;

/**
 * Prunny's bodies. Success bodies carry a response code in {@code status}; OBN answers business
 * failures with HTTP 200 and a failure code, so this decoder throws the code's typed exception before
 * anything is returned ({@link PrunnyCodes}). Error bodies are {@code {message, status, errorCode}} with
 * an HTTP error status; a known ISO-8583 {@code errorCode} gives the same typed exception. Code
 * {@code 97} ("unknown") on an operation with an effect throws a {@link TransferOutcomeUnknownException}
 * carrying the answer's {@code transactionRef}, which the core turns into the call's unknown outcome.
 * Pending codes ({@code 01}, {@code 09}) and success codes decode normally.
 *
 * <p>Before binding, the answer is brought to the spec's shape ({@link WireNormalizer}): a response code
 * sent as a JSON number reads as the table's code wherever the spec says the field is a
 * {@code ResponseCode} ({@code 0} is {@code 00}, a success; {@code 9} is {@code 09}), and the other
 * spellings the spec lists for a field ({@code x-paykit-read-aliases}) are read as its wire name.
 * Thread-safe.
 */
final class PrunnyResponses implements Decoder {

  static final String PROVIDER = "prunny";

  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final WireNormalizer normalizer;

  PrunnyResponses(ObjectMapper mapper, Redactor redactor, ApiSpec spec) {
    this.mapper = mapper;
    this.redactor = redactor;
    this.normalizer = new WireNormalizer(spec);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type instanceof ParameterizedType p && Types.getRawType(type) == ApiResponse.class) {
      Object body = decode(response, p.getActualTypeArguments()[0]);
      return new ApiResponse<>(response.status(), Collections.unmodifiableMap(response.headers()), body);
    }
    if (response.body() == null || type == void.class) {
      return null;
    }
    JsonNode tree;
    try (InputStream in = response.body().asInputStream()) {
      tree = mapper.readTree(in);
    }
    if (tree == null || tree.isMissingNode()) {
      return null;
    }
    JsonScrubber.scrub(tree, redactor); // an echoed API key never reaches a result or an exception
    tree = normalizer.normalize(tree, schema(response.status(), type));
    JsonNode status = tree.get("status");
    if (status != null && (status.isTextual() || status.isIntegralNumber())) {
      // a code sent as a number (51, or 9 for "09") is read as the table's text
      String text = status.isTextual() ? status.asText() : String.format("%02d", status.asInt());
      ResponseCode code = PrunnyCodes.parse(text);
      PrunnyCodes.Kind kind = PrunnyCodes.kind(code);
      if (kind == PrunnyCodes.Kind.FAILURE) {
        throw failure(code, tree.path("message").asText(null), response.status());
      }
      CallContext call = CallContext.current();
      if (kind == PrunnyCodes.Kind.OUTCOME_UNKNOWN && call != null && call.operation().effectful()) {
        // Prunny's own "unknown" (97) on a call with an effect: the core decides the outcome from it, for the
        // facades and for applications on the generated interfaces alike
        throw unknown(code, tree.path("message").asText(null), response.status(), transactionRef(tree), call);
      }
    }
    return mapper.readerFor(mapper.constructType(type)).readValue(tree);
  }

  /** The answer's schema: the operation's response for this status, else the model's own schema. */
  private JsonNode schema(int status, Type type) {
    CallContext call = CallContext.current();
    return (call == null ? Optional.<JsonNode>empty() : normalizer.responseSchema(call.operation(), status))
        .or(() -> normalizer.componentSchema(Types.getRawType(type).getSimpleName()))
        .orElse(null);
  }

  private PaykitException failure(ResponseCode code, String message, int httpStatus) {
    CallContext call = CallContext.current();
    ErrorDetails details = ErrorDetails.builder(PROVIDER)
        .operationId(call == null ? null : call.operation().operationId()).httpStatus(httpStatus)
        .providerCode(code.getValue()).providerMessage(redactor.redact(message)).build();
    return PrunnyCodes.exception(code, details);
  }

  private TransferOutcomeUnknownException unknown(ResponseCode code, String message, int httpStatus,
      String transactionRef, CallContext call) {
    ErrorDetails details = ErrorDetails.builder(PROVIDER).operationId(call.operation().operationId())
        .httpStatus(httpStatus).providerCode(code.getValue()).providerMessage(redactor.redact(message))
        .build();
    return new TransferOutcomeUnknownException(new OutcomeUnknownException(details, null), null, transactionRef,
        call.idempotencyKey());
  }

  /** Prunny's reference of the transaction in a success envelope ({@code data} or {@code responseData}), or null. */
  private static String transactionRef(JsonNode tree) {
    for (String payload : new String[] {"data", "responseData"}) {
      JsonNode ref = tree.path(payload).path("transactionRef");
      if (ref.isTextual() && !ref.asText().isBlank()) {
        return ref.asText();
      }
    }
    return null;
  }

  /** Reads {@code {message, status, errorCode}}. */
  static ErrorDetails readError(ErrorDetails base, JsonNode json, String text) {
    if (json == null) {
      return base;
    }
    String message = json.hasNonNull("message") ? json.get("message").asText() : null;
    String code = json.hasNonNull("errorCode") ? json.get("errorCode").asText() : null;
    return ErrorDetails.builder(base.provider()).operationId(base.operationId()).httpStatus(base.httpStatus())
        .providerCode(code).providerMessage(message).retryable(base.retryable()).retryAfter(base.retryAfter())
        .mayHaveBeenProcessed(base.mayHaveBeenProcessed()).build();
  }

  /**
   * The exception for an error body. Prunny's docs say the HTTP status alone tells the cause, so 401,
   * 404, 409, 429 and 5xx keep their status exceptions; a 400 or 422 whose {@code errorCode} is a known
   * failure code (e.g. 51) gets that code's typed exception; {@code 97} is an unknown outcome whatever
   * the status.
   */
  static PaykitException mapError(ErrorDetails details) {
    ResponseCode code = PrunnyCodes.parse(details.providerCode());
    if (code == ResponseCode.DESTINATION_TIMEOUT) {
      return PrunnyCodes.exception(code, details); // 97 means "unknown" whatever the HTTP status
    }
    boolean rejected = details.httpStatus() == 400 || details.httpStatus() == 422;
    if (rejected && PrunnyCodes.kind(code) == PrunnyCodes.Kind.FAILURE) {
      return PrunnyCodes.exception(code, details);
    }
    return ApiException.forStatus(details);
  }
}
