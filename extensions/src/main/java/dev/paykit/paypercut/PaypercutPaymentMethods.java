package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.PaymentMethodsApi;
import dev.paykit.paypercut.model.PaymentMethod;
import dev.paykit.paypercut.model.PaymentMethodCreateRequest;
import java.util.List;

/** Payment methods: create from a confirmation token, retrieve, detach from the customer. Thread-safe. */
public final class PaypercutPaymentMethods {

  /** The one field {@code GET /v1/payment_methods/{id}} can expand. */
  public static final String EXPAND_CUSTOMER = "customer";

  private final PaymentMethodsApi api;

  PaypercutPaymentMethods(ClientRuntime runtime) {
    this.api = runtime.api(PaymentMethodsApi.class);
  }

  public PaymentMethod create(PaymentMethodCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  public PaymentMethod create(PaymentMethodCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentMethod");
    return Calls.run("createPaymentMethod", options, () -> api.createPaymentMethod(null, request));
  }

  public PaymentMethod retrieve(String id) {
    return retrieve(id, false, RequestOptions.none());
  }

  public PaymentMethod retrieve(String id, RequestOptions options) {
    return retrieve(id, false, options);
  }

  /** Retrieves a payment method; with {@code expandCustomer} its {@code customer} comes as the object. */
  public PaymentMethod retrieve(String id, boolean expandCustomer, RequestOptions options) {
    Calls.require(id, "id", "getPaymentMethod");
    List<String> expand = expandCustomer ? List.of(EXPAND_CUSTOMER) : null;
    return Calls.run("getPaymentMethod", options, () -> api.getPaymentMethod(id, expand));
  }

  public PaymentMethod detach(String id) {
    return detach(id, RequestOptions.none());
  }

  public PaymentMethod detach(String id, RequestOptions options) {
    Calls.require(id, "id", "detachPaymentMethod");
    return Calls.run("detachPaymentMethod", options, () -> api.detachPaymentMethod(id, null));
  }
}
