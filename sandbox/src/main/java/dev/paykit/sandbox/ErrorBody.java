package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A provider's error body for an HTTP status and a message, e.g. Prompt.Cash's
 * {@code {"error": "..."}}. A simulator declares its shape once and hands it to its
 * {@link FaultInjector} and to {@link ApiError#body(ErrorBody)}. Sandbox machinery, not an API for
 * the sandbox's users.
 */
@FunctionalInterface
public interface ErrorBody {
  /**
   * Writes an error body.
   *
   * @param status the HTTP status it is sent with
   * @param message what went wrong
   * @return the body in the provider's shape
   */
  ObjectNode render(int status, String message);
}
