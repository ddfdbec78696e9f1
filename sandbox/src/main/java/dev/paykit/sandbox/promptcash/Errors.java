package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.ErrorBody;
import dev.paykit.sandbox.Json;

/**
 * Prompt.Cash's error shapes: the generic {@code {"error": "..."}} (docs, section "Errors") and the
 * URL shortener's {@code {"status":"FAILED","error":"..."}}. Stateless.
 */
final class Errors {
  /** {@code {"error": message}}, whatever the status: injected faults and shared-helper 400s. */
  static final ErrorBody SHAPE = (status, message) -> body(message);

  private Errors() {}

  /** {@code {"error": message}}. */
  static ObjectNode body(String message) {
    return Json.object().put("error", message);
  }

  /** An answer of {@code status} with {@code {"error": message}}. */
  static ApiError of(int status, String message) {
    return new ApiError(status, body(message));
  }

  /**
   * The same error in the URL shortener's shape {@code {"status":"FAILED","error":"..."}}: the docs
   * list SUCCESS|FAILED as the possible {@code status} of every surl answer.
   */
  static ApiError asShortUrlFailure(ApiError error) {
    ObjectNode failed = Json.object().put("status", "FAILED");
    failed.set("error", error.body(SHAPE).get("error"));
    return new ApiError(error.status(), failed);
  }
}
