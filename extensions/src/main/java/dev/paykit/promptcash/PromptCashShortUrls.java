package dev.paykit.promptcash;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.promptcash.api.UrlShortenerApi;
import dev.paykit.promptcash.model.ShortUrl;
import dev.paykit.promptcash.model.ShortUrlList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompt.Cash's URL shortener (with optional paywall). A {@code status: FAILED} answer is thrown as an
 * {@link dev.paykit.core.ApiException}. Thread-safe.
 */
public final class PromptCashShortUrls {

  private final ClientRuntime runtime;
  private final UrlShortenerApi api;

  PromptCashShortUrls(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(UrlShortenerApi.class);
  }

  /**
   * Creates an entry and returns its token. Not safe to repeat (each call makes a new entry), so it is
   * retried only when the connection failed before the request was sent.
   *
   * @param request the entry; not null
   * @return the new entry's token
   */
  public String create(ShortUrlRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(ShortUrlRequest)}, with options for this call.
   *
   * @param request the entry; not null
   * @param options the options of this call (deadline, headers); not null
   * @return the new entry's token
   */
  public String create(ShortUrlRequest request, RequestOptions options) {
    Arguments.require(request, "request", PromptCashResponses.PROVIDER, "createShortUrl");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "createShortUrl");
    return CallReport.run(options, () -> api.createShortUrl(request.url() == null ? null : request.url().toString(),
        request.title(), request.description(), request.amount(), request.currency(), request.mode())).getToken();
  }

  /**
   * Replaces the title, description, price and mode of the entry with this token.
   *
   * @param token the entry's token
   * @param request the new title, description, price and mode (its URL is ignored); not null
   */
  public void update(String token, ShortUrlRequest request) {
    update(token, request, RequestOptions.none());
  }

  /**
   * Like {@link #update(String, ShortUrlRequest)}, with options for this call.
   *
   * @param token the entry's token
   * @param request the new title, description, price and mode (its URL is ignored); not null
   * @param options the options of this call (deadline, headers); not null
   */
  public void update(String token, ShortUrlRequest request, RequestOptions options) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "updateShortUrl");
    Arguments.require(request, "request", PromptCashResponses.PROVIDER, "updateShortUrl");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "updateShortUrl");
    CallReport.run(options, () -> api.updateShortUrl(token, request.title(), request.description(),
        request.amount(), request.currency(), request.mode()));
  }

  /**
   * The entry with this token.
   *
   * @param token the entry's token
   * @return the entry
   */
  public ShortUrl get(String token) {
    return get(token, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param token the entry's token
   * @param options the options of this call (deadline, headers); not null
   * @return the entry
   */
  public ShortUrl get(String token, RequestOptions options) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "getShortUrl");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "getShortUrl");
    return CallReport.run(options, () -> api.getShortUrl(token)).getUrl();
  }

  /**
   * Deletes the entry with this token.
   *
   * @param token the entry's token
   */
  public void delete(String token) {
    delete(token, RequestOptions.none());
  }

  /**
   * Like {@link #delete(String)}, with options for this call.
   *
   * @param token the entry's token
   * @param options the options of this call (deadline, headers); not null
   */
  public void delete(String token, RequestOptions options) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "deleteShortUrl");
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "deleteShortUrl");
    CallReport.run(options, () -> api.deleteShortUrl(token));
  }

  /**
   * One page of entries.
   *
   * @param limit page size, or null for the provider's default
   * @param offset entries to skip, or null for none
   * @return the page's entries; empty when none
   */
  public List<ShortUrl> list(Integer limit, Integer offset) {
    return list(limit, offset, RequestOptions.none());
  }

  /**
   * Like {@link #list(Integer, Integer)}, with options for this call.
   *
   * @param limit page size, or null for the provider's default
   * @param offset entries to skip, or null for none
   * @param options the options of this call (deadline, headers); not null
   * @return the page's entries; empty when none
   */
  public List<ShortUrl> list(Integer limit, Integer offset, RequestOptions options) {
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "listShortUrls");
    Map<String, Object> q = new HashMap<>();
    if (limit != null) {
      q.put("limit", limit);
    }
    if (offset != null) {
      q.put("offset", offset);
    }
    List<ShortUrl> data = CallReport.run(options, () -> fetch(q)).getData();
    return data == null ? List.of() : data;
  }

  /** {@return every entry, fetched page by page as you iterate} */
  public AutoPager<ShortUrl> listAutoPaging() {
    return listAutoPaging(RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging()}; every page is fetched with these options.
   *
   * @param options the options of this call (deadline, headers); not null
   * @return the entries, fetched lazily
   */
  public AutoPager<ShortUrl> listAutoPaging(RequestOptions options) {
    Arguments.require(options, "options", PromptCashResponses.PROVIDER, "listShortUrls");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listShortUrls", Map.of(),
        ShortUrlList.class, q -> CallReport.run(options, () -> fetch(q)));
  }

  private ShortUrlList fetch(Map<String, Object> query) {
    UrlShortenerApi.ListShortUrlsQueryParams params = new UrlShortenerApi.ListShortUrlsQueryParams();
    query.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.listShortUrls(params);
  }
}
