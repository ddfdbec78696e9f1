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

  public CheckoutSession create(CheckoutCreateRequest request) {
    return create(request, null, RequestOptions.none());
  }

  public CheckoutSession create(CheckoutCreateRequest request, RequestOptions options) {
    return create(request, null, options);
  }

  public CheckoutSession create(CheckoutCreateRequest request, List<String> expand, RequestOptions options) {
    Calls.require(request, "request", "createCheckout");
    List<String> e = Calls.expand(expand, "createCheckout");
    return Calls.run("createCheckout", options, () -> api.createCheckout(null, e, request));
  }

  public CheckoutSession retrieve(String id) {
    return retrieve(id, null, RequestOptions.none());
  }

  public CheckoutSession retrieve(String id, RequestOptions options) {
    return retrieve(id, null, options);
  }

  public CheckoutSession retrieve(String id, List<String> expand, RequestOptions options) {
    Calls.require(id, "id", "getCheckout");
    List<String> e = Calls.expand(expand, "getCheckout");
    return Calls.run("getCheckout", options, () -> api.getCheckout(id, e));
  }
}
