package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.FaultInjector;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Routing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mockserver.mock.action.ExpectationResponseCallback;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * MockServer's callback for every request under {@link PtApiSimulator#PATH_PREFIX}. Order of work: a queued
 * fault (before anything else); the gateway's subscription key (Azure APIM's 401); the route (POST on one of the
 * spec's paths, else APIM's 404); the body and the operation; an ETag on the answers of reads, and 304 when
 * {@code If-None-Match} names it; for a load or unload, the cut the simulator may have been told to make of its
 * answer. MockServer runs this on several Netty threads; state is guarded by the state's monitor.
 */
final class Router implements ExpectationResponseCallback {
  private record Route(Function<Api.Call, Api.Answer> handler, boolean read, boolean movesMoney) {}

  private final PtApiSimulator simulator;
  private final Map<String, Route> routes = new LinkedHashMap<>();

  Router(PtApiSimulator simulator) {
    this.simulator = simulator;
    Api api = new Api(simulator);
    add("userendpoint", "login", api::login, false, false);
    add("userendpoint", "logout", api::logout, false, false);
    add("userendpoint", "resetPassword", api::resetPassword, false, false);
    add("customerendpoint", "getCustomerListByParent", api::customers, true, false);
    add("customerendpoint", "getCustomerProgramList", api::programs, true, false);
    add("cardendpoint", "orderCard", api::orderCard, false, false);
    add("cardendpoint", "orderInstantIssueCard", api::orderInstantIssue, false, false);
    add("cardendpoint", "registerCard", api::registerCard, false, false);
    add("cardendpoint", "registerCards", api::registerCards, false, false);
    add("cardendpoint", "searchCards", api::searchCards, true, false);
    add("cardendpoint", "changeCardStatus", api::changeCardStatus, false, false);
    add("cardendpoint", "duplicateCard", api::duplicateCard, false, false);
    add("cardendpoint", "loadCard", api::load, false, true);
    add("cardendpoint", "unloadCard", api::unload, false, true);
    add("cardendpoint", "getLoadHistory", api::loadHistory, true, false);
    add("cardholderendpoint", "searchCardholders", api::searchCardholders, true, false);
    add("cardholderendpoint", "getCardholder", api::getCardholder, true, false);
    add("cardholderendpoint", "updateCardholder", api::updateCardholder, false, false);
  }

  private void add(String service, String operation, Function<Api.Call, Api.Answer> handler, boolean read,
      boolean movesMoney) {
    routes.put("/_ah/api/" + service + "/v1/" + operation, new Route(handler, read, movesMoney));
  }

  /** The paths served, e.g. {@code /_ah/api/userendpoint/v1/login}. */
  List<String> paths() {
    return List.copyOf(routes.keySet());
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return simulator.faults().apply(() -> process(request));
  }

  private HttpResponse process(HttpRequest request) {
    try {
      checkSubscriptionKey(request);
      Route route = routes.get(Routing.pathBelow(request, PtApiSimulator.PATH_PREFIX));
      if (route == null || !request.getMethod().getValue().equals("POST")) {
        throw Errors.gateway(404, "Resource not found");
      }
      Api.Answer answer = route.handler().apply(new Api.Call(request, Body.parse(request), simulator.now()));
      if (answer.body() == null) {
        return HttpResponse.response().withStatusCode(answer.status());
      }
      HttpResponse response = Json.response(answer.status(), answer.body());
      if (route.read()) {
        String etag = "\"" + Digests.sha256Hex(new String(Json.bytes(answer.body()),
            java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        if (matches(request.getFirstHeader("If-None-Match"), etag)) {
          return HttpResponse.response().withStatusCode(304).withHeader("ETag", etag);
        }
        response = response.withHeader("ETag", etag);
      }
      return route.movesMoney() && simulator.takeLoadCut() ? FaultInjector.cutMidResponse(response) : response;
    } catch (ApiError e) {
      return Json.response(e.status(), simulator.rename(e.body(Errors.BODY)));
    } catch (RuntimeException e) {
      // a simulator bug answers as PT documents its 500: a generic error, no stack trace
      ObjectNode body = Json.object();
      body.put("message", "internal server error");
      return Json.response(500, body);
    }
  }

  /** {@code If-None-Match}: {@code *} or a list of entity tags, weak ones compared weakly (RFC 9110 13.1.2). */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subscription key header, once: the primary key (unless revoked) or the secondary one. Azure APIM's
   * answers and messages otherwise (its defaults; PT publishes neither).
   */
  private void checkSubscriptionKey(HttpRequest request) {
    List<String> values = request.getHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER);
    if (values.isEmpty()) {
      throw Errors.gateway(401, "Access denied due to missing subscription key. Make sure to include subscription"
          + " key when making requests to an API.");
    }
    String key = values.get(0);
    boolean primary = !simulator.primaryKeyRevoked() && Digests.constantTimeEquals(PtApiSimulator.PRIMARY_KEY, key);
    boolean secondary = Digests.constantTimeEquals(PtApiSimulator.SECONDARY_KEY, key);
    if (values.size() != 1 || !(primary || secondary)) {
      throw Errors.gateway(401, "Access denied due to invalid subscription key. Make sure to provide a valid key"
          + " for an active subscription.");
    }
  }
}
