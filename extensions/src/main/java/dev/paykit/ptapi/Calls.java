package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import java.util.function.Supplier;

/**
 * What every PT facade method does around its generated call (the lazy login is a request check of the
 * client's, made once the request passed validation); when PT answers 401001 (expired session) it logs in again (one login shared by the callers that
 * failed on the same session) and repeats the call once, but only where repeating is safe: an operation
 * the spec says is safe to repeat, or one whose every attempt was answered, so that none may have been
 * processed. When the gateway rejects the primary key, the call is repeated once with the secondary (the
 * gateway answered: the request never reached PT). When the new login fails, its exception reaches the caller
 * with the call's own refusal ({@link PtApiExpiredLoginException}) as a suppressed exception: the call was
 * answered and not processed. Thread-safe.
 */
final class Calls {

  private final ApiSpec spec;
  private final Session session;
  private final GatewayKeys keys;

  Calls(ApiSpec spec, Session session, GatewayKeys keys) {
    this.spec = spec;
    this.session = session;
    this.keys = keys;
  }

  static <T> T require(T value, String name, String operationId) {
    return Arguments.require(value, name, PtApiErrors.PROVIDER, operationId);
  }

  /**
   * A copy of a generated query map whose values are fully percent-encoded. The generated setters encode
   * as {@code URLEncoder} does, which leaves {@code *} bare; Feign then takes such a value for one that is
   * not encoded yet and encodes it again ({@code %3A} reaching PT as {@code %253A}), so every {@code q}
   * with a wildcard or an escaped {@code *} would arrive garbled. {@code *} becomes {@code %2A} here.
   */
  static <M extends java.util.Map<String, Object>> M encoded(M params, M copy) {
    params.forEach((name, value) -> copy.put(name, value instanceof String s ? s.replace("*", "%2A") : value));
    return copy;
  }

  Session session() {
    return session;
  }

  /** Runs one call that carries the session. */
  <T> T run(String operationId, RequestOptions options, Supplier<T> call) {
    require(options, "options", operationId);
    OperationSpec op = spec.operation(operationId);
    boolean renewed = false;
    boolean fellBack = false;
    while (true) {
      CallReport report = CallReport.of(options);
      Session.takeUsed();
      try {
        return report.run(call);
      } catch (PtApiExpiredLoginException expired) {
        String used = Session.takeUsed();
        boolean repeatable = op.safeToRepeat() || !report.earlierAttemptMayHaveBeenProcessed();
        if (renewed || !repeatable) {
          throw expired;
        }
        try {
          withKeyFallback(() -> {
            session.renew(used);
            return null;
          });
        } catch (RuntimeException loginFailed) {
          // the call itself was refused (401001: PT answered, nothing was done); the caller sees both
          loginFailed.addSuppressed(expired);
          throw loginFailed;
        }
        renewed = true;
      } catch (PtApiGatewayKeyException rejected) {
        if (fellBack || report.earlierAttemptMayHaveBeenProcessed() || !keys.fallBack()) {
          throw rejected;
        }
        fellBack = true;
      }
    }
  }

  /** Runs a call that needs no session (resetPassword), with the key fallback. */
  <T> T runWithoutSession(String operationId, RequestOptions options, Supplier<T> call) {
    require(options, "options", operationId);
    return withKeyFallback(() -> CallReport.run(options, call));
  }

  /** A login, logout or sessionless call: repeated once with the secondary key when the primary is rejected. */
  <T> T withKeyFallback(Supplier<T> call) {
    try {
      return call.get();
    } catch (PtApiGatewayKeyException rejected) {
      if (!keys.fallBack()) {
        throw rejected;
      }
      return call.get();
    }
  }
}
