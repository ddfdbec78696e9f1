package dev.paykit.prune;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prune.api.AccountRequestsApi;
import dev.paykit.prune.model.AcceptableDocument;
import dev.paykit.prune.model.AccountRequest;
import dev.paykit.prune.model.AccountRequestReceipt;
import dev.paykit.prune.model.AccountRequestState;
import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.DocumentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asking Prune to issue accounts: an individual's or a company's request with its documents, its
 * state, updates while it is PENDING, and the acceptable document types. Thread-safe.
 *
 * <p>Every document rule is checked before anything is sent, all at once: the parts each request needs,
 * the ID and proof-of-address types, each file's type ({@code .jpeg/.jpg/.png/.pdf}, the content type
 * agreeing with the name and the first bytes), its size (500 KB), the back side of every ID that is not
 * a passport, and every director's and shareholder's four parts. A request is not safe to repeat (a
 * second call files a second request): it is sent once; a lost answer is a
 * {@link PruneOutcomeUnknownException}, naming the request's id when the broken answer did.
 */
public final class PruneAccountRequests {

  static final String INDIVIDUAL = "requestIndividualAccount";
  static final String CORPORATE = "requestCorporateAccount";
  static final String UPDATE = "updateAccountRequest";

  private final AccountRequestsApi api;
  private final AccountRequestForms forms;

  PruneAccountRequests(ClientRuntime runtime) {
    this.api = runtime.api(AccountRequestsApi.class);
    this.forms = runtime.api(AccountRequestForms.class);
  }

  /**
   * Files an individual's account request; the receipt's {@code requestStatus} is PENDING or INPROGRESS.
   *
   * @param request the person and their documents; not null
   * @return the receipt, naming the new request
   */
  public AccountRequestReceipt requestIndividual(IndividualAccountRequest request) {
    return requestIndividual(request, RequestOptions.none());
  }

  /**
   * Like {@link #requestIndividual(IndividualAccountRequest)}, with options for this call.
   *
   * @param request the person and their documents; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the receipt, naming the new request
   */
  public AccountRequestReceipt requestIndividual(IndividualAccountRequest request, RequestOptions options) {
    Calls.require(request, "request", INDIVIDUAL);
    Map<String, Object> parts = Parts.body(request.parts());
    return MoneyCalls.unknownAs(PruneOutcomeUnknownException.Kind.ACCOUNT_REQUEST,
        () -> Calls.run(INDIVIDUAL, options, () -> forms.requestIndividualAccount(parts)).getData());
  }

  /**
   * Files a company's account request with its directors' and shareholders' documents.
   *
   * @param request the company and its documents; not null
   * @return the receipt, naming the new request
   */
  public AccountRequestReceipt requestCorporate(CorporateAccountRequest request) {
    return requestCorporate(request, RequestOptions.none());
  }

  /**
   * Like {@link #requestCorporate(CorporateAccountRequest)}, with options for this call.
   *
   * @param request the company and its documents; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the receipt, naming the new request
   */
  public AccountRequestReceipt requestCorporate(CorporateAccountRequest request, RequestOptions options) {
    Calls.require(request, "request", CORPORATE);
    List<Violation> missing = new ArrayList<>();
    nulls("director", request.directors(), missing);
    nulls("shareholder", request.shareholders(), missing);
    if (!missing.isEmpty()) {
      throw new ValidationException(PruneResponses.PROVIDER, CORPORATE, missing);
    }
    Map<String, Object> parts = Parts.body(request.parts());
    return MoneyCalls.unknownAs(PruneOutcomeUnknownException.Kind.ACCOUNT_REQUEST,
        () -> Calls.run(CORPORATE, options, () -> forms.requestCorporateAccount(parts)).getData());
  }

  private static void nulls(String role, List<CompanyPerson> people, List<Violation> out) {
    for (int i = 0; i < people.size(); i++) {
      if (people.get(i) == null) {
        out.add(new Violation(role + "_" + (i + 1), "required", "is null: every " + role + " added needs"
            + " their documents"));
      }
    }
  }

  /**
   * One request with its documents (as URLs) and its state.
   *
   * @param requestId the request's id, from its receipt
   * @return the request
   */
  public AccountRequest get(String requestId) {
    return get(requestId, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param requestId the request's id, from its receipt
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the request
   */
  public AccountRequest get(String requestId, RequestOptions options) {
    Calls.require(requestId, "requestId", "getAccountRequest");
    return Calls.run("getAccountRequest", options, () -> api.getAccountRequest(requestId).getData());
  }

  /**
   * A request's state and, once APPROVED, the account issued for it ({@code issuedAccount}).
   *
   * @param requestId the request's id, from its receipt
   * @return the request's state
   */
  public AccountRequestState status(String requestId) {
    return status(requestId, RequestOptions.none());
  }

  /**
   * Like {@link #status(String)}, with options for this call.
   *
   * @param requestId the request's id, from its receipt
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the request's state
   */
  public AccountRequestState status(String requestId, RequestOptions options) {
    Calls.require(requestId, "requestId", "getAccountRequestStatus");
    return Calls.run("getAccountRequestStatus", options, () -> api.getAccountRequestStatus(requestId).getData());
  }

  /**
   * Replaces parts of a PENDING request (only the parts the update sets are sent). Safe to repeat: a
   * retry sends the same parts again.
   *
   * @param requestId the request's id, from its receipt
   * @param update the parts to replace; not null
   * @return the request as updated
   */
  public AccountRequest update(String requestId, AccountRequestUpdate update) {
    return update(requestId, update, RequestOptions.none());
  }

  /**
   * Like {@link #update(String, AccountRequestUpdate)}, with options for this call.
   *
   * @param requestId the request's id, from its receipt
   * @param update the parts to replace; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the request as updated
   */
  public AccountRequest update(String requestId, AccountRequestUpdate update, RequestOptions options) {
    Calls.require(requestId, "requestId", UPDATE);
    Calls.require(update, "update", UPDATE);
    Map<String, Object> parts = Parts.body(update.parts());
    return MoneyCalls.unknownAs(PruneOutcomeUnknownException.Kind.ACCOUNT_REQUEST_UPDATE,
        () -> Calls.run(UPDATE, options, () -> forms.updateAccountRequest(requestId, parts)).getData());
  }

  /**
   * The ID and proof-of-address documents Prune accepts; both filters optional (null: all).
   *
   * @param country only documents accepted for this country, or null for all
   * @param kind only ID or only proof-of-address documents, or null for both
   * @return the documents; empty when none
   */
  public List<AcceptableDocument> acceptableDocuments(CountryShort country, DocumentKind kind) {
    return acceptableDocuments(country, kind, RequestOptions.none());
  }

  /**
   * Like {@link #acceptableDocuments(CountryShort, DocumentKind)}, with options for this call.
   *
   * @param country only documents accepted for this country, or null for all
   * @param kind only ID or only proof-of-address documents, or null for both
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the documents; empty when none
   */
  public List<AcceptableDocument> acceptableDocuments(CountryShort country, DocumentKind kind,
      RequestOptions options) {
    return Calls.run("listAcceptableDocuments", options, () -> api.listAcceptableDocuments(
        Calls.query(new AccountRequestsApi.ListAcceptableDocumentsQueryParams(),
            queryOf("countryShort", country, "type", kind))).getData());
  }

  private static Map<String, Object> queryOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put(k1, v1);
    q.put(k2, v2);
    return q;
  }
}
