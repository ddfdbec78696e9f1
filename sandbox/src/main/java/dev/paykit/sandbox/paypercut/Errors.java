package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.ErrorBody;
import dev.paykit.sandbox.Json;
import java.util.Set;

/**
 * Paypercut's error object, unwrapped (https://docs.paypercut.io/docs/developer-resources/error-object):
 * {@code {type, code, param, message, ...}}, to which the router adds {@code trace_id} when it
 * writes the answer. The builders here are what the handlers throw. Stateless.
 *
 * <p>Which errors an {@code Idempotency-Key} keeps ({@link #isSaved}): those of a request that
 * started executing, as Stripe does: card errors, the state errors of {@link #SAVED_CODES} and
 * 5xx. Refusals before execution are not kept: malformed or unknown parameters, references to
 * objects that do not exist, authentication, account, rate-limit and idempotency errors.
 */
final class Errors {
  static final String INVALID_REQUEST = "invalid_request_error";
  static final String CARD_ERROR = "card_error";
  static final String IDEMPOTENCY_ERROR = "idempotency_error";
  static final String API_ERROR = "api_error";

  /** The 400 codes of a request that was executed: its answer is kept under its key. */
  static final Set<String> SAVED_CODES = Set.of("payment_intent_unexpected_state", "amount_too_large",
      "charge_already_refunded", "payment_unexpected_state", "payment_method_unexpected_state",
      "resource_already_exists");

  /**
   * How a status and message with no other detail are written (injected faults, the shared
   * helpers' {@link ApiError#badRequest}): 429 {@code rate_limited}, 5xx {@code api_error}, any
   * other status an {@code invalid_request_error} ({@code parameter_invalid} for a 400).
   */
  static final ErrorBody SHAPE = (status, message) -> {
    if (status == 429) {
      return body(INVALID_REQUEST, "rate_limited", null, message);
    }
    if (status >= 500) {
      return body(API_ERROR, null, null, message);
    }
    return body(INVALID_REQUEST, status == 400 ? "parameter_invalid" : null, null, message);
  };

  private Errors() {}

  /** {@code {"type", "code"?, "param"?, "message"}}; null fields are left out. */
  static ObjectNode body(String type, String code, String param, String message) {
    ObjectNode body = Json.object().put("type", type);
    if (code != null) {
      body.put("code", code);
    }
    if (param != null) {
      body.put("param", param);
    }
    return body.put("message", message);
  }

  static ApiError error(int status, String type, String code, String param, String message) {
    return new ApiError(status, body(type, code, param, message));
  }

  /** 400 {@code parameter_missing}. */
  static ApiError missing(String param) {
    return error(400, INVALID_REQUEST, "parameter_missing", param, "Missing required param: " + param + ".");
  }

  /** 400 {@code parameter_invalid}: {@code Invalid <param>: <problem>.} */
  static ApiError invalid(String param, String problem) {
    return error(400, INVALID_REQUEST, "parameter_invalid", param, "Invalid " + param + ": " + problem + ".");
  }

  /** 400 {@code parameter_unknown}: a field the spec does not have (a typo or a wrong wire name). */
  static ApiError unknown(String param) {
    return error(400, INVALID_REQUEST, "parameter_unknown", param,
        "Received unknown parameter: " + param + ".");
  }

  /** 404 {@code resource_missing}, param {@code id}: the path names nothing this account owns. */
  static ApiError notFound(String object, String id) {
    return error(404, INVALID_REQUEST, "resource_missing", "id", "No such " + object + ": '" + id + "'");
  }

  /** 400 {@code resource_missing}: a body field names nothing this account owns. */
  static ApiError missingReference(String param, String object, String id) {
    return error(400, INVALID_REQUEST, "resource_missing", param, "No such " + object + ": '" + id + "'");
  }

  /** 400 with a state code of {@link #SAVED_CODES}. */
  static ApiError state(String code, String param, String message) {
    return error(400, INVALID_REQUEST, code, param, message);
  }

  /** Whether an answer with this status and body is kept under its idempotency key. */
  static boolean isSaved(int status, ObjectNode body) {
    if (status < 400 || status >= 500) {
      return true;
    }
    String type = body.path("type").asText();
    return type.equals(CARD_ERROR) || (status == 400 && SAVED_CODES.contains(body.path("code").asText()));
  }
}
