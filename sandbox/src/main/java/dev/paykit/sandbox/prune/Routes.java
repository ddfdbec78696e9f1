package dev.paykit.sandbox.prune;

import dev.paykit.sandbox.RouteTable;
import dev.paykit.sandbox.Routing;
import java.util.ArrayList;
import java.util.List;

/**
 * The 14 operations of specs/prune/openapi.yaml: method, path template and handler. Literal paths come
 * before templates that could also match them ({@code /v1/accounts/documents} before
 * {@code /v1/accounts/{accountId}}). Immutable.
 */
final class Routes {
  /** One operation's handler: its {@link Answer}, or an {@link dev.paykit.sandbox.ApiError}. */
  @FunctionalInterface
  interface Handler {
    Answer handle(Call call);
  }

  /** The handler and its path parameters, percent-decoded. */
  record Match(Handler handler, List<String> parameters) {}

  private final RouteTable<Handler> routes = new RouteTable<>();

  Routes(PruneSimulator simulator) {
    AccountRequestsApi requests = new AccountRequestsApi(simulator);
    AccountsApi accounts = new AccountsApi(simulator);
    MoneyApi money = new MoneyApi(simulator);
    routes.add("POST", "/v1/accounts/request-account", requests::individual);
    routes.add("POST", "/v1/accounts/request-corporate-account", requests::corporate);
    routes.add("GET", "/v1/accounts/requests/{requestId}/status", requests::status);
    routes.add("GET", "/v1/accounts/requests/{requestId}", requests::get);
    routes.add("PATCH", "/v1/accounts/requests/{requestId}", requests::update);
    routes.add("GET", "/v1/accounts/documents", accounts::documents);
    routes.add("POST", "/v1/accounts/validate", accounts::validate);
    routes.add("POST", "/v1/accounts/send", money::send);
    routes.add("GET", "/v1/accounts/transactions/{transactionId}/status", money::transactionStatus);
    routes.add("GET", "/v1/accounts", accounts::list);
    routes.add("GET", "/v1/accounts/{accountId}/balance", accounts::balance);
    routes.add("GET", "/v1/accounts/{accountId}", accounts::get);
    routes.add("POST", "/v1/payout/disburse", money::disburse);
    routes.add("GET", "/v1/payout/disburse/requests/{requestId}/status", money::disbursementStatus);
  }

  /** "METHOD template" of every operation, in table order. */
  List<String> operations() {
    return routes.routes().stream().map(r -> r.method() + " " + r.template()).toList();
  }

  /** The route for a request; 404 when no operation has this path, 405 when none has this method. */
  Match match(String method, String path) {
    var match = routes.match(method, path);
    if (match.isPresent()) {
      List<String> parameters = new ArrayList<>();
      for (String segment : match.get().parameters()) {
        try {
          parameters.add(Routing.decodeSegment(segment));
        } catch (IllegalArgumentException e) {
          throw Envelope.invalid("malformed path segment '" + segment + "'");
        }
      }
      return new Match(match.get().route().handler(), parameters);
    }
    if (routes.knowsPath(path)) {
      throw Envelope.error(405, "Method " + method + " is not allowed on " + path);
    }
    throw Envelope.notFound("Route not found: " + method + " " + path);
  }
}
