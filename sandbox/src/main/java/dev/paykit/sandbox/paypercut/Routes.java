package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.RouteTable;
import dev.paykit.sandbox.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 37 operations of specs/paypercut/openapi.yaml: method, path template and handler. An unknown
 * path, or a known path with another method, is a 404 (Paypercut documents no 405). Immutable.
 */
final class Routes {
  /** One operation's handler: the 200 body, or an {@link dev.paykit.sandbox.ApiError}. */
  @FunctionalInterface
  interface Handler {
    ObjectNode handle(Call call);
  }

  /** The handler and the path parameters, percent-decoded. */
  record Match(String template, Handler handler, List<String> parameters) {}

  private final RouteTable<Handler> routes = new RouteTable<>();

  Routes(PaypercutSimulator simulator) {
    Store store = simulator.store();
    IntentsApi intents = new IntentsApi(store);
    CustomersApi customers = new CustomersApi(store);
    CatalogApi catalog = new CatalogApi(store, simulator.baseUrl());
    AccountsApi accounts = new AccountsApi(store);
    WebhooksApi webhooks = new WebhooksApi(store, simulator.outbox());
    routes.add("POST", "/v1/checkouts", catalog::createCheckout)
        .add("GET", "/v1/checkouts/{id}", catalog::getCheckout)
        .add("POST", "/v1/payment_intents", intents::create)
        .add("GET", "/v1/payment_intents/{id}", intents::get)
        .add("POST", "/v1/payment_intents/{id}/confirm", intents::confirm)
        .add("POST", "/v1/payment_intents/{id}/capture", intents::capture)
        .add("POST", "/v1/payment_intents/{id}/cancel", intents::cancel)
        .add("GET", "/v1/payments/{id}", intents::getPayment)
        .add("GET", "/v2/payments", intents::listPayments)
        .add("GET", "/v2/payments/{id}", intents::getPayment)
        .add("POST", "/v1/refunds", intents::createRefund)
        .add("GET", "/v1/refunds", intents::listRefunds)
        .add("GET", "/v1/refunds/{id}", intents::getRefund)
        .add("POST", "/v1/customers", customers::create)
        .add("GET", "/v1/customers/{id}", customers::get)
        .add("PUT", "/v1/customers/{id}", customers::update)
        .add("POST", "/v1/payment_methods", customers::createPaymentMethod)
        .add("GET", "/v1/payment_methods/{id}", customers::getPaymentMethod)
        .add("POST", "/v1/payment_methods/{id}/detach", customers::detach)
        .add("POST", "/v1/setup_intents", customers::createSetupIntent)
        .add("POST", "/v1/subscriptions", catalog::createSubscription)
        .add("POST", "/v1/products", catalog::createProduct)
        .add("POST", "/v1/prices", catalog::createPrice)
        .add("POST", "/v1/payment-links", catalog::createPaymentLink)
        .add("GET", "/v1/payment-links", catalog::listPaymentLinks)
        .add("GET", "/v1/payment-links/{id}", catalog::getPaymentLink)
        .add("POST", "/v1/webhooks", webhooks::create)
        .add("GET", "/v1/webhooks", webhooks::list)
        .add("GET", "/v1/webhooks/{id}", webhooks::get)
        .add("DELETE", "/v1/webhooks/{id}", webhooks::delete)
        .add("GET", "/v1/events", webhooks::listEvents)
        .add("GET", "/v1/events/{id}", webhooks::getEvent)
        .add("POST", "/v1/accounts", accounts::create)
        .add("POST", "/v1/accounts/{accountId}/external_accounts", accounts::addExternalAccount)
        .add("GET", "/v1/account", accounts::get)
        .add("POST", "/v1/payment_method_domains", catalog::createDomain)
        .add("GET", "/v1/payment_method_domains", catalog::listDomains);
  }

  /** "METHOD template" of every operation, in table order. */
  List<String> operations() {
    return routes.routes().stream().map(r -> r.method() + " " + r.template()).toList();
  }

  /** The route for a request; 404 when no operation has this method and path. */
  Match match(String method, String path) {
    Optional<RouteTable.Match<Handler>> match = routes.match(method, path);
    if (match.isEmpty()) {
      String why = routes.knowsPath(path) ? " (" + path + " does not take " + method + ")" : "";
      throw Errors.error(404, Errors.INVALID_REQUEST, null, null,
          "Unrecognized request URL (" + method + ": " + path + ")" + why + ".");
    }
    List<String> parameters = new ArrayList<>();
    for (String segment : match.get().parameters()) {
      try {
        parameters.add(Routing.decodeSegment(segment));
      } catch (IllegalArgumentException e) {
        throw Errors.invalid("id", "malformed path segment '" + segment + "'");
      }
    }
    return new Match(match.get().route().template(), match.get().route().handler(), parameters);
  }
}
