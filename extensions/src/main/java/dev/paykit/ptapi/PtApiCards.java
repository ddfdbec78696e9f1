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
 * {@code customerProgramId} take the scope's (the request passed in is not changed; the scope's program
 * only goes with the scope's business, never with another business the request names), and searches without
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

  /**
   * A copy of {@code request} when the scope fills one of its ids, else the request itself. The scope's
   * program is one of the scope's business: it is never paired with another business the call names (that
   * call gives its own program, or is refused before sending for lacking one).
   */
  private <R> R scoped(R request, Class<R> type, String customerId, String programId,
      java.util.function.BiConsumer<R, String> setCustomer, java.util.function.BiConsumer<R, String> setProgram) {
    boolean fillCustomer = customerId == null && scope.customerId() != null;
    boolean otherBusiness = customerId != null && scope.customerId() != null && !customerId.equals(scope.customerId());
    boolean fillProgram = programId == null && scope.programId() != null && !otherBusiness;
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

  /**
   * Orders personalized cards ({@code orderDetails}).
   *
   * @param request the order; not null
   * @return the order as PT took it
   */
  public Order order(OrderCardRequest request) {
    return order(request, RequestOptions.none());
  }

  /**
   * Like {@link #order(OrderCardRequest)}, with options for this call.
   *
   * @param request the order; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the order as PT took it
   */
  public Order order(OrderCardRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER);
    OrderCardRequest sent = scoped(request, OrderCardRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), OrderCardRequest::setCustomerId, OrderCardRequest::setCustomerProgramId);
    return calls.run(ORDER, options, () -> api.orderCard(sent));
  }

  /**
   * Orders instant-issue (inventory) cards.
   *
   * @param request the order; not null
   * @return the order as PT took it
   */
  public Order orderInstantIssue(OrderInstantIssueRequest request) {
    return orderInstantIssue(request, RequestOptions.none());
  }

  /**
   * Like {@link #orderInstantIssue(OrderInstantIssueRequest)}, with options for this call.
   *
   * @param request the order; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the order as PT took it
   */
  public Order orderInstantIssue(OrderInstantIssueRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER_INSTANT);
    OrderInstantIssueRequest sent = scoped(request, OrderInstantIssueRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), OrderInstantIssueRequest::setCustomerId,
        OrderInstantIssueRequest::setCustomerProgramId);
    return calls.run(ORDER_INSTANT, options, () -> api.orderInstantIssueCard(sent));
  }

  /**
   * Registers one card to a cardholder, by {@code proxyKey} or {@code panNumber}.
   *
   * @param request the card and the cardholder; not null
   * @return the registration
   */
  public Registration register(RegisterCardRequest request) {
    return register(request, RequestOptions.none());
  }

  /**
   * Like {@link #register(RegisterCardRequest)}, with options for this call.
   *
   * @param request the card and the cardholder; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the registration
   */
  public Registration register(RegisterCardRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER);
    RegisterCardRequest sent = scoped(request, RegisterCardRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), RegisterCardRequest::setCustomerId, RegisterCardRequest::setCustomerProgramId);
    return calls.run(REGISTER, options, () -> api.registerCard(sent));
  }

  /**
   * Registers several cards, all or nothing; the order ids come back in the order of the cards.
   *
   * @param request the cards and their cardholders; not null
   * @return the registrations, in the order of the cards
   */
  public Registrations registerAll(RegisterCardsRequest request) {
    return registerAll(request, RequestOptions.none());
  }

  /**
   * Like {@link #registerAll(RegisterCardsRequest)}, with options for this call.
   *
   * @param request the cards and their cardholders; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the registrations, in the order of the cards
   */
  public Registrations registerAll(RegisterCardsRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER_ALL);
    RegisterCardsRequest sent = scoped(request, RegisterCardsRequest.class, request.getCustomerId(),
        request.getCustomerProgramId(), RegisterCardsRequest::setCustomerId,
        RegisterCardsRequest::setCustomerProgramId);
    return calls.run(REGISTER_ALL, options, () -> api.registerCards(sent));
  }

  /**
   * One page of a business's cards matching {@code query}.
   *
   * @param customerId the business's id
   * @param query the generated query parameters; not null
   * @return the page
   */
  public CardPage search(String customerId, CardsApi.SearchCardsQueryParams query) {
    return search(customerId, query, RequestOptions.none());
  }

  /**
   * Like {@link #search(String, CardsApi.SearchCardsQueryParams)}, with options for this call.
   *
   * @param customerId the business's id
   * @param query the generated query parameters; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the page
   */
  public CardPage search(String customerId, CardsApi.SearchCardsQueryParams query, RequestOptions options) {
    Calls.require(customerId, "customerId", SEARCH);
    Calls.require(query, "query", SEARCH);
    CardsApi.SearchCardsQueryParams sent = Calls.encoded(query, new CardsApi.SearchCardsQueryParams());
    return calls.run(SEARCH, options, () -> api.searchCards(new CustomerRequest().customerId(customerId), sent));
  }

  /**
   * One page of the cards {@code search} matches (its business, else the scope's).
   *
   * @param search the search; not null
   * @return the page
   */
  public CardPage search(CardSearch search) {
    return search(search, RequestOptions.none());
  }

  /**
   * Like {@link #search(CardSearch)}, with options for this call.
   *
   * @param search the search; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the page
   */
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
   *
   * @param search the search; not null
   * @return the cards, fetched lazily
   */
  public AutoPager<Card> searchAll(CardSearch search) {
    return searchAll(search, RequestOptions.none());
  }

  /**
   * Like {@link #searchAll(CardSearch)}; every page is fetched with these options.
   *
   * @param search the search; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the cards, fetched lazily
   */
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

  /**
   * Changes a card's status (e.g. {@code suspended}, {@code lost}, {@code closed}).
   *
   * @param proxyKey the card's proxy key
   * @param status the new status; not null
   * @param reason why, as PT records it, or null
   * @return the card as changed
   */
  public Card changeStatus(String proxyKey, CardStatus status, String reason) {
    return changeStatus(proxyKey, status, reason, RequestOptions.none());
  }

  /**
   * Like {@link #changeStatus(String, CardStatus, String)}, with options for this call.
   *
   * @param proxyKey the card's proxy key
   * @param status the new status; not null
   * @param reason why, as PT records it, or null
   * @param options the options of this call (deadline, headers...); not null
   * @return the card as changed
   */
  public Card changeStatus(String proxyKey, CardStatus status, String reason, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", CHANGE_STATUS);
    Calls.require(status, "status", CHANGE_STATUS);
    return calls.run(CHANGE_STATUS, options, () -> api.changeCardStatus(
        new ChangeCardStatusRequest().proxyKey(proxyKey).status(status).reason(reason)));
  }

  /**
   * Orders a replacement of a card.
   *
   * @param proxyKey the card's proxy key
   * @return the replacement's order
   */
  public Order duplicate(String proxyKey) {
    return duplicate(proxyKey, RequestOptions.none());
  }

  /**
   * Like {@link #duplicate(String)}, with options for this call.
   *
   * @param proxyKey the card's proxy key
   * @param options the options of this call (deadline, headers...); not null
   * @return the replacement's order
   */
  public Order duplicate(String proxyKey, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", DUPLICATE);
    return calls.run(DUPLICATE, options, () -> api.duplicateCard(new CardRequest().proxyKey(proxyKey)));
  }

  /**
   * Loads a card from the business's master funds account; sent once (see the class comment).
   *
   * @param request the card and the amount; not null
   * @return the load transaction
   */
  public LoadTransaction load(LoadRequest request) {
    return load(request, RequestOptions.none());
  }

  /**
   * Like {@link #load(LoadRequest)}, with options for this call.
   *
   * @param request the card and the amount; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the load transaction
   */
  public LoadTransaction load(LoadRequest request, RequestOptions options) {
    Calls.require(request, "request", LOAD);
    return calls.run(LOAD, options, () -> api.loadCard(request));
  }

  /**
   * Unloads a card back to the master funds account; sent once (see the class comment).
   *
   * @param request the card and the amount; not null
   * @return the unload transaction
   */
  public LoadTransaction unload(LoadRequest request) {
    return unload(request, RequestOptions.none());
  }

  /**
   * Like {@link #unload(LoadRequest)}, with options for this call.
   *
   * @param request the card and the amount; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the unload transaction
   */
  public LoadTransaction unload(LoadRequest request, RequestOptions options) {
    Calls.require(request, "request", UNLOAD);
    return calls.run(UNLOAD, options, () -> api.unloadCard(request));
  }

  /**
   * A card's loads and unloads, newest first; {@code limit} and {@code offset} may be null.
   *
   * @param proxyKey the card's proxy key
   * @param limit the page size, or null for PT's default
   * @param offset the items to skip, or null for none
   * @return the page of loads and unloads
   */
  public LoadHistory loadHistory(String proxyKey, Integer limit, Integer offset) {
    return loadHistory(proxyKey, limit, offset, RequestOptions.none());
  }

  /**
   * Like {@link #loadHistory(String, Integer, Integer)}, with options for this call.
   *
   * @param proxyKey the card's proxy key
   * @param limit the page size, or null for PT's default
   * @param offset the items to skip, or null for none
   * @param options the options of this call (deadline, headers...); not null
   * @return the page of loads and unloads
   */
  public LoadHistory loadHistory(String proxyKey, Integer limit, Integer offset, RequestOptions options) {
    Calls.require(proxyKey, "proxyKey", HISTORY);
    Map<String, Object> query = new java.util.LinkedHashMap<>();
    CardSearch.put(query, "limit", limit);
    CardSearch.put(query, "offset", offset);
    return calls.run(HISTORY, options, () -> history(proxyKey, query));
  }

  /**
   * Every load and unload of a card, newest first, page after page (100 a page), fetched lazily.
   *
   * @param proxyKey the card's proxy key
   * @return the loads and unloads, fetched lazily
   */
  public AutoPager<LoadTransaction> loadHistoryAll(String proxyKey) {
    return loadHistoryAll(proxyKey, RequestOptions.none());
  }

  /**
   * Like {@link #loadHistoryAll(String)}; every page is fetched with these options.
   *
   * @param proxyKey the card's proxy key
   * @param options the options of this call (deadline, headers...); not null
   * @return the loads and unloads, fetched lazily
   */
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
