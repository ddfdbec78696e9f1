package dev.paykit.promptcash;

import dev.paykit.core.AutoPager;
import dev.paykit.core.ConflictException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.promptcash.api.PaymentsApi;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.PaymentList;
import java.util.List;
import java.util.Map;

/**
 * Prompt.Cash payments: create, fetch, list. Every call goes through the pipeline (validation,
 * authentication, signature, retries); each method also takes {@link RequestOptions} (deadline, extra
 * headers) for that call. Prompt.Cash has no idempotency keys: a payment's {@code tx_id} makes creating
 * it safe to repeat. Thread-safe.
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
   * retry and is retried on transient failures, including a connection lost after sending; when such a
   * retry finds the payment an earlier attempt created, {@link CreatePaymentResult#createdOnAnEarlierAttempt()}
   * says so. When the outcome stays unknown, {@link dev.paykit.core.OutcomeUnknownException} names the
   * {@code tx_id} to repeat the call with.
   *
   * @param request the payment to create; not null
   * @return the payment and what this call knows about how it came about
   * @throws dev.paykit.core.ConflictException when {@code txId} already names a payment of another amount or currency
   */
  public CreatePaymentResult create(CreatePaymentRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(CreatePaymentRequest)}, with options for this call.
   *
   * @param request the payment to create; not null
   * @param options the options of this call (deadline, headers); not null
   * @return the payment and what this call knows about how it came about
   */
  public CreatePaymentResult create(CreatePaymentRequest request, RequestOptions options) {
    Arguments.require(request, "request", PromptCashResponses.PROVIDER, "createPayment");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "createPayment");
    CallReport report = CallReport.of(options);
    CreatePaymentResponse response = report.run(() -> api.createPayment(request.txId(), request.amount(),
        request.currency(), request.slpToken(), request.description(), text(request.callbackUrl()),
        text(request.returnUrl()), request.expirationMinutes(), request.confirmations()));
    requireSameTerms(request, response);
    return new CreatePaymentResult(response, report.earlierAttemptMayHaveBeenProcessed());
  }

  /**
   * A {@code tx_id} that already names a payment for another amount or currency is a mistake in the
   * caller's ids: Prompt.Cash answers with the old payment, and taking it as this payment would charge
   * the customer the wrong amount. Nothing new was created.
   */
  private static void requireSameTerms(CreatePaymentRequest request, CreatePaymentResponse response) {
    Payment p = response.getPayment();
    if (!Boolean.TRUE.equals(response.getExisting()) || p == null || p.getFiatCurrency() == null) {
      return;
    }
    boolean sameCurrency = p.getFiatCurrency().equalsIgnoreCase(request.currency());
    boolean sameAmount = p.getAmountFiat() == null || p.getAmountFiat().compareTo(request.amount()) == 0;
    if (!sameCurrency || !sameAmount) {
      throw new ConflictException(ErrorDetails.builder(PromptCashResponses.PROVIDER)
          .operationId("createPayment").httpStatus(200)
          .providerMessage("tx_id " + request.txId() + " already names a payment of " + plain(p.getAmountFiat()) + " "
              + p.getFiatCurrency() + ", not " + request.amount().toPlainString() + " " + request.currency()
              + "; nothing new was created").build(), null);
    }
  }

  private static String plain(java.math.BigDecimal amount) {
    return amount == null ? "?" : amount.toPlainString();
  }

  /**
   * The payment with this {@code txId}; {@link dev.paykit.core.NotFoundException} if there is none.
   *
   * @param txId your id of the payment
   * @return the payment
   */
  public Payment get(String txId) {
    return get(txId, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param txId your id of the payment
   * @param options the options of this call (deadline, headers); not null
   * @return the payment
   */
  public Payment get(String txId, RequestOptions options) {
    Arguments.require(txId, "txId", PromptCashResponses.PROVIDER, "getPayment");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "getPayment");
    return CallReport.run(options, () -> api.getPayment(txId, (Boolean) null)).getData();
  }

  /**
   * Like {@link #get(String)}, but asks Prompt.Cash to check the blockchain now ({@code force=true}).
   *
   * @param txId your id of the payment
   * @return the payment, its status as the blockchain says now
   */
  public Payment getFresh(String txId) {
    return getFresh(txId, RequestOptions.none());
  }

  /**
   * Like {@link #getFresh(String)}, with options for this call.
   *
   * @param txId your id of the payment
   * @param options the options of this call (deadline, headers); not null
   * @return the payment, its status as the blockchain says now
   */
  public Payment getFresh(String txId, RequestOptions options) {
    Arguments.require(txId, "txId", PromptCashResponses.PROVIDER, "getPayment");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "getPayment");
    return CallReport.run(options, () -> api.getPayment(txId, Boolean.TRUE)).getData();
  }

  /**
   * One page of payments matching the query, in creation order.
   *
   * @param query the filters and page; {@link PaymentQuery#all()} for every payment
   * @return the page's payments; empty when none
   */
  public List<Payment> list(PaymentQuery query) {
    return list(query, RequestOptions.none());
  }

  /**
   * Like {@link #list(PaymentQuery)}, with options for this call.
   *
   * @param query the filters and page; {@link PaymentQuery#all()} for every payment
   * @param options the options of this call (deadline, headers); not null
   * @return the page's payments; empty when none
   */
  public List<Payment> list(PaymentQuery query, RequestOptions options) {
    Arguments.require(query, "query", PromptCashResponses.PROVIDER, "getPayments");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "getPayments");
    List<Payment> data = CallReport.run(options, () -> fetch(query.toQuery())).getData();
    return data == null ? List.of() : data;
  }

  /**
   * Every payment matching the query, fetched page by page (limit/offset) as you iterate.
   *
   * @param query the filters; its limit is the page size, its offset where to start
   * @return the payments, fetched lazily
   */
  public AutoPager<Payment> listAutoPaging(PaymentQuery query) {
    return listAutoPaging(query, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(PaymentQuery)}; every page is fetched with these options.
   *
   * @param query the filters; its limit is the page size, its offset where to start
   * @param options the options of this call (deadline, headers); not null
   * @return the payments, fetched lazily
   */
  public AutoPager<Payment> listAutoPaging(PaymentQuery query, RequestOptions options) {
    Arguments.require(query, "query", PromptCashResponses.PROVIDER, "getPayments");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "getPayments");
    return Paging.pager(runtime.spec(), runtime.mapper(), "getPayments", query.toQuery(),
        PaymentList.class, q -> CallReport.run(options, () -> fetch(q)));
  }

  private static String text(Object uri) {
    return uri == null ? null : uri.toString();
  }

  private PaymentList fetch(Map<String, Object> query) {
    PaymentsApi.GetPaymentsQueryParams params = new PaymentsApi.GetPaymentsQueryParams();
    query.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.getPayments(params);
  }
}
