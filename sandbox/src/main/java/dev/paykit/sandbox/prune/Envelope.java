package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.ErrorBody;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prune's one answer shape (research-notes §1.4), for successes and failures alike:
 * {@code {"status": true|false, "message": ..., "data": ..., "code": <HTTP-like status>}}, lists adding
 * {@code "meta": {"total": n}}; failures carry no {@code data}. Money with two decimals, date-times in
 * UTC with milliseconds and {@code Z}. Stateless.
 */
final class Envelope {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** How a failure is written, for the fault injector and the shared helpers' {@link ApiError#badRequest}. */
  static final ErrorBody FAILURE = Envelope::failure;

  private Envelope() {}

  /** {@code {status: true, message, data, code}}; no {@code data} when it is null. */
  static ObjectNode success(int code, String message, JsonNode data) {
    ObjectNode body = Json.object().put("status", true).put("message", message);
    if (data != null) {
      body.set("data", data);
    }
    body.put("code", code);
    return body;
  }

  /** {@code {status: false, message, code}}. */
  static ObjectNode failure(int code, String message) {
    return Json.object().put("status", false).put("message", message).put("code", code);
  }

  /** A failure to throw from a handler: answered with HTTP {@code code} (unless the simulator says 200). */
  static ApiError error(int code, String message) {
    return new ApiError(code, failure(code, message));
  }

  /** 400 with Prune's "One or more fields are missing or invalid" and what exactly. */
  static ApiError invalid(String detail) {
    return error(400, "One or more fields are missing or invalid: " + detail);
  }

  /** 404 for a record a request names that does not exist. */
  static ApiError notFound(String message) {
    return error(404, message);
  }

  /** Money as a JSON number with exactly two decimals; amounts are validated to cents on entry. */
  static DecimalNode money(BigDecimal amount) {
    return Json.decimal(amount.setScale(2, RoundingMode.UNNECESSARY));
  }

  static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
