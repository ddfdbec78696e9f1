package dev.paykit.sandbox.prune;

import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Routing;
import java.util.List;
import org.mockserver.mock.action.ExpectationResponseCallback;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * MockServer's object callback for every request under {@link PruneSimulator#PATH_PREFIX}. Order of
 * work: a queued fault (before anything else is looked at); the Bearer key, which picks the test or live
 * environment (401); the route (404, 405); the handler; then, for a request that booked a transfer or
 * payout, the cut the simulator may have been told to make of that answer. Every answer, injected faults
 * included, is Prune's envelope. MockServer runs this on its Netty threads, possibly concurrently; shared
 * state lives in the store and the fault injector, each with its own lock.
 */
final class Router implements ExpectationResponseCallback {
  private final PruneSimulator simulator;
  private final Routes routes;

  Router(PruneSimulator simulator) {
    this.simulator = simulator;
    this.routes = new Routes(simulator);
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return simulator.faults().apply(() -> process(request));
  }

  private HttpResponse process(HttpRequest request) {
    try {
      Environment environment = authenticate(request);
      String method = request.getMethod().getValue();
      String path = Routing.pathBelow(request, PruneSimulator.PATH_PREFIX);
      Routes.Match match = routes.match(method, path);
      Answer answer = match.handler().handle(new Call(request, environment, match.parameters(), simulator.now()));
      HttpResponse response = Json.response(answer.status(), body(answer));
      return answer.booked() != null && simulator.takeCut(answer.booked())
          ? FaultInjector.cutMidResponse(response) : response;
    } catch (ApiError e) {
      return failure(e.status(), e.body(Envelope.FAILURE));
    } catch (RuntimeException e) {
      // never let MockServer turn a simulator bug into its own (non-envelope) answer
      return failure(500, Envelope.failure(500, "sandbox internal error: " + e));
    }
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode body(Answer answer) {
    var body = Envelope.success(answer.status(), answer.message(), answer.data());
    if (answer.meta() != null) {
      body.set("meta", answer.meta());
    }
    return body;
  }

  /** A failure with its own status, or HTTP 200 when the simulator is told to answer failures so. */
  private HttpResponse failure(int status, com.fasterxml.jackson.databind.node.ObjectNode body) {
    return Json.response(simulator.failuresWithHttp200() ? 200 : status, body);
  }

  /**
   * The environment of exactly one {@code Authorization: Bearer <key>} naming one of the sandbox's keys
   * (the scheme case-insensitive, RFC 9110; the key exact); 401 otherwise.
   */
  private static Environment authenticate(HttpRequest request) {
    List<String> values = request.getHeader("Authorization");
    if (values.size() == 1 && values.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = values.get(0).substring(7);
      for (Environment e : Environment.values()) {
        if (Digests.constantTimeEquals(e.key(), key)) {
          return e;
        }
      }
    }
    throw Envelope.error(401, "Unauthorized: a valid API key is required (Authorization: Bearer <key>)");
  }
}
