package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
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

/**
 * Ordering, registering, searching and managing cards; loads and unloads from the master funds account.
 *
 * <p>Loads and unloads move money and PT documents no idempotency key: each is sent once. An answer that
 * is lost after the request may have reached PT is a {@link dev.paykit.core.OutcomeUnknownException} naming
 * the load's {@code referenceId} (look for it in {@link #loadHistory}), never a repeat. A load refused
 * with an expired session (401001: PT answered, nothing was booked) is repeated once after a new login,
 * as every call is. Thread-safe.
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
  private final CardsApi api;

  PtApiCards(Calls calls, CardsApi api) {
    this.calls = calls;
    this.api = api;
  }

  /** Orders personalized cards ({@code orderDetails}). */
  public Order order(OrderCardRequest request) {
    return order(request, RequestOptions.none());
  }

  public Order order(OrderCardRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER);
    return calls.run(ORDER, options, () -> api.orderCard(request));
  }

  /** Orders instant-issue (inventory) cards. */
  public Order orderInstantIssue(OrderInstantIssueRequest request) {
    return orderInstantIssue(request, RequestOptions.none());
  }

  public Order orderInstantIssue(OrderInstantIssueRequest request, RequestOptions options) {
    Calls.require(request, "request", ORDER_INSTANT);
    return calls.run(ORDER_INSTANT, options, () -> api.orderInstantIssueCard(request));
  }

  /** Registers one card to a cardholder, by {@code proxyKey} or {@code panNumber}. */
  public Registration register(RegisterCardRequest request) {
    return register(request, RequestOptions.none());
  }

  public Registration register(RegisterCardRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER);
    return calls.run(REGISTER, options, () -> api.registerCard(request));
  }

  /** Registers several cards, all or nothing; the order ids come back in the order of the cards. */
  public Registrations registerAll(RegisterCardsRequest request) {
    return registerAll(request, RequestOptions.none());
  }

  public Registrations registerAll(RegisterCardsRequest request, RequestOptions options) {
    Calls.require(request, "request", REGISTER_ALL);
    return calls.run(REGISTER_ALL, options, () -> api.registerCards(request));
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
    CardsApi.GetLoadHistoryQueryParams query = new CardsApi.GetLoadHistoryQueryParams();
    if (limit != null) {
      query.limit(limit);
    }
    if (offset != null) {
      query.offset(offset);
    }
    return calls.run(HISTORY, options, () -> api.getLoadHistory(new CardRequest().proxyKey(proxyKey), query));
  }
}
