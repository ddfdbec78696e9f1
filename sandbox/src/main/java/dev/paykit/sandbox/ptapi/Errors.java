package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.ErrorBody;
import dev.paykit.sandbox.Json;
import java.util.Map;

/**
 * PT's error answers. PT publishes its error table's columns (HTTP Response Code | Error Code | Error Message |
 * Error Description) and rows, not the body's field names; the sandbox writes {@code {code, message,
 * description}} (or {@code errorCode} instead of {@code code}: {@link PtApiSimulator#errorCodeField}), the
 * table's message and description, the description followed by what exactly was wrong. The gateway's own
 * refusals (subscription key) are Azure API Management's {@code {statusCode, message}}; 403 and 404, for which
 * no code is published, are {@code {message, description}}. Stateless.
 */
final class Errors {
  static final int INVALID_QUERY = 400001;
  static final int INVALID_HEADER = 400002;
  static final int INVALID_JSON = 400003;
  static final int FAILED_PRECONDITION = 400004;
  static final int OUT_OF_RANGE = 400005;
  static final int EXPIRED_LOGIN = 401001;
  static final int INVALID_LOGIN = 401002;
  static final int ACCOUNT_CREATION = 402001;
  static final int FRAUD = 402002;
  static final int CHARGED_OFF = 402003;
  static final int CARDHOLDER_NOT_ACTIVE = 402004;

  /** Code to {message, description}, as the wiki's table has them (research-update §3.2). */
  static final Map<Integer, String[]> TABLE = Map.ofEntries(
      Map.entry(INVALID_QUERY, new String[] {"invalid query parameters",
          "Invalid HTTP query parameters were used in the request"}),
      Map.entry(INVALID_HEADER, new String[] {"invalid header parameters",
          "Invalid HTTP header parameters were used in the request"}),
      Map.entry(INVALID_JSON, new String[] {"invalid JSON parameters",
          "Invalid JSON parameters were used in the request"}),
      Map.entry(FAILED_PRECONDITION, new String[] {"failed precondition",
          "Request cannot be executed in the current system state"}),
      Map.entry(OUT_OF_RANGE, new String[] {"out of range",
          "Client specified an invalid range for the request parameter"}),
      Map.entry(EXPIRED_LOGIN, new String[] {"expired login credentials",
          "API credentials have expired and new credentials must be generated"}),
      Map.entry(INVALID_LOGIN, new String[] {"invalid login credentials",
          "The provided credentials don't match a provisioned credentials"}),
      Map.entry(ACCOUNT_CREATION, new String[] {"account creation error",
          "A PT system error occurred when creating the account"}),
      Map.entry(FRAUD, new String[] {"account inactive due to fraud",
          "The account has been deactivated due to potentially fraudulent activity"}),
      Map.entry(CHARGED_OFF, new String[] {"account is charged off",
          "The Account has been closed due to inactivity"}),
      // the source cuts this description off after "The ..."; the sandbox completes it plainly
      Map.entry(CARDHOLDER_NOT_ACTIVE, new String[] {"cardholder not active", "The cardholder is not active"}));

  /** How the router writes {@code ApiError.badRequest} messages and injected faults. */
  static final ErrorBody BODY = (status, message) -> status == 400 ? body(INVALID_JSON, message) : plain(message, null);

  private Errors() {}

  /** An error of the table: HTTP status = the code's first three digits. */
  static ApiError pt(int code, String detail) {
    return new ApiError(code / 1000, body(code, detail));
  }

  static ObjectNode body(int code, String detail) {
    String[] row = TABLE.get(code);
    ObjectNode body = Json.object();
    body.put("code", code);
    body.put("message", row[0]);
    body.put("description", detail == null ? row[1] : row[1] + ": " + detail);
    return body;
  }

  static ApiError notFound(String detail) {
    return new ApiError(404, plain("not found", detail));
  }

  static ApiError forbidden(String detail) {
    return new ApiError(403, plain("forbidden", detail));
  }

  private static ObjectNode plain(String message, String description) {
    ObjectNode body = Json.object();
    body.put("message", message);
    if (description != null) {
      body.put("description", description);
    }
    return body;
  }

  /** Azure API Management's own answer (the gateway, before PT sees the request). */
  static ApiError gateway(int status, String message) {
    ObjectNode body = Json.object();
    body.put("statusCode", status);
    body.put("message", message);
    return new ApiError(status, body);
  }
}
