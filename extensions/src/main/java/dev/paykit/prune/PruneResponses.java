package dev.paykit.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.CallContext;
import dev.paykit.core.internal.EnvelopeDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.prune.model.ApiResponse;

/**
 * Prune's answers. The envelope ({@code {status, message, data, code}}) is the spec's
 * {@code x-paykit-envelope}, read by the core's {@link EnvelopeDecoder}: a {@code status: false} answer is
 * the typed exception of the HTTP status its {@code code} names ({@code 404} a
 * {@link dev.paykit.core.NotFoundException}, {@code 400} an {@link dev.paykit.core.InvalidRequestException},
 * {@code 401} an {@link dev.paykit.core.AuthenticationException}...), whatever HTTP status it came with,
 * with Prune's message and its code as {@code providerCode()}. Error statuses are read the same way
 * ({@link #mapError}).
 *
 * <p>One exception to the rule, for operations with an effect: a failure whose code is a server error
 * that may come after Prune acted ({@code 500}, {@code 502}, {@code 504}...; not {@code 501} or
 * {@code 503}, which say the request was not taken on) says nothing certain about a transfer, so it is
 * the call's unknown outcome, never a failure, whatever the HTTP status (an HTTP {@code 5xx} already is).
 * Stateless.
 */
final class PruneResponses {

  static final String PROVIDER = "prune";

  private PruneResponses() {}

  static EnvelopeDecoder decoder(ObjectMapper mapper, Redactor redactor, ApiSpec spec) {
    return new EnvelopeDecoder(spec, mapper, redactor,
        EnvelopeDecoder.CodeTable.onEnvelopeMembers(PruneResponses::failure))
        .withHttpInfo(ApiResponse.class, ApiResponse::new);
  }

  /**
   * A success-status answer's code, before the envelope's success rule: only the unknown outcome. Decides on
   * the code, the success member ({@code status}) and the call alone, so a clean answer may be bound from
   * its bytes ({@link EnvelopeDecoder.CodeTable#decidesOnEnvelopeMembers}).
   */
  static PaykitException failure(EnvelopeDecoder.Answer answer) {
    boolean failed = answer.body() != null && answer.body().path("status").isBoolean()
        && !answer.body().path("status").booleanValue();
    if (failed && answer.effectful() && mayHaveActed(named(answer.code()))) {
      return new OutcomeUnknownException(answer.details().build(), null);
    }
    return null;
  }

  /** An error status's exception: by the status the envelope's code names, else the HTTP status. */
  static PaykitException mapError(ErrorDetails details) {
    int named = named(details.providerCode());
    int status = named != 0 ? named : details.httpStatus();
    CallContext call = CallContext.current();
    boolean effectful = call != null && call.operation().effectful();
    if (effectful && named != 0 && named != details.httpStatus() && mayHaveActed(named)) {
      return new OutcomeUnknownException(details, null); // e.g. HTTP 400 carrying code 500
    }
    if (effectful && mayHaveActed(details.httpStatus())) {
      // HTTP 500/502/504 on a money call: whatever code the body names (a refusal, even), the server failed
      // while the request may have been acted on; the envelope's typed failure stays readable as the cause
      return new OutcomeUnknownException(details, ApiException.forStatus(status, details));
    }
    return ApiException.forStatus(status, details);
  }

  private static boolean mayHaveActed(int status) {
    return status >= 500 && status != 501 && status != 503;
  }

  /** The HTTP error status (400-599) an envelope's code names, else 0. */
  static int named(String code) {
    if (code == null || code.length() != 3) {
      return 0;
    }
    try {
      int status = Integer.parseInt(code);
      return status >= 400 && status <= 599 ? status : 0;
    } catch (NumberFormatException notAStatus) {
      return 0;
    }
  }
}
