package dev.paykit.paypercut;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.paypercut.api.PaymentLinksApi;
import dev.paykit.paypercut.model.PaymentLink;
import dev.paykit.paypercut.model.PaymentLinkCreateRequest;
import dev.paykit.paypercut.model.PaymentLinkList;
import java.util.Map;

/** Payment links: create, retrieve, list with auto-paging. Thread-safe. */
public final class PaypercutPaymentLinks {

  private final ClientRuntime runtime;
  private final PaymentLinksApi api;

  PaypercutPaymentLinks(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(PaymentLinksApi.class);
  }

  public PaymentLink create(PaymentLinkCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  public PaymentLink create(PaymentLinkCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentLink");
    return Calls.run("createPaymentLink", options, () -> api.createPaymentLink(null, request));
  }

  public PaymentLink retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  public PaymentLink retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getPaymentLink");
    return Calls.run("getPaymentLink", options, () -> api.getPaymentLink(id));
  }

  public PaymentLinkList list(ListParams.PaymentLinks params) {
    return list(params, RequestOptions.none());
  }

  public PaymentLinkList list(ListParams.PaymentLinks params, RequestOptions options) {
    Calls.require(params, "params", "listPaymentLinks");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listPaymentLinks", options, () -> fetch(q));
  }

  public AutoPager<PaymentLink> listAutoPaging(ListParams.PaymentLinks params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  public AutoPager<PaymentLink> listAutoPaging(ListParams.PaymentLinks params, RequestOptions options) {
    Calls.require(params, "params", "listPaymentLinks");
    Calls.require(options, "options", "listPaymentLinks");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listPaymentLinks", params.toQuery(),
        PaymentLinkList.class, q -> Calls.run("listPaymentLinks", options, () -> fetch(q)));
  }

  private PaymentLinkList fetch(Map<String, Object> query) {
    return api.listPaymentLinks(Calls.query(new PaymentLinksApi.ListPaymentLinksQueryParams(), query));
  }
}
