package dev.paykit.sandbox.paypercut;

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
 * MockServer's object callback for every request under {@link PaypercutSimulator#PATH_PREFIX}.
 * Order of work: a queued fault (injected errors and 429s answer before anything else is looked
 * at); the secret key (401); the account (403); the route (404); for a POST with an
 * {@code Idempotency-Key}: its form (400), a queued {@code keyInUseNext} (409), the saved answer
 * under (account, key) or a conflict; the handler. Every error answer gets a fresh
 * {@code trace_id}. MockServer runs this on its Netty threads, possibly concurrently; shared state
 * lives in the store, the idempotency store, the fault injector and the deliveries, each with its
 * own lock.
 */
final class Router implements ExpectationResponseCallback {
  /** What the handler answered, and whether an idempotency key keeps it. */
  private record Outcome(HttpResponse response, boolean saved) {}

  private final PaypercutSimulator simulator;
  private final Routes routes;

  Router(PaypercutSimulator simulator) {
    this.simulator = simulator;
    this.routes = new Routes(simulator);
  }

  Routes routes() {
    return routes;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String key = request.getFirstHeader(PaypercutSimulator.IDEMPOTENCY_HEADER);
    if (!key.isEmpty()) {
      simulator.idempotency().count(key);
    }
    return simulator.faults().apply(() -> process(request));
  }

  private HttpResponse process(HttpRequest request) {
    try {
      Instant now = Render.second(simulator.now());
      Guard.authenticate(request);
      String account = simulator.store().apply(s -> Guard.scope(request, s));
      String method = request.getMethod().getValue();
      String path = path(request);
      Routes.Match match = routes.match(method, path);
      Call call = new Call(request, path, match.parameters(), account, now, simulator.baseUrl());
      String key = request.getFirstHeader(PaypercutSimulator.IDEMPOTENCY_HEADER);
      if (method.equals("POST") && !key.isEmpty()) {
        return idempotent(call, match, key);
      }
      return execute(call, match).response();
    } catch (ApiError e) {
      return errorResponse(e);
    }
  }

  /** The path below the prefix, without one trailing slash. */
  private static String path(HttpRequest request) {
    String path = Routing.pathBelow(request, PaypercutSimulator.PATH_PREFIX);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * Paypercut's idempotency, keyed by (account, key): the first answer that {@link Errors#isSaved}
   * keeps is replayed byte for byte, with {@code Idempotent-Replayed: true}, for the same method,
   * path, query and body; the key with anything else is a 400 {@code idempotency_key_reused}; a key
   * whose first request is still executing (or a queued {@code keyInUseNext}) is a 409
   * {@code idempotency_key_in_use}, and nothing is done.
   */
  private HttpResponse idempotent(Call call, Routes.Match match, String key) {
    Guard.checkIdempotencyKey(key);
    if (simulator.takeKeyInUse()) {
      throw keyInUse(key);
    }
    String scoped = call.account() + " " + key;
    IdempotencyStore.Fingerprint fingerprint = new IdempotencyStore.Fingerprint(
        call.method() + " " + call.path() + "?" + call.rawQuery(), call.fingerprint());
    IdempotencyStore store = simulator.idempotency();
    IdempotencyStore.Claim claim = store.claim(scoped, fingerprint);
    if (claim instanceof IdempotencyStore.Replay replay) {
      return Json.response(replay.saved().status(), replay.saved().bodyCopy())
          .withHeader("Idempotent-Replayed", "true");
    }
    if (claim instanceof IdempotencyStore.Mismatch mismatch) {
      throw Errors.error(400, Errors.IDEMPOTENCY_ERROR, "idempotency_key_reused",
          PaypercutSimulator.IDEMPOTENCY_HEADER, "Keys for idempotent requests can only be used with the"
              + " same parameters they were first used with: '" + key + "' was first used for "
              + mismatch.first().target() + " with another body or path; use a new key for a new request.");
    }
    if (claim instanceof IdempotencyStore.Busy) {
      throw keyInUse(key);
    }
    Outcome outcome;
    try {
      outcome = execute(call, match);
    } catch (RuntimeException | Error e) {
      store.release(scoped);
      throw e;
    }
    if (outcome.saved()) {
      store.save(scoped, fingerprint, outcome.response().getStatusCode(), outcome.response().getBodyAsRawBytes());
    } else {
      store.release(scoped);
    }
    return outcome.response();
  }

  private static ApiError keyInUse(String key) {
    return Errors.error(409, Errors.IDEMPOTENCY_ERROR, "idempotency_key_in_use",
        PaypercutSimulator.IDEMPOTENCY_HEADER, "There is currently another in-progress request using the"
            + " idempotency key '" + key + "'; retry this request later.");
  }

  /** Runs the handler; any failure becomes an answer, so the idempotency store always gets one. */
  private Outcome execute(Call call, Routes.Match match) {
    try {
      return new Outcome(Json.response(200, match.handler().handle(call)), true);
    } catch (ApiError e) {
      ObjectNode body = e.body(Errors.SHAPE);
      return new Outcome(errorResponse(e), Errors.isSaved(e.status(), body));
    } catch (RuntimeException e) {
      // Never let MockServer turn a simulator bug into its own (non-JSON) answer.
      return new Outcome(errorResponse(Errors.error(500, Errors.API_ERROR, null, null,
          "sandbox internal error: " + e)), true);
    }
  }

  private HttpResponse errorResponse(ApiError e) {
    ObjectNode body = e.body(Errors.SHAPE).deepCopy();
    body.put("trace_id", simulator.nextTraceId());
    return Json.response(e.status(), body);
  }
}
