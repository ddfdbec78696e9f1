package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.PaymentMethodDomainsApi;
import dev.paykit.paypercut.model.PaymentMethodDomain;
import dev.paykit.paypercut.model.PaymentMethodDomainCreateRequest;
import dev.paykit.paypercut.model.PaymentMethodDomainList;

/** Domains registered for wallet payments (Apple Pay). Thread-safe. */
public final class PaypercutPaymentMethodDomains {

  private final PaymentMethodDomainsApi api;

  PaypercutPaymentMethodDomains(ClientRuntime runtime) {
    this.api = runtime.api(PaymentMethodDomainsApi.class);
  }

  public PaymentMethodDomain create(PaymentMethodDomainCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  public PaymentMethodDomain create(PaymentMethodDomainCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentMethodDomain");
    return Calls.run("createPaymentMethodDomain", options, () -> api.createPaymentMethodDomain(null, request));
  }

  public PaymentMethodDomainList list() {
    return list(RequestOptions.none());
  }

  public PaymentMethodDomainList list(RequestOptions options) {
    return Calls.run("listPaymentMethodDomains", options, api::listPaymentMethodDomains);
  }
}
