package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.CheckoutSessionsApi;
import dev.paykit.paypercut.model.CheckoutCreateRequest;
import dev.paykit.paypercut.model.CheckoutSession;
import java.util.List;

/** Checkout sessions (hosted, embedded or custom payment pages): create and retrieve. Thread-safe. */
public final class PaypercutCheckouts {

  private final CheckoutSessionsApi api;

  PaypercutCheckouts(ClientRuntime runtime) {
    this.api = runtime.api(CheckoutSessionsApi.class);
  }

  /**
   * Creates a checkout session.
   *
   * @param request the checkout session to create; not null
   * @return the created checkout session
   */
  public CheckoutSession create(CheckoutCreateRequest request) {
    return create(request, null, RequestOptions.none());
  }

  /**
   * Like {@link #create(CheckoutCreateRequest)}, with options for this call.
   *
   * @param request the checkout session to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created checkout session
   */
  public CheckoutSession create(CheckoutCreateRequest request, RequestOptions options) {
    return create(request, null, options);
  }

  /**
   * Like {@link #create(CheckoutCreateRequest, RequestOptions)}, returning the {@code expand}ed fields as objects.
   *
   * @param request the checkout session to create; not null
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created checkout session
   */
  public CheckoutSession create(CheckoutCreateRequest request, List<String> expand, RequestOptions options) {
    Calls.require(request, "request", "createCheckout");
    List<String> e = Calls.expand(expand, "createCheckout");
    return Calls.run("createCheckout", options, () -> api.createCheckout(null, e, request));
  }

  /**
   * Retrieves the checkout session with this id.
   *
   * @param id the checkout session's id
   * @return the checkout session
   */
  public CheckoutSession retrieve(String id) {
    return retrieve(id, null, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the checkout session's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the checkout session
   */
  public CheckoutSession retrieve(String id, RequestOptions options) {
    return retrieve(id, null, options);
  }

  /**
   * Like {@link #retrieve(String, RequestOptions)}, returning the {@code expand}ed fields as objects.
   *
   * @param id the checkout session's id
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the checkout session
   */
  public CheckoutSession retrieve(String id, List<String> expand, RequestOptions options) {
    Calls.require(id, "id", "getCheckout");
    List<String> e = Calls.expand(expand, "getCheckout");
    return Calls.run("getCheckout", options, () -> api.getCheckout(id, e));
  }
}
