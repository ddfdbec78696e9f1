package dev.paykit.ptapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;

/**
 * PT's error answers. The body's field names are not published (the spec's {@code Error}): the code is
 * read from {@code code} or {@code errorCode} (a JSON number or a string of digits), the message from
 * {@code message} followed by {@code description}; the gateway's own {@code {statusCode, message}} has no
 * PT code. A 401 is the gateway refusing the subscription key ({@link PtApiGatewayKeyException}, which makes
 * the client turn to the secondary key) only when its body has that gateway shape: a 401 without a code the
 * client can read may be PT's own (an expired or invalid login under field names not published), and taking
 * it for a key refusal would drop a working primary key for good. Any other shape (an array, a string, HTML, fields of other types) still gives the status's
 * exception, never a failure to read. Stateless.
 */
final class PtApiErrors {

  static final String PROVIDER = "ptapi";

  private PtApiErrors() {}

  static ErrorDetails readError(ErrorDetails base, JsonNode json, String text) {
    if (json == null || !json.isObject()) {
      return base;
    }
    String code = code(json.get("code"));
    if (code == null) {
      code = code(json.get("errorCode"));
    }
    String message = text(json.get("message"));
    String description = text(json.get("description"));
    String full = message == null ? description
        : description == null || description.equals(message) ? message : message + ": " + description;
    return base.toBuilder().providerCode(code).providerMessage(full).build();
  }

  /**
   * The typed exception of PT's code; a 401 in the gateway's shape is the key's refusal; without a known code,
   * the HTTP status's.
   */
  static PaykitException map(ErrorDetails d, JsonNode json) {
    String code = d.providerCode();
    if (code != null) {
      switch (code) {
        case "400001": return new PtApiInvalidQueryException(d);
        case "400002": return new PtApiInvalidHeaderException(d);
        case "400003": return new PtApiInvalidJsonException(d);
        case "400004": return new PtApiFailedPreconditionException(d);
        case "400005": return new PtApiOutOfRangeException(d);
        case "401001": return new PtApiExpiredLoginException(d);
        case "401002": return new PtApiInvalidLoginException(d);
        case "402001": return new PtApiAccountCreationException(d);
        case "402002": return new PtApiAccountFraudException(d);
        case "402003": return new PtApiChargedOffException(d);
        case "402004": return new PtApiCardholderNotActiveException(d);
        default: break;
      }
    }
    if (d.httpStatus() == 401 && code == null && isGatewayRefusal(json)) {
      return new PtApiGatewayKeyException(d);
    }
    return ApiException.forStatus(d);
  }

  /** Azure API Management's refusal: {@code {"statusCode": 401, "message": "..."}}, no PT code. */
  private static boolean isGatewayRefusal(JsonNode json) {
    return json != null && json.isObject() && json.path("statusCode").isIntegralNumber()
        && json.path("statusCode").asInt() == 401 && json.path("message").isTextual();
  }

  private static String code(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    if (node.isTextual() && node.asText().trim().matches("[0-9]{1,12}")) {
      return node.asText().trim();
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText();
    return s.isBlank() ? null : s;
  }
}
