package dev.paykit.ptapi;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.core.internal.QueryValues;
import dev.paykit.ptapi.api.CardsApi;
import dev.paykit.ptapi.model.Card;
import dev.paykit.ptapi.model.CardPage;
import dev.paykit.ptapi.model.CardRequest;
import dev.paykit.ptapi.model.CardStatus;
import dev.paykit.ptapi.model.ChangeCardStatusRequest;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.LoadHistory;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.ptapi.model.Order;
import dev.paykit.ptapi.model.OrderCardRequest;
import dev.paykit.ptapi.model.OrderInstantIssueRequest;
import dev.paykit.ptapi.model.RegisterCardRequest;
import dev.paykit.ptapi.model.RegisterCardsRequest;
import dev.paykit.ptapi.model.Registration;
import dev.paykit.ptapi.model.Registrations;
import java.util.Map;

/**
 * Ordering, registering, searching and managing cards; loads and unloads from the master funds account.
 *
 * <p>Loads and unloads move money and PT documents no idempotency key: each is sent once. An answer that
 * is lost after the request may have reached PT is a {@link dev.paykit.core.OutcomeUnknownException} naming
 * the load's {@code referenceId} (look for it in {@link #loadHistory}), never a repeat. A load refused
 * with an expired session (401001: PT answered, nothing was booked) is repeated once after a new login,
 * as every call is.
 *
 * <p>In a {@link PtApiScope}, orders and registrations without a {@code customerId} or
 * {@code customerProgramId} take the scope's (the request passed in is not changed), and searches without
 * a business search the scope's. Searches and the load history page by {@code limit}/{@code offset}:
 * {@link #searchAll} and {@link #loadHistoryAll} walk every page through the core's pager. Thread-safe.
 */
public final class PtApiCards {

  static final String ORDER = "orderCard";
  static final String ORDER_INSTANT = "orderInstantIssueCard";
  static final String REGISTER = "registerCard";
  static final String REGISTER_ALL = "registerCards";
  static final String SEARCH = "searchCards";
  static final String CHANGE_STATUS = "changeCardStatus";
  static final String DUPLICATE = "duplicateCard";
  static final String LOAD = "loadCard";
  static final String UNLOAD = "unloadCard";
  static final String HISTORY = "getLoadHistory";

  private final Calls calls;
  private final ClientRuntime runtime;
  private final CardsApi api;
  private final Scope scope;

  PtApiCards(Calls calls, ClientRuntime runtime, CardsApi api, Scope scope) {
    this.calls = calls;
    this.runtime = runtime;
    this.api = api;
    this.scope = scope;
  }

  /** A copy of {@code request} when the scope fills one of its ids, else the request itself. */
  private <R> R scoped(R request, Class<R> type, String customerId, String programId,
      java.util.function.BiConsumer<R, String> setCustomer, java.util.function.BiConsumer<R, String> setProgram) {
    boolean fillCustomer = customerId == null && scope.customerId() != null;
    boolean fillProgram = programId == null && scope.programId() != null;
    if (!fillCustomer && !fillProgram) {
      return request;
    }
    R copy = runtime.mapper().convertValue(request, type);
    if (fillCustomer) {
      setCustomer.accept(copy, scope.customerId());
    }
    if (fillProgram) {
      setProgram.accept(copy, scope.programId());
    }
    return copy;
  }

  /** Orders personalized cards ({@code orderDetails}). */
  public Order order(OrderCardRequest request) {
    return order(request, RequestOptions.none());
  }

