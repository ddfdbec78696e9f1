package dev.paykit.paypercut;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.paypercut.api.PaymentsApi;
import dev.paykit.paypercut.model.Payment;
import dev.paykit.paypercut.model.PaymentList;
import java.util.List;
import java.util.Map;

/** Payments (charges): retrieve and list, with cursor auto-paging. Thread-safe. */
public final class PaypercutPayments {

  private final ClientRuntime runtime;
  private final PaymentsApi api;

  PaypercutPayments(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(PaymentsApi.class);
  }

  /**
   * Retrieves the payment with this id.
   *
   * @param id the payment's id
   * @return the payment
   */
  public Payment retrieve(String id) {
    return retrieve(id, null, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the payment's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment
   */
  public Payment retrieve(String id, RequestOptions options) {
    return retrieve(id, null, options);
  }

  /**
   * {@code GET /v2/payments/{id}}.
   *
   * @param id the payment's id
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment
   */
  public Payment retrieve(String id, List<String> expand, RequestOptions options) {
    Calls.require(id, "id", "getPayment");
    List<String> e = Calls.expand(expand, "getPayment");
    return Calls.run("getPayment", options, () -> api.getPayment(id, e));
  }

  /**
   * {@code GET /v1/payments/{id}}: the legacy route the official plugins use; prefer {@link #retrieve}.
   *
   * @param id the payment's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment
   */
  public Payment retrieveV1(String id, RequestOptions options) {
    Calls.require(id, "id", "getPaymentV1");
    return Calls.run("getPaymentV1", options, () -> api.getPaymentV1(id));
  }

  /**
   * One page.
   *
   * @param params the filters, page size and cursor; not null
   * @return one page of payments
   */
  public PaymentList list(ListParams.Payments params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Like {@link #list(ListParams.Payments)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of payments
   */
  public PaymentList list(ListParams.Payments params, RequestOptions options) {
    Calls.require(params, "params", "listPayments");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listPayments", options, () -> fetch(q));
  }

  /**
   * Every payment matching {@code params}, page by page as you iterate ({@code last_key}).
   *
   * @param params the filters, page size and cursor; not null
   * @return the payments matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Payment> listAutoPaging(ListParams.Payments params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(ListParams.Payments)}; every page is fetched with these options (e.g. the connected
   * account).
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payments matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Payment> listAutoPaging(ListParams.Payments params, RequestOptions options) {
    Calls.require(params, "params", "listPayments");
    Calls.require(options, "options", "listPayments");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listPayments", params.toQuery(), PaymentList.class,
        q -> Calls.run("listPayments", options, () -> fetch(q)));
  }

  private PaymentList fetch(Map<String, Object> query) {
    return api.listPayments(Calls.query(new PaymentsApi.ListPaymentsQueryParams(), query));
  }
}
