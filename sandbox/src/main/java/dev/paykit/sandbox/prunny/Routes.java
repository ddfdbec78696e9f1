package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.RouteTable;
import dev.paykit.sandbox.Routing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 24 operations of specs/prunny/openapi.yaml: method, path template, whether the operation is a
 * transaction POST (or PUT) that must carry an {@code Idempotency-Key}, and its handler. Literal
 * paths come before templates that could also match them ({@code /v1/accounts/types} before
 * {@code /v1/accounts/{accountNumber}}). Immutable.
 */
final class Routes {
  /** One operation's handler: the 200 body, or an {@link ApiError}. */
  @FunctionalInterface
  interface Handler {
    ObjectNode handle(Call call);
  }

  /** What the table keeps per operation: whether it needs a key, and its handler. */
  record Route(boolean transactional, Handler handler) {}

  /** The route and its path parameters, percent-decoded. */
  record Match(Route route, List<String> parameters) {}

  private final RouteTable<Route> routes = new RouteTable<>();

  Routes(PrunnySimulator simulator) {
    AccountsApi accounts = new AccountsApi(simulator.bank());
    CustomersApi customers = new CustomersApi(simulator.bank());
    TransfersApi transfers = new TransfersApi(simulator);
    HoldsApi holds = new HoldsApi(simulator.bank());
    MandatesApi mandates = new MandatesApi(simulator, transfers.engine());
    read("GET", "/v1/accounts", accounts::list);
    read("GET", "/v1/accounts/types", accounts::types);
    read("GET", "/v1/accounts/types/{accountTypeId}", accounts::type);
    read("GET", "/v1/accounts/balance/{accountNumber}", accounts::balance);
    transaction("POST", "/v1/accounts/open", customers::open);
    read("GET", "/v1/accounts/{accountNumber}", accounts::get);
    read("GET", "/v1/customers/bvn/{bvn}", customers::byBvn);
    read("GET", "/v1/customers/{customerId}", customers::get);
    read("POST", "/v1/transactions/nameenquiry", transfers::nameEnquiry);
    transaction("POST", "/v1/transactions/singletransferwithbank", transfers::intraBank);
    transaction("POST", "/v1/transactions/singleInterbankTransfer", transfers::interBank);
    transaction("POST", "/v1/transactions/multiIntrabankTransfer", transfers::bulkIntraBank);
    transaction("POST", "/v1/transactions/multipleinterbankTransfer", transfers::bulkInterBank);
    transaction("POST", "/v1/transactions/complete", transfers::complete);
    read("GET", "/v1/transactions/confirmation/{transactionReference}", transfers::status);
    transaction("POST", "/v1/transactions/holdfund", holds::hold);
    transaction("POST", "/v1/transactions/releasefund", holds::release);
    read("GET", "/v1/transactions/heldfund/{accountNumber}/{referenceId}", holds::held);
    read("GET", "/v1/transactions/{accountId}/statement", accounts::statement);
    transaction("POST", "/v1/directdebit/create", mandates::create);
    transaction("POST", "/v1/directdebit/{mandateId}/pay", mandates::pay);
    transaction("POST", "/v1/directdebit/{mandateId}/cancel", mandates::cancel);
    read("GET", "/v1/directdebit/{account}/{mandateId}", mandates::get);
    transaction("PUT", "/v1/directdebit/{account}/{mandateId}", mandates::update);
  }

  private void read(String method, String template, Handler handler) {
    add(method, template, false, handler);
  }

  private void transaction(String method, String template, Handler handler) {
    add(method, template, true, handler);
  }

  private void add(String method, String template, boolean transactional, Handler handler) {
    routes.add(method, template, new Route(transactional, handler));
  }

  /** "METHOD template" of every operation, and whether it needs an Idempotency-Key, in table order. */
  Map<String, Boolean> operations() {
    Map<String, Boolean> operations = new LinkedHashMap<>();
    routes.routes().forEach(r -> operations.put(r.method() + " " + r.template(), r.handler().transactional()));
    return operations;
  }

  /** The route for a request; 404 when no operation has this path, 405 when none has this method. */
  Match match(String method, String path) {
    Optional<RouteTable.Match<Route>> match = routes.match(method, path);
    if (match.isPresent()) {
      List<String> parameters = new ArrayList<>();
      match.get().parameters().forEach(segment -> parameters.add(decode(segment)));
      return new Match(match.get().route().handler(), parameters);
    }
    if (routes.knowsPath(path)) {
      throw Envelope.error(405, Codes.WRONG_METHOD_CALL,
          "method " + method + " not allowed on " + path);
    }
    throw Envelope.notFound(Codes.WRONG_METHOD_CALL, "no operation at " + path);
  }

  /** Path segments use %XX only ({@code +} is a literal plus there, unlike in forms). */
  private static String decode(String segment) {
    try {
      return Routing.decodeSegment(segment);
    } catch (IllegalArgumentException e) {
      throw Envelope.invalid("malformed path segment '" + segment + "'");
    }
  }
}
