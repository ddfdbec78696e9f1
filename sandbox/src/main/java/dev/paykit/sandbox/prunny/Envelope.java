package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.ErrorBody;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The shapes every Prunny answer is built from: the 200 envelope {@code {status, message, data,
 * expansionFields}} (OBN; {@code status} an ISO-8583 code), the error body {@code {message, status,
 * errorCode}} (Prunny "Errors"; {@code status} the HTTP status), expansion fields, money with two
 * decimals and datetimes in UTC with offset {@code +00:00} (Prunny "Data Types"). Stateless.
 */
final class Envelope {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  /**
   * How a 400 of the shared helpers ({@link ApiError#badRequest}) is written: Prunny's error body
   * with errorCode 30, as {@link #invalid}.
   */
  static final ErrorBody INVALID_REQUEST =
      (status, message) -> errorBody(status, Codes.FORMAT_ERROR, message);

  private Envelope() {}

  /** {@code {"status": code, "message": ..., "expansionFields": [...]}}. */
  static ObjectNode of(String code, String message) {
    return withData(code, message, null);
  }

  /**
   * A 200 envelope with its single object (or array) in {@code data}, or none when {@code data} is
   * null. Prunny names {@code responseData} for paged items; OBN uses {@code data}; the client reads
   * either, and the sandbox uses {@code data} for single objects.
   */
  static ObjectNode withData(String code, String message, JsonNode data) {
    ObjectNode body = Json.object().put("status", code).put("message", message);
    if (data != null) {
      body.set("data", data);
    }
    body.set("expansionFields", envelopeFields());
    return body;
  }

  /** The expansion fields of every envelope: which environment answered. */
  static ArrayNode envelopeFields() {
    return expansionFields(field("environment", "The Prunny environment that answered", "sandbox"));
  }

  /** Approved (00) with {@code data}. */
  static ObjectNode approved(JsonNode data) {
    return withData(Codes.APPROVED, Codes.describe(Codes.APPROVED), data);
  }

  /** The description of {@code code}, then the detail: "No sufficient funds: ...". */
  static String message(String code, String detail) {
    return detail == null || detail.isEmpty()
        ? Codes.describe(code) : Codes.describe(code) + ": " + detail;
  }

  /** Prunny's error body: {@code {"message": ..., "status": <HTTP status>, "errorCode": ...}}. */
  static ObjectNode errorBody(int httpStatus, String errorCode, String message) {
    return Json.object().put("message", message).put("status", httpStatus).put("errorCode", errorCode);
  }

  /** An error answer to throw from a handler. */
  static ApiError error(int httpStatus, String errorCode, String message) {
    return new ApiError(httpStatus, errorBody(httpStatus, errorCode, message));
  }

  /** 400 with errorCode 30 (format error): the request was not executed and is not stored. */
  static ApiError invalid(String message) {
    return error(400, Codes.FORMAT_ERROR, message);
  }

  /** 404 for a record a GET names that does not exist. */
  static ApiError notFound(String errorCode, String message) {
    return error(404, errorCode, message);
  }

  /** One expansion field {@code {id, description, type: "string", value}}. */
  static ObjectNode field(String id, String description, String value) {
    return Json.object().put("id", id).put("description", description).put("type", "string")
        .put("value", value);
  }

  static ArrayNode expansionFields(ObjectNode... fields) {
    ArrayNode array = Json.object().arrayNode();
    for (ObjectNode f : fields) {
      array.add(f);
    }
    return array;
  }

  /** Money as a JSON number with exactly two decimals. Amounts are validated to cents on entry. */
  static DecimalNode money(BigDecimal amount) {
    return Json.decimal(amount.setScale(2, RoundingMode.UNNECESSARY));
  }

  /** Money in a message: plain, two decimals ("5000.00"). */
  static String moneyText(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }

  static String date(LocalDate date) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }
}