  public Order order(OrderCardRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER);
    OrderCardRequest sent = scoped(request, OrderCardRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), OrderCardRequest::setCustomerId, OrderCardRequest::setCustomerProgramId);
    return calls.run(ORDER, options, () -> api.orderCard(sent));
  }

  /** Orders instant-issue (inventory) cards. */
  public Order orderInstantIssue(OrderInstantIssueRequest request) {
    return orderInstantIssue(request, RequestOptions.none());
  }

  public Order orderInstantIssue(OrderInstantIssueRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER_INSTANT);
    OrderInstantIssueRequest sent = scoped(request, OrderInstantIssueRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), OrderInstantIssueRequest::setCustomerId,
        OrderInstantIssueRequest::setCustomerProgramId);
    return calls.run(ORDER_INSTANT, options, () -> api.orderInstantIssueCard(sent));
  }

  /** Registers one card to a cardholder, by {@code proxyKey} or {@code panNumber}. */
  public Registration register(RegisterCardRequest request) {
    return register(request, RequestOptions.none());
  }

  public Registration register(RegisterCardRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER);
    RegisterCardRequest sent = scoped(request, RegisterCardRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), RegisterCardRequest::setCustomerId, RegisterCardRequest::setCustomerProgramId);
    return calls.run(REGISTER, options, () -> api.registerCard(sent));
  }

  /** Registers several cards, all or nothing; the order ids come back in the order of the cards. */
  public Registrations registerAll(RegisterCardsRequest request) {
    return registerAll(request, RequestOptions.none());
  }

  public Registrations registerAll(RegisterCardsRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER_ALL);
    RegisterCardsRequest sent = scoped(request, RegisterCardsRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), RegisterCardsRequest::setCustomerId,
        RegisterCardsRequest::setCustomerProgramId);
    return calls.run(REGISTER_ALL, options, () -> api.registerCards(sent));
  }

  /** One page of a business's cards matching {@code query}. */
  public CardPage search(String customerId, CardsApi.SearchCardsQueryParams query) {
    return search(customerId, query, RequestOptions.none());
  }

  public CardPage search(String customerId, CardsApi.SearchCardsQueryParams query, RequestOptions options) {
    Calls.require(customerId, "customerId", SEARCH);
    Calls.require(query, "query", SEARCH);
    CardsApi.SearchCardsQueryParams sent = Calls.encoded(query, new CardsApi.SearchCardsQueryParams());
    return calls.run(SEARCH, options, () -> api.searchCards(new CustomerRequest().customerId(customerId), sent));
  }

  /** One page of the cards {@code search} matches (its business, else the scope's). */
  public CardPage search(CardSearch search) {
    return search(search, RequestOptions.none());
  }

  public CardPage search(CardSearch search, RequestOptions options) {
    Calls.require(search, "search", SEARCH);
    String business = scope.customerId(search.customerId(), SEARCH);
    Map<String, Object> query = search.toQuery();
    return calls.run(SEARCH, options, () -> fetch(business, query));
  }

  /**
   * Every card {@code search} matches, page after page ({@code limit}, default 100, from {@code offset},
   * default 0), fetched lazily as the caller iterates; each page is one call with these options (its own
   * re-login and retries). The walk ends on an empty page (a 204 is one).
   */
  public AutoPager<Card> searchAll(CardSearch search) {
    return searchAll(search, RequestOptions.none());
  }

  public AutoPager<Card> searchAll(CardSearch search, RequestOptions options) {
    Calls.require(search, "search", SEARCH);
    Calls.require(options, "options", SEARCH);
    String business = scope.customerId(search.customerId(), SEARCH);
    return Paging.pager(runtime.spec(), runtime.mapper(), SEARCH, search.toQuery(), CardPage.class,
        q -> calls.run(SEARCH, options, () -> fetch(business, q)));
  }

  private CardPage fetch(String customerId, Map<String, Object> query) {
    return api.searchCards(new CustomerRequest().customerId(customerId), encode(new CardsApi.SearchCardsQueryParams(), query));
  }

  static <M extends Map<String, Object>> M encode(M params, Map<String, Object> values) {
    values.forEach((name, value) -> {
      if (value != null) {
        params.put(name, QueryValues.encode(value));
      }
    });
    return params;
  }

  public Card changeStatus(String proxyKey, CardStatus status, String reason) {
    return changeStatus(proxyKey, status, reason, RequestOptions.none());
  }

  public Card changeStatus(String proxyKey, CardStatus status, String reason, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", CHANGE_STATUS);
    Calls.require(status, "status", CHANGE_STATUS);
    return calls.run(CHANGE_STATUS, options, () -> api.changeCardStatus(
        new ChangeCardStatusRequest().proxyKey(proxyKey).status(status).reason(reason)));
  }

  /** Orders a replacement of a card. */
  public Order duplicate(String proxyKey) {
    return duplicate(proxyKey, RequestOptions.none());
  }

  public Order duplicate(String proxyKey, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", DUPLICATE);
    return calls.run(DUPLICATE, options, () -> api.duplicateCard(new CardRequest().proxyKey(proxyKey)));
  }

  /** Loads a card from the business's master funds account; sent once (see the class comment). */
  public LoadTransaction load(LoadRequest request) {
    return load(request, RequestOptions.none());
  }

  public LoadTransaction load(LoadRequest request, RequestOptions options) {
    Calls.require(request, "request", LOAD);
    return calls.run(LOAD, options, () -> api.loadCard(request));
  }

  /** Unloads a card back to the master funds account; sent once (see the class comment). */
  public LoadTransaction unload(LoadRequest request) {
    return unload(request, RequestOptions.none());
  }

  public LoadTransaction unload(LoadRequest request, RequestOptions options) {
    Calls.require(request, "request", UNLOAD);
    return calls.run(UNLOAD, options, () -> api.unloadCard(request));
  }

  /** A card's loads and unloads, newest first; {@code limit} and {@code offset} may be null. */
  public LoadHistory loadHistory(String proxyKey, Integer limit, Integer offset) {
    return loadHistory(proxyKey, limit, offset, RequestOptions.none());
  }

  public LoadHistory loadHistory(String proxyKey, Integer limit, Integer offset, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", HISTORY);
    Map<String, Object> query = new java.util.LinkedHashMap<>();
    CardSearch.put(query, "limit", limit);
    CardSearch.put(query, "offset", offset);
    return calls.run(HISTORY, options, () -> history(proxyKey, query));
  }

  /** Every load and unload of a card, newest first, page after page (100 a page), fetched lazily. */
  public AutoPager<LoadTransaction> loadHistoryAll(String proxyKey) {
    return loadHistoryAll(proxyKey, RequestOptions.none());
  }

  public AutoPager<LoadTransaction> loadHistoryAll(String proxyKey, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", HISTORY);
    Calls.require(options, "options", HISTORY);
    return Paging.pager(runtime.spec(), runtime.mapper(), HISTORY, Map.of(), LoadHistory.class,
        q -> calls.run(HISTORY, options, () -> history(proxyKey, q)));
  }

  private LoadHistory history(String proxyKey, Map<String, Object> query) {
    return api.getLoadHistory(new CardRequest().proxyKey(proxyKey),
        encode(new CardsApi.GetLoadHistoryQueryParams(), query));
  }
}
