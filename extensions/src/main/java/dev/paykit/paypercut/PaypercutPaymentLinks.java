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

  /**
   * Creates a payment link.
   *
   * @param request the payment link to create; not null
   * @return the created payment link
   */
  public PaymentLink create(PaymentLinkCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(PaymentLinkCreateRequest)}, with options for this call.
   *
   * @param request the payment link to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created payment link
   */
  public PaymentLink create(PaymentLinkCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPaymentLink");
    return Calls.run("createPaymentLink", options, () -> api.createPaymentLink(null, request));
  }

  /**
   * Retrieves the payment link with this id.
   *
   * @param id the payment link's id
   * @return the payment link
   */
  public PaymentLink retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the payment link's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment link
   */
  public PaymentLink retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getPaymentLink");
    return Calls.run("getPaymentLink", options, () -> api.getPaymentLink(id));
  }

  /**
   * One page of payment links.
   *
   * @param params the filters, page size and cursor; not null
   * @return one page of payment links
   */
  public PaymentLinkList list(ListParams.PaymentLinks params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Like {@link #list(ListParams.PaymentLinks)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of payment links
   */
  public PaymentLinkList list(ListParams.PaymentLinks params, RequestOptions options) {
    Calls.require(params, "params", "listPaymentLinks");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listPaymentLinks", options, () -> fetch(q));
  }

  /**
   * Every payment link matching {@code params}, fetched page by page as you iterate.
   *
   * @param params the filters, page size and cursor; not null
   * @return the payment links matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<PaymentLink> listAutoPaging(ListParams.PaymentLinks params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(ListParams.PaymentLinks)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment links matching {@code params}, fetched page by page as you iterate
   */
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
