package dev.paykit.promptcash;

import dev.paykit.core.AutoPager;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.promptcash.api.UrlShortenerApi;
import dev.paykit.promptcash.invoker.EncodingUtils;
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
   */
  public String create(ShortUrlRequest request) {
    Arguments.require(request, "request", PromptCashResponses.PROVIDER, "createShortUrl");
    return api.createShortUrl(request.url() == null ? null : request.url().toString(), request.title(), request.description(),
        request.amount(), request.currency(), request.mode()).getToken();
  }

  /** Replaces the title, description, price and mode of the entry with this token. */
  public void update(String token, ShortUrlRequest request) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "updateShortUrl");
    Arguments.require(request, "request", PromptCashResponses.PROVIDER, "updateShortUrl");
    api.updateShortUrl(token, request.title(), request.description(), request.amount(),
        request.currency(), request.mode());
  }

  /** The entry with this token. */
  public ShortUrl get(String token) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "getShortUrl");
    return api.getShortUrl(token).getUrl();
  }

  /** Deletes the entry with this token. */
  public void delete(String token) {
    Arguments.require(token, "token", PromptCashResponses.PROVIDER, "deleteShortUrl");
    api.deleteShortUrl(token);
  }

  /** One page of entries. */
  public List<ShortUrl> list(Integer limit, Integer offset) {
    Map<String, Object> q = new HashMap<>();
    if (limit != null) {
      q.put("limit", limit);
    }
    if (offset != null) {
      q.put("offset", offset);
    }
    List<ShortUrl> data = fetch(q).getData();
    return data == null ? List.of() : data;
  }

  /** Every entry, fetched page by page as you iterate. */
  public AutoPager<ShortUrl> listAutoPaging() {
    return Paging.pager(runtime.spec(), runtime.mapper(), "listShortUrls", Map.of(),
        ShortUrlList.class, this::fetch);
  }

  private ShortUrlList fetch(Map<String, Object> query) {
    UrlShortenerApi.ListShortUrlsQueryParams params = new UrlShortenerApi.ListShortUrlsQueryParams();
    query.forEach((k, v) -> params.put(k, EncodingUtils.encode(v)));
    return api.listShortUrls(params);
  }
}
