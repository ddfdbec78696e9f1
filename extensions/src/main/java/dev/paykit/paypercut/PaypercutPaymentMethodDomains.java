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

  /**
   * Creates a payment method domain.
   *
   * @param request the payment method domain to create; not null
   * @return the created payment method domain
   */
  public PaymentMethodDomain create(PaymentMethodDomainCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(PaymentMethodDomainCreateRequest)}, with options for this call.
   *
   * @param request the payment method domain to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created payment method domain
   */
  public PaymentMethodDomain create(PaymentMethodDomainCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentMethodDomain");
    return Calls.run("createPaymentMethodDomain", options, () -> api.createPaymentMethodDomain(null, request));
  }

  /**
   * The payment method domains.
   *
   * @return one page of payment method domains
   */
  public PaymentMethodDomainList list() {
    return list(RequestOptions.none());
  }

  /**
   * Like {@link #list()}, with options for this call.
   *
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of payment method domains
   */
  public PaymentMethodDomainList list(RequestOptions options) {
    return Calls.run("listPaymentMethodDomains", options, api::listPaymentMethodDomains);
  }
}
