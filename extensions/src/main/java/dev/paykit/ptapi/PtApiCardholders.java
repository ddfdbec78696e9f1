package dev.paykit.ptapi;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.ptapi.model.CardholderPage;
import dev.paykit.ptapi.model.CardholderRequest;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.UpdateCardholderRequest;
import java.util.Map;

/**
 * Searching, reading and editing cardholders. A search without a business searches the scope's
 * ({@link PtApiClient#forBusiness}); {@link #searchAll} walks every page through the core's pager. The
 * searches and {@link #get} are conditional reads (ETag / 304). Thread-safe.
 */
public final class PtApiCardholders {

  static final String SEARCH = "searchCardholders";
  static final String GET = "getCardholder";
  static final String UPDATE = "updateCardholder";

  private final Calls calls;
  private final ClientRuntime runtime;
  private final CardholdersApi api;
  private final Scope scope;

  PtApiCardholders(Calls calls, ClientRuntime runtime, CardholdersApi api, Scope scope) {
    this.calls = calls;
    this.runtime = runtime;
    this.api = api;
    this.scope = scope;
  }

  /**
   * One page of the cardholders {@code search} matches (its business, else the scope's).
   *
   * @param search the search; not null
   * @return the page
   */
  public CardholderPage search(CardholderSearch search) {
    return search(search, RequestOptions.none());
  }

  /**
   * Like {@link #search(CardholderSearch)}, with options for this call.
   *
   * @param search the search; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the page
   */
  public CardholderPage search(CardholderSearch search, RequestOptions options) {
    Calls.require(search, "search", SEARCH);
    String business = scope.customerId(search.customerId(), SEARCH);
    Map<String, Object> query = search.toQuery();
    return calls.run(SEARCH, options, () -> fetch(business, query));
  }

  /**
   * Every cardholder {@code search} matches, page after page ({@code limit}, default 100, from
   * {@code offset}, default 0), fetched lazily as the caller iterates; the walk ends on an empty page.
   *
   * @param search the search; not null
   * @return the cardholders, fetched lazily
   */
  public AutoPager<Cardholder> searchAll(CardholderSearch search) {
    return searchAll(search, RequestOptions.none());
  }

  /**
   * Like {@link #searchAll(CardholderSearch)}; every page is fetched with these options.
   *
   * @param search the search; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the cardholders, fetched lazily
   */
  public AutoPager<Cardholder> searchAll(CardholderSearch search, RequestOptions options) {
    Calls.require(search, "search", SEARCH);
    Calls.require(options, "options", SEARCH);
    String business = scope.customerId(search.customerId(), SEARCH);
    return Paging.pager(runtime.spec(), runtime.mapper(), SEARCH, search.toQuery(), CardholderPage.class,
        q -> calls.run(SEARCH, options, () -> fetch(business, q)));
  }

  private CardholderPage fetch(String customerId, Map<String, Object> query) {
    return api.searchCardholders(new CustomerRequest().customerId(customerId),
        PtApiCards.encode(new CardholdersApi.SearchCardholdersQueryParams(), query));
  }

  /**
   * One page of a business's cardholders matching {@code query} ({@code q}, {@code limit}, {@code offset},
   * {@code sort_by}, filters).
   *
   * @param customerId the business's id
   * @param query the generated query parameters; not null
   * @return the page
   */
  public CardholderPage search(String customerId, CardholdersApi.SearchCardholdersQueryParams query) {
    return search(customerId, query, RequestOptions.none());
  }

  /**
   * Like {@link #search(String, CardholdersApi.SearchCardholdersQueryParams)}, with options for this call.
   *
   * @param customerId the business's id
   * @param query the generated query parameters; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the page
   */
  public CardholderPage search(String customerId, CardholdersApi.SearchCardholdersQueryParams query,
      RequestOptions options) {
    Calls.require(customerId, "customerId", SEARCH);
    Calls.require(query, "query", SEARCH);
    CardholdersApi.SearchCardholdersQueryParams sent =
        Calls.encoded(query, new CardholdersApi.SearchCardholdersQueryParams());
    return calls.run(SEARCH, options, () -> api.searchCardholders(new CustomerRequest().customerId(customerId), sent));
  }

  /**
   * The cardholder with this id.
   *
   * @param cardholderId the cardholder's id
   * @return the cardholder
   */
  public Cardholder get(String cardholderId) {
    return get(cardholderId, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param cardholderId the cardholder's id
   * @param options the options of this call (deadline, headers...); not null
   * @return the cardholder
   */
  public Cardholder get(String cardholderId, RequestOptions options) {
    Calls.require(cardholderId, "cardholderId", GET);
    return calls.run(GET, options, () -> api.getCardholder(new CardholderRequest().cardholderId(cardholderId)));
  }

  /**
   * Edits a cardholder's profile (the fields given).
   *
   * @param request the cardholder and the fields to change; not null
   * @return the cardholder as edited
   */
  public Cardholder update(UpdateCardholderRequest request) {
    return update(request, RequestOptions.none());
  }

  /**
   * Like {@link #update(UpdateCardholderRequest)}, with options for this call.
   *
   * @param request the cardholder and the fields to change; not null
   * @param options the options of this call (deadline, headers...); not null
   * @return the cardholder as edited
   */
  public Cardholder update(UpdateCardholderRequest request, RequestOptions options) {
    Calls.require(request, "request", UPDATE);
    return calls.run(UPDATE, options, () -> api.updateCardholder(request));
  }
}
