package dev.paykit.promptcash;

import dev.paykit.core.AutoPager;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.promptcash.api.PaymentsApi;
import dev.paykit.promptcash.invoker.EncodingUtils;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.PaymentList;
import java.util.List;
import java.util.Map;

/**
 * Prompt.Cash payments: create, fetch, list. Every call goes through the pipeline (validation,
 * authentication, signature, retries). Thread-safe.
 */
public final class PromptCashPayments {

  private final ClientRuntime runtime;
  private final PaymentsApi api;

  PromptCashPayments(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(PaymentsApi.class);
  }

  /**
   * Creates a payment, or returns the existing one when this {@code txId} was used before
   * ({@link CreatePaymentResponse#getExisting()} is then true). Because of that, the call is safe to
   * retry and is retried on transient failures, including a connection lost after sending.
   */
  public CreatePaymentResponse create(CreatePaymentRequest request) {
    return api.createPayment(null, request.txId(), request.amount(), request.currency(),
        request.slpToken(), request.description(), text(request.callbackUrl()), text(request.returnUrl()),
        request.expirationMinutes(), request.confirmations(), null, null);
  }

  /** The payment with this {@code txId}; {@link dev.paykit.core.NotFoundException} if there is none. */
  public Payment get(String txId) {
    return api.getPayment(txId, (Boolean) null).getData();
  }

  /** Like {@link #get(String)}, but asks Prompt.Cash to check the blockchain now ({@code force=true}). */
  public Payment getFresh(String txId) {
    return api.getPayment(txId, Boolean.TRUE).getData();
  }

  /** One page of payments matching the query, in creation order. */
  public List<Payment> list(PaymentQuery query) {
    List<Payment> data = fetch(query.toQuery()).getData();
    return data == null ? List.of() : data;
  }

  /** Every payment matching the query, fetched page by page (limit/offset) as you iterate. */
  public AutoPager<Payment> listAutoPaging(PaymentQuery query) {
    return Paging.pager(runtime.spec(), runtime.mapper(), "getPayments", query.toQuery(),
        PaymentList.class, this::fetch);
  }

  private static String text(Object uri) {
    return uri == null ? null : uri.toString();
  }

  private PaymentList fetch(Map<String, Object> query) {
    PaymentsApi.GetPaymentsQueryParams params = new PaymentsApi.GetPaymentsQueryParams();
    query.forEach((k, v) -> params.put(k, EncodingUtils.encode(v)));
    return api.getPayments(params);
  }
}
