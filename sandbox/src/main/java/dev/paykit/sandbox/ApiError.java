package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Thrown by a simulated endpoint to answer with an error status and JSON body instead of its
 * normal result; the router turns it into the HTTP response. Unchecked so that validation
 * helpers can stop a handler from any depth without threading results back by hand.
 *
 * <p>A provider's code throws it with a body already in its provider's shape. The shared helpers
 * of this package ({@link FormParameters}, {@link Numbers}) know no provider and throw
 * {@link #badRequest} with a message only; the router writes that message in its own shape through
 * {@link #body(ErrorBody)}. Sandbox machinery, not an API for the sandbox's users.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status to answer with. */
  private final int status;
  /** Null when thrown with a message only. */
  private final transient ObjectNode body;

  /**
   * An answer of {@code status} with {@code body}, already in the provider's error shape.
   *
   * @param status the HTTP status
   * @param body the error body, not null
   */
  public ApiError(int status, ObjectNode body) {
    super(body.toString(), null, false, false);
    this.status = status;
    this.body = body;
  }

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
    this.body = null;
  }

  /**
   * A 400 with {@code message}, for the router to write in its provider's error shape.
   *
   * @param message what is wrong, naming the field
   * @return the error, to be thrown
   */
  public static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  /** {@return the HTTP status to answer with} */
  public int status() {
    return status;
  }

  /**
   * The error body to answer with.
   *
   * @param shape the provider's error shape, used when thrown with a message only
   * @return the body as thrown, or {@code shape}'s rendering of the status and message
   */
  public ObjectNode body(ErrorBody shape) {
    return body != null ? body : shape.render(status, getMessage());
  }
}
