package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Thrown by a simulated endpoint to answer with an error status and JSON body instead of its
 * normal result; the router turns it into the HTTP response. Unchecked so that validation
 * helpers can stop a handler from any depth without threading results back by hand.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ObjectNode body;

  ApiError(int status, ObjectNode body) {
    super(body.toString(), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** Prompt.Cash's generic error shape {@code {"error": "..."}} (docs, section "Errors"). */
  static ApiError of(int status, String message) {
    return new ApiError(status, Json.error(message));
  }

  /**
   * The same error in the URL shortener's shape {@code {"status":"FAILED","error":"..."}}: the docs
   * list SUCCESS|FAILED as the possible {@code status} of every surl answer.
   */
  ApiError asShortUrlFailure() {
    ObjectNode failed = Json.object().put("status", "FAILED");
    failed.set("error", body.get("error"));
    return new ApiError(status, failed);
  }

  int status() {
    return status;
  }

  ObjectNode body() {
    return body;
  }
}
