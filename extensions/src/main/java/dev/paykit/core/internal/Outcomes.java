package dev.paykit.core.internal;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.ServerException;
import dev.paykit.core.TransportException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.internal.spec.OperationSpec;
import java.util.List;

/**
 * The one place that decides whether a failed call may have moved money. Stateless and thread-safe.
 *
 * <p>Each attempt's failure is one of:
 * <ul>
 *   <li><b>not sent</b>: validation, a request that could not be encoded, a connection that failed
 *       before the request was written;
 *   <li><b>answered</b>: the provider gave a readable answer that says what happened: a 4xx, a typed
 *       decline (also a "system malfunction" code in a readable body), a {@code 501} or {@code 503}
 *       (the server says it did not take the request on);
 *   <li><b>unknown</b>: anything else after the request may have reached the provider: a read timeout
 *       or reset after writing, a body cut off, not JSON, of the wrong shape or empty, a status the spec
 *       does not list, a redirect ({@code 3xx}: paykit follows none, and a provider or a gateway may
 *       redirect a request it has acted on, {@code 303 See Other} to the result), a server error other
 *       than 501 and 503 (a {@code 500}, a gateway's {@code 502}
 *       or {@code 504} may come after the provider acted), or the provider's own "unknown" answer
 *       ({@link OutcomeUnknownException}, e.g. ISO-8583 {@code 97}).
 * </ul>
 * For an operation that can have an effect ({@link OperationSpec#effectful()}), the call's final
 * failure becomes an {@link OutcomeUnknownException} when it is unknown itself <em>or any earlier
 * attempt's was</em>: the last attempt's error must never hide an earlier attempt that went through.
 * Plain reads keep their failure.
 */
final class Outcomes {

  private Outcomes() {}

  /** Whether this attempt's failure leaves open whether the provider acted. */
  static boolean unknown(PaykitException failure) {
    if (failure instanceof OutcomeUnknownException || failure instanceof UnexpectedResponseException) {
      return true;
    }
    if (failure instanceof ValidationException) {
      return false;
    }
    if (failure instanceof TransportException t) {
      return t.isOutcomeUnknown();
    }
    if (isRedirection(failure)) {
      return true; // a redirect says nothing of what became of the request, and is never followed
    }
    if (failure instanceof ServerException) {
      // a 5xx status; a provider's "system malfunction" code in a readable 200 or 400 body is an answer
      int status = failure.httpStatus();
      return status >= 500 && status != 501 && status != 503;
    }
    return false;
  }

  /**
   * Whether the failure is an answer with a {@code 3xx} status: a redirect, which paykit never follows, or
   * a {@code 304} that names no cached answer.
   */
  static boolean isRedirection(PaykitException failure) {
    return failure.httpStatus() >= 300 && failure.httpStatus() < 400;
  }

  /** Whether any of these attempt failures leaves open whether the provider acted. */
  static boolean anyUnknown(List<PaykitException> failures) {
    for (PaykitException f : failures) {
      if (unknown(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception the caller gets for the call's final failure: that failure itself, or an outcome
   * unknown naming the key, the reference and how to resolve it.
   */
  static PaykitException finalFailure(PaykitException last, CallContext call, String reference) {
    OperationSpec op = call.operation();
    if (!op.effectful()) {
      return last;
    }
    List<PaykitException> failures = call.failures();
    if (!unknown(last) && !anyUnknown(failures)) {
      return last;
    }
    for (PaykitException earlier : failures) {
      if (earlier != last) {
        last.addSuppressed(earlier);
      }
    }
    String key = call.idempotencyKey();
    String resourceId = call.resourceId();
    String resolution = resolution(op, key, reference, resourceId);
    ErrorDetails d = last.details();
    String why = last instanceof OutcomeUnknownException
        ? "the provider could not tell the outcome"
        : isRedirection(last) && last.httpStatus() != 304 ? "the answer was a redirect (HTTP " + last.httpStatus()
            + "), which paykit does not follow; if every call is redirected, check the client's base URL"
        : unknown(last) ? "no usable answer arrived" : "an earlier attempt may have gone through";
    int attempts = Math.max(call.attempt(), 1);
    String message = "outcome unknown after " + attempts + (attempts == 1 ? " attempt" : " attempts")
        + " (" + why + "): the request may have been processed; " + resolution
        + (d.providerMessage() == null ? "" : " [last: " + d.providerMessage() + "]");
    ErrorDetails details = ErrorDetails.builder(d.provider()).operationId(op.operationId())
        .httpStatus(d.httpStatus()).providerCode(d.providerCode()).providerMessage(message)
        .requestId(d.requestId()).build();
    return new OutcomeUnknownException(details, last, key, reference, resolution, attempts, resourceId);
  }

  private static String resolution(OperationSpec op, String key, String reference, String resourceId) {
    String query = op.outcomeQuery().map(q -> "ask " + q + " for its state"
        + (resourceId == null ? "" : " (id " + resourceId + ", named by the answer that could not be used)"))
        .orElse(null);
    if (key != null) {
      return "repeat the same call with idempotency key " + key
          + " until it answers (the provider answers with what it stored for that key)"
          + (query == null ? "" : ", or " + query) + "; never resubmit under a new key";
    }
    if (reference != null && op.safeToRepeat()) {
      return "repeat the same call with " + op.referenceField().orElse("reference") + " " + reference
          + " until it answers (the operation is idempotent by it)" + (query == null ? "" : ", or " + query)
          + "; never resubmit under a new " + op.referenceField().orElse("reference");
    }
    return (query != null ? query : "ask the provider for the state of the resource")
        + " before trying again"
        + (reference == null ? "" : " (" + op.referenceField().orElse("reference") + " " + reference + ")");
  }
}
