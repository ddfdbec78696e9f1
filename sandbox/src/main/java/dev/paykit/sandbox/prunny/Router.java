package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.IdempotencyStore;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Routing;
import java.time.Instant;
import org.mockserver.mock.action.ExpectationResponseCallback;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * MockServer's object callback for every request under {@link PrunnySimulator#PATH_PREFIX}. Order
 * of work: a queued fault (a {@code failNext} answers before anything else is looked at); the
 * Bearer API key (401); the request timestamp (400); the route (404, 405); for a transaction POST
 * the {@code Idempotency-Key} (400 when missing) and the saved answer under it; the handler. MockServer
 * runs this on its Netty threads, possibly concurrently; shared state lives in the bank, the
 * idempotency store and the fault injector, each with its own lock.
 */
final class Router implements ExpectationResponseCallback {
  private static final int MAX_KEY_LENGTH = 255;

  private final PrunnySimulator simulator;
  private final Routes routes;

  Router(PrunnySimulator simulator) {
    this.simulator = simulator;
    this.routes = new Routes(simulator);
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String key = request.getFirstHeader(PrunnySimulator.IDEMPOTENCY_HEADER);
    if (!key.isEmpty()) {
      simulator.idempotency().count(key);
    }
    return simulator.faults().apply(() -> process(request));
  }

  private HttpResponse process(HttpRequest request) {
    try {
      Instant now = simulator.now();
      Guard.authorize(request);
      Guard.checkTimestamp(request, now);
      String method = request.getMethod().getValue();
      String path = path(request);
      Routes.Match match = routes.match(method, path);
      Call call = new Call(request, path, match.parameters(), simulator.baseUrl(), now);
      return match.route().transactional() ? idempotent(call, match.route()) : execute(call, match.route());
    } catch (ApiError e) {
      return Json.response(e.status(), e.body(Envelope.INVALID_REQUEST));
    }
  }

  /** The path below the prefix, without one trailing slash (OBN writes some paths with one). */
  private static String path(HttpRequest request) {
    String path = Routing.pathBelow(request, PrunnySimulator.PATH_PREFIX);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * Prunny's idempotency: the first answer under a key is saved (whatever its status, 5xx included)
   * and replayed byte for byte; a 400 (validation) is not saved, nor is a request that finds the
   * key in use by one still executing (409); the key with another request is a 409.
   */
  private HttpResponse idempotent(Call call, Routes.Route route) {
    String key = call.header(PrunnySimulator.IDEMPOTENCY_HEADER);
    if (key.isEmpty()) {
      throw Envelope.invalid("missing " + PrunnySimulator.IDEMPOTENCY_HEADER
          + " header: every transaction request must carry one");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw Envelope.invalid(
          PrunnySimulator.IDEMPOTENCY_HEADER + " longer than " + MAX_KEY_LENGTH + " characters");
    }
    IdempotencyStore.Fingerprint fingerprint =
        new IdempotencyStore.Fingerprint(call.method() + " " + call.path(), call.fingerprint());
    return simulator.idempotency().run(key, fingerprint, () -> execute(call, route),
        response -> response.getStatusCode() != 400, claim -> answerOtherwise(claim, key));
  }

  /** A replay of the key's saved answer, or a 409 for another request or one still executing. */
  private static HttpResponse answerOtherwise(IdempotencyStore.Claim claim, String key) {
    if (claim instanceof IdempotencyStore.Replay replay) {
      return Json.response(replay.saved().status(), replay.saved().bodyCopy())
          .withHeader("Idempotent-Replayed", "true");
    }
    if (claim instanceof IdempotencyStore.Mismatch mismatch) {
      throw Envelope.error(409, Codes.DUPLICATE_RECORD, PrunnySimulator.IDEMPOTENCY_HEADER
          + " '" + key + "' was already used for a different request (" + mismatch.first().target()
          + "); use a new key for a new request");
    }
    throw Envelope.error(409, Codes.DUPLICATE_RECORD, "a request with "
        + PrunnySimulator.IDEMPOTENCY_HEADER + " '" + key + "' is still being processed; retry later");
  }

  /** The answer with its payload moved under {@code key} ({@link PrunnySimulator#payloadKey(String)}). */
  private static ObjectNode payloadUnder(String key, ObjectNode answer) {
    if (key != null) {
      String other = key.equals("data") ? "responseData" : "data";
      if (answer.has(other) && !answer.has(key)) {
        answer.set(key, answer.remove(other));
      }
    }
    return answer;
  }

  /** Runs the handler; any failure becomes an answer, so the idempotency store always gets one. */
  private HttpResponse execute(Call call, Routes.Route route) {
    try {
      return Json.response(200, payloadUnder(simulator.payloadKey(), route.handler().handle(call)));
    } catch (ApiError e) {
      return Json.response(e.status(), e.body(Envelope.INVALID_REQUEST));
    } catch (RuntimeException e) {
      // Never let MockServer turn a simulator bug into its own (non-JSON) answer.
      return Json.response(500, Envelope.errorBody(500, Codes.SYSTEM_MALFUNCTION,
          "sandbox internal error: " + e));
    }
  }
}
