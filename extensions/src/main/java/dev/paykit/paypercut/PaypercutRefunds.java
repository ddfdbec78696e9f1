package dev.paykit.paypercut;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.paypercut.api.RefundsApi;
import dev.paykit.paypercut.model.Refund;
import dev.paykit.paypercut.model.RefundCreateRequest;
import dev.paykit.paypercut.model.RefundList;
import java.util.Map;

/**
 * Refunds: create (idempotent by key, like every POST), retrieve, list with auto-paging. A refund names
 * its payment ({@code payment}) or payment intent ({@code payment_intent}); the spec's {@code anyOf}
 * checks that one is given before anything is sent. Thread-safe.
 */
public final class PaypercutRefunds {

  private final ClientRuntime runtime;
  private final RefundsApi api;

  PaypercutRefunds(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(RefundsApi.class);
  }

  /**
   * Creates a refund.
   *
   * @param request the refund to create; not null
   * @return the created refund
   */
  public Refund create(RefundCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Refunds {@code amount} (default: what is left) of a payment; never more than was captured.
   *
   * @param request the refund to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created refund
   */
  public Refund create(RefundCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createRefund");
    return Calls.run("createRefund", options, () -> api.createRefund(null, request));
  }

  /**
   * Retrieves the refund with this id.
   *
   * @param id the refund's id
   * @return the refund
   */
  public Refund retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the refund's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the refund
   */
  public Refund retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getRefund");
    return Calls.run("getRefund", options, () -> api.getRefund(id));
  }

  /**
   * One page of refunds.
   *
   * @param params the filters, page size and cursor; not null
   * @return one page of refunds
   */
  public RefundList list(ListParams.Refunds params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Like {@link #list(ListParams.Refunds)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of refunds
   */
  public RefundList list(ListParams.Refunds params, RequestOptions options) {
    Calls.require(params, "params", "listRefunds");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listRefunds", options, () -> fetch(q));
  }

  /**
   * Every refund matching {@code params}, fetched page by page as you iterate.
   *
   * @param params the filters, page size and cursor; not null
   * @return the refunds matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Refund> listAutoPaging(ListParams.Refunds params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /**
   * Every refund matching {@code params}, most recent first, page by page; every page with these options.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the refunds matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Refund> listAutoPaging(ListParams.Refunds params, RequestOptions options) {
    Calls.require(params, "params", "listRefunds");
    Calls.require(options, "options", "listRefunds");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listRefunds", params.toQuery(), RefundList.class,
        q -> Calls.run("listRefunds", options, () -> fetch(q)));
  }

  private RefundList fetch(Map<String, Object> query) {
    return api.listRefunds(Calls.query(new RefundsApi.ListRefundsQueryParams(), query));
  }
}
