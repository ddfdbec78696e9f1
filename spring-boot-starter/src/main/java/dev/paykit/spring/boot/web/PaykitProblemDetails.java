package dev.paykit.spring.boot.web;

import dev.paykit.core.ApiException;
import dev.paykit.core.AuthenticationException;
import dev.paykit.core.ConflictException;
import dev.paykit.core.DeclinedException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.PermissionException;
import dev.paykit.core.RateLimitException;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.TimeoutException;
import dev.paykit.core.TransportException;
import dev.paykit.core.ValidationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An RFC 9457 {@link ProblemDetail} for a paykit exception, for an application's own HTTP API: what its
 * caller may be told, never what only the application should know.
 *
 * <p>Each kind of failure has its status and type ({@code urn:paykit:problem:<kind>}):
 * <ul>
 *   <li>{@code validation-failed} 400: the request was refused before sending; {@code violations} lists every
 *       field, rule and expectation (never the value);</li>
 *   <li>{@code outcome-unknown} 502: the provider may have processed it ({@link OutcomeUnknownException}, or
 *       no usable answer after the request may have reached the provider); {@code outcome} is {@code unknown},
 *       and the caller must not submit it again as new;</li>
 *   <li>{@code declined} 402 (with {@code declineCode} when the provider gave one), {@code not-found} 404,
 *       {@code conflict} 409, {@code provider-refused} 422 (the provider found the request invalid);</li>
 *   <li>{@code provider-rate-limited} 503, {@code provider-timeout} 504, {@code provider-unavailable} 502
 *       (no usable answer, or a server error), {@code provider-credentials} 502 (the application's own keys
 *       were refused: the caller's credentials are not in question, so never a 401 or 403);</li>
 *   <li>{@code invalid-signature} 400: a callback whose signature did not verify;</li>
 *   <li>{@code paykit-error} 500: anything else.</li>
 * </ul>
 * Every problem carries {@code provider} and, when known, {@code operation} and {@code providerCode}. The
 * detail is a fixed sentence per kind: the provider's message, request ids, references, amounts and keys stay
 * out (the exception, logged by the application, has them, secrets masked).
 */
public final class PaykitProblemDetails {

  private static final String TYPE = "urn:paykit:problem:";

  private PaykitProblemDetails() {}

  /**
   * The problem for {@code e}.
   *
   * @param e the exception a paykit client threw
   * @return a new problem: status, type, title, detail and the properties above
   * @throws IllegalArgumentException if {@code e} is null
   */
  public static ProblemDetail of(PaykitException e) {
    if (e == null) {
      throw new IllegalArgumentException("the exception is required");
    }
    Kind kind = kind(e);
    ProblemDetail p = ProblemDetail.forStatusAndDetail(kind.status, kind.detail);
    p.setType(URI.create(TYPE + kind.name));
    p.setTitle(kind.title);
    if (e.provider() != null) {
      p.setProperty("provider", e.provider());
    }
    e.operationId().ifPresent(op -> p.setProperty("operation", op));
    if (!(e instanceof ValidationException)) {
      e.providerCode().ifPresent(code -> p.setProperty("providerCode", code));
    }
    if (e instanceof ValidationException v) {
      List<Map<String, String>> violations = v.violations().stream().map(x -> {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", x.field());
        m.put("rule", x.rule());
        m.put("message", x.message());
        return m;
      }).toList();
      p.setProperty("violations", violations);
    } else if (kind == Kind.OUTCOME_UNKNOWN) {
      p.setProperty("outcome", "unknown");
    } else if (e instanceof DeclinedException d) {
      d.declineCode().ifPresent(code -> p.setProperty("declineCode", code));
    }
    return p;
  }

  private static Kind kind(PaykitException e) {
    if (e instanceof ValidationException) {
      return Kind.VALIDATION;
    }
    // a call the client decided may have been processed, or no usable answer after the request may have
    // reached the provider (a provider's error answer is an answer: its own kind below)
    if (e instanceof OutcomeUnknownException || e instanceof TransportException t && t.isOutcomeUnknown()) {
      return Kind.OUTCOME_UNKNOWN;
    }
    if (e instanceof SignatureVerificationException) {
      return Kind.SIGNATURE;
    }
    if (e instanceof DeclinedException) {
      return Kind.DECLINED;
    }
    if (e instanceof NotFoundException) {
      return Kind.NOT_FOUND;
    }
    if (e instanceof ConflictException) {
      return Kind.CONFLICT;
    }
    if (e instanceof InvalidRequestException) {
      return Kind.REFUSED;
    }
    if (e instanceof RateLimitException) {
      return Kind.RATE_LIMITED;
    }
    if (e instanceof AuthenticationException || e instanceof PermissionException) {
      return Kind.CREDENTIALS;
    }
    if (e instanceof TimeoutException) {
      return Kind.TIMEOUT;
    }
    if (e instanceof TransportException || e instanceof ApiException) {
      return Kind.UNAVAILABLE;
    }
    return Kind.OTHER;
  }

  private enum Kind {
    VALIDATION("validation-failed", HttpStatus.BAD_REQUEST, "Invalid request",
        "The request was not sent: the fields listed in 'violations' are invalid."),
    OUTCOME_UNKNOWN("outcome-unknown", HttpStatus.BAD_GATEWAY, "Outcome unknown",
        "The payment provider may have processed the request; its outcome is not known yet. "
            + "Do not submit it again as a new request."),
    SIGNATURE("invalid-signature", HttpStatus.BAD_REQUEST, "Invalid signature",
        "The callback's signature did not verify."),
    DECLINED("declined", HttpStatus.PAYMENT_REQUIRED, "Declined", "The payment provider declined the request."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", "The payment provider does not know the resource."),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict",
        "The request conflicts with the state of the resource at the payment provider."),
    REFUSED("provider-refused", HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the provider",
        "The payment provider refused the request as invalid."),
    RATE_LIMITED("provider-rate-limited", HttpStatus.SERVICE_UNAVAILABLE, "Provider busy",
        "The payment provider is limiting requests; try again later."),
    CREDENTIALS("provider-credentials", HttpStatus.BAD_GATEWAY, "Provider refused the service's credentials",
        "The payment provider refused this service's credentials."),
    TIMEOUT("provider-timeout", HttpStatus.GATEWAY_TIMEOUT, "Provider timeout",
        "The payment provider did not answer in time."),
    UNAVAILABLE("provider-unavailable", HttpStatus.BAD_GATEWAY, "Provider unavailable",
        "The payment provider gave no usable answer."),
    OTHER("paykit-error", HttpStatus.INTERNAL_SERVER_ERROR, "Payment client error",
        "The payment client failed.");

    final String name;
    final HttpStatus status;
    final String title;
    final String detail;

    Kind(String name, HttpStatus status, String title, String detail) {
      this.name = name;
      this.status = status;
      this.title = title;
      this.detail = detail;
    }
  }
}
