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

  /**
   * Creates a payment method.
   *
   * @param request the payment method to create; not null
   * @return the created payment method
   */
  public PaymentMethod create(PaymentMethodCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(PaymentMethodCreateRequest)}, with options for this call.
   *
   * @param request the payment method to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created payment method
   */
  public PaymentMethod create(PaymentMethodCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentMethod");
    return Calls.run("createPaymentMethod", options, () -> api.createPaymentMethod(null, request));
  }

  /**
   * Retrieves the payment method with this id.
   *
   * @param id the payment method's id
   * @return the payment method
   */
  public PaymentMethod retrieve(String id) {
    return retrieve(id, false, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the payment method's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment method
   */
  public PaymentMethod retrieve(String id, RequestOptions options) {
    return retrieve(id, false, options);
  }

  /**
   * Retrieves a payment method; with {@code expandCustomer} its {@code customer} comes as the object.
   *
   * @param id the payment method's id
   * @param expandCustomer true to get the {@code customer} as the object
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment method
   */
  public PaymentMethod retrieve(String id, boolean expandCustomer, RequestOptions options) {
    Calls.require(id, "id", "getPaymentMethod");
    List<String> expand = expandCustomer ? List.of(EXPAND_CUSTOMER) : null;
    return Calls.run("getPaymentMethod", options, () -> api.getPaymentMethod(id, expand));
  }

  /**
   * Detaches a payment method from its customer.
   *
   * @param id the payment method's id
   * @return the payment method, detached from its customer
   */
  public PaymentMethod detach(String id) {
    return detach(id, RequestOptions.none());
  }

  /**
   * Like {@link #detach(String)}, with options for this call.
   *
   * @param id the payment method's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment method, detached from its customer
   */
  public PaymentMethod detach(String id, RequestOptions options) {
    Calls.require(id, "id", "detachPaymentMethod");
    return Calls.run("detachPaymentMethod", options, () -> api.detachPaymentMethod(id, null));
  }
}
