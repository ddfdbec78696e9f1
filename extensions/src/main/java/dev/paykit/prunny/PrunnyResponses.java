package dev.paykit.prunny;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.EnvelopeDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.prunny.model.ApiResponse;
import dev.paykit.prunny.model.ResponseCode;

/**
 * Prunny's codes and error bodies; the envelope itself ({@code status} holding the code, {@code message},
 * the payload in {@code data} or {@code responseData}) is the spec's {@code x-paykit-envelope}, read by the
 * core's {@link EnvelopeDecoder}, which hands every success answer's code to {@link #failure}.
 *
 * <p>OBN answers business failures with HTTP 200 and a failure code, so a failure code throws the code's
 * typed exception before anything is returned ({@link PrunnyCodes}). Code {@code 97} ("unknown") on an
 * operation with an effect throws a {@link TransferOutcomeUnknownException} carrying the answer's
 * {@code transactionRef}, which the core turns into the call's unknown outcome. Pending codes ({@code 01},
 * {@code 09}) and success codes decode normally. Error bodies are {@code {message, status, errorCode}} with an
 * HTTP error status ({@link #readError}, {@link #mapError}); a known ISO-8583 {@code errorCode} gives the same
 * typed exception. Stateless.
 */
final class PrunnyResponses {

  static final String PROVIDER = "prunny";

  private PrunnyResponses() {}

  /** The success-answer decoder of a Prunny client: the core's envelope decoder with Prunny's code table. */
  static EnvelopeDecoder decoder(ObjectMapper mapper, Redactor redactor, ApiSpec spec) {
    return new EnvelopeDecoder(spec, mapper, redactor,
        EnvelopeDecoder.CodeTable.onEnvelopeMembers(PrunnyResponses::failure))
        .withHttpInfo(ApiResponse.class, ApiResponse::new);
  }

  /**
   * What a success answer's code (the envelope's {@code status}, a number already read as the table's
   * code) reports: a failure code's typed exception; {@code 97} on a call with an effect an unknown outcome
   * naming the answer's {@code transactionRef}; null otherwise. Decides on the code and the call alone (the
   * payload only names the reference of the failure it returns), so a clean answer may be bound from its
   * bytes ({@link EnvelopeDecoder.CodeTable#decidesOnEnvelopeMembers}).
   */
  static PaykitException failure(EnvelopeDecoder.Answer answer) {
    if (answer.code() == null) {
      return null;
    }
    ResponseCode code = PrunnyCodes.parse(answer.code());
    PrunnyCodes.Kind kind = PrunnyCodes.kind(code);
    if (kind == PrunnyCodes.Kind.FAILURE) {
      return PrunnyCodes.exception(code, answer.details().providerCode(code.getValue()).build());
    }
    if (kind == PrunnyCodes.Kind.OUTCOME_UNKNOWN && answer.effectful()) {
      // Prunny's own "unknown" (97) on a call with an effect: the core decides the outcome from it, for the
      // facades and for applications on the generated interfaces alike
      ErrorDetails details = answer.details().providerCode(code.getValue()).build();
      return new TransferOutcomeUnknownException(new OutcomeUnknownException(details, null), null,
          transactionRef(answer.data()), answer.call().idempotencyKey());
    }
    return null;
  }

  /** Prunny's reference of the transaction in a success envelope's payload, or null. */
  private static String transactionRef(JsonNode data) {
    JsonNode ref = data == null ? null : data.path("transactionRef");
    return ref != null && ref.isTextual() && !ref.asText().isBlank() ? ref.asText() : null;
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
