package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.ptapi.model.CardholderPage;
import dev.paykit.ptapi.model.CardholderRequest;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.UpdateCardholderRequest;

/** Searching, reading and editing cardholders. Thread-safe. */
public final class PtApiCardholders {

  static final String SEARCH = "searchCardholders";
  static final String GET = "getCardholder";
  static final String UPDATE = "updateCardholder";

  private final Calls calls;
  private final CardholdersApi api;

  PtApiCardholders(Calls calls, CardholdersApi api) {
    this.calls = calls;
    this.api = api;
  }

  /**
   * One page of a business's cardholders matching {@code query} ({@code q}, {@code limit}, {@code offset},
   * {@code sort_by}, filters).
   */
  public CardholderPage search(String customerId, CardholdersApi.SearchCardholdersQueryParams query) {
    return search(customerId, query, RequestOptions.none());
  }

  public CardholderPage search(String customerId, CardholdersApi.SearchCardholdersQueryParams query,
      RequestOptions options) {
    Calls.require(customerId, "customerId", SEARCH);
    Calls.require(query, "query", SEARCH);
    CardholdersApi.SearchCardholdersQueryParams sent =
        Calls.encoded(query, new CardholdersApi.SearchCardholdersQueryParams());
    return calls.run(SEARCH, options, () -> api.searchCardholders(new CustomerRequest().customerId(customerId), sent));
  }

  public Cardholder get(String cardholderId) {
    return get(cardholderId, RequestOptions.none());
  }

  public Cardholder get(String cardholderId, RequestOptions options) {
    Calls.require(cardholderId, "cardholderId", GET);
    return calls.run(GET, options, () -> api.getCardholder(new CardholderRequest().cardholderId(cardholderId)));
  }

  /** Edits a cardholder's profile (the fields given). */
  public Cardholder update(UpdateCardholderRequest request) {
    return update(request, RequestOptions.none());
  }

  public Cardholder update(UpdateCardholderRequest request, RequestOptions options) {
    Calls.require(request, "request", UPDATE);
    return calls.run(UPDATE, options, () -> api.updateCardholder(request));
  }
}
