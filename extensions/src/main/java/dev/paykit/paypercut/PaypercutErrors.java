package dev.paykit.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.Redactor;
import java.util.Set;

/**
 * Paypercut's error answers: the {@code ApiError} object, at the top level as the docs show it
 * (https://docs.paypercut.io/docs/developer-resources/error-object), or under {@code error} (the official
 * Magento plugin reads both). The exception is chosen by {@code type}, then {@code code}, then the HTTP
 * status; an unknown shape still gives the status's exception. Stateless.
 *
 * <p>Retries: 429 and 5xx are retryable (the core's rule); a 409 {@code idempotency_error} is another
 * request with the same key still in progress ({@link IdempotencyKeyInUseException}), so it is retryable
 * too (the retry carries the same key) and, if it stays busy, the call's outcome is unknown; nothing is
 * retried when Paypercut advises {@code do_not_try_again}.
 */
final class PaypercutErrors {

  static final String PROVIDER = "paypercut";

  private static final Set<String> AUTHENTICATION = Set.of("authentication_invalid", "authentication_required",
      "token_invalid", "token_expired", "livemode_key_in_test_sandbox");
  private static final Set<String> PERMISSION = Set.of("permission_denied", "more_permissions_required");
  private static final Set<String> ACCOUNT = Set.of("account_required", "account_invalid");

  private PaypercutErrors() {}

  /** The error object of a body (top level, or under {@code error}); null when there is none. */
  static JsonNode errorObject(JsonNode json) {
    if (json == null || !json.isObject()) {
      return null;
    }
    JsonNode inner = json.get("error");
    if (inner != null && inner.isObject() && !json.has("type") && !json.has("message")) {
      return inner;
    }
    return json;
  }

  /** The code, message and trace id of an error body. */
  static ErrorDetails readError(ErrorDetails base, JsonNode json, String text) {
    JsonNode e = errorObject(json);
    if (e == null) {
      return base;
    }
    String code = text(e, "code");
    String type = text(e, "type");
    return base.toBuilder()
        .providerCode(code != null ? code : type)
        .providerMessage(text(e, "message"))
        .requestId(text(e, "trace_id"))
        .build();
  }

  /**
   * The typed exception for an error answer; every text in {@code json} is redacted first. The status
   * decides first where it says more than the body: a 5xx is Paypercut's failure whatever its
   * {@code type} (and stays an unknown outcome on a POST), a 4xx is never a retried server failure.
   */
  static PaykitException map(ErrorDetails details, JsonNode json, Redactor redactor) {
    PaypercutError error = error(errorObject(json), redactor);
    int status = details.httpStatus();
    String type = error.type();
    String code = error.code() == null ? "" : error.code();
    ErrorDetails d = details;
    if (error.doNotTryAgain()) {
      d = d.withRetryable(false);
    }
    if (status >= 500) {
      return new PaypercutServerException(d.withRetryable(!error.doNotTryAgain()), error);
    }
    if ("card_error".equals(type)) {
      return new CardDeclinedException(d.withRetryable(false), error);
    }
    if ("idempotency_error".equals(type) && status == 409) {
      // a request with this key is still being processed: retried with the key, and if it stays busy the
      // call's outcome is unknown (the first request may still complete), never a plain failure
      return new IdempotencyKeyInUseException(d.withRetryable(!error.doNotTryAgain()), error);
    }
    if ("idempotency_error".equals(type)) {
      return new IdempotencyConflictException(d.withRetryable(false), error);
    }
    if (status == 429 || "rate_limited".equals(code)) {
      return new PaypercutRateLimitException(
          d.withRetryable(!error.doNotTryAgain()).withMayHaveBeenProcessed(false), error);
    }
    if (ACCOUNT.contains(code)) {
      return new ConnectedAccountException(d, error);
    }
    if (AUTHENTICATION.contains(code) || "authentication_error".equals(type) || status == 401) {
      return new PaypercutAuthenticationException(d, error);
    }
    if (PERMISSION.contains(code) || status == 403) {
      return new PaypercutPermissionException(d, error);
    }
    if (status == 404) {
      return new PaypercutNotFoundException(d, error);
    }
    if (status == 400 || status == 422 || "invalid_request_error".equals(type) || "api_error".equals(type)) {
      // a 4xx is the client's fault whatever its type says: never retried as a server failure
      return new PaypercutInvalidRequestException(d, error);
    }
    return ApiException.forStatus(d);
  }

  private static PaypercutError error(JsonNode e, Redactor redactor) {
    if (e == null) {
      return PaypercutError.NONE;
    }
    return new PaypercutError(clean(e, "type", redactor), clean(e, "code", redactor),
        clean(e, "decline_code", redactor), clean(e, "advice_code", redactor),
        clean(e, "network_decline_code", redactor), clean(e, "network_advice_code", redactor),
        clean(e, "message", redactor), clean(e, "param", redactor), clean(e, "trace_id", redactor),
        clean(e, "violation_code", redactor),
        e.path("next_action").isObject() ? clean(e.get("next_action"), "type", redactor) : null);
  }

  private static String clean(JsonNode e, String field, Redactor redactor) {
    return redactor.redact(text(e, field));
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
