package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Numbers;
import dev.paykit.sandbox.Paging;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Prunny paging (docs "Paging"): query {@code page} (from 1, default 1), {@code limit} (1 to
 * {@value PrunnySimulator#MAX_PAGE_SIZE}, default {@value PrunnySimulator#DEFAULT_PAGE_SIZE}) and
 * {@code signature}; answer {@code responseData}, {@code _meta} and {@code _links} with absolute
 * {@code self}, {@code prev} (not on the first page) and {@code next} (not on the last).
 *
 * <p>The signature "guarantees consistency of the data being returned"; its content is undocumented,
 * so the sandbox defines it as {@link #signature}: lowercase hex SHA-256 of the operation id, the
 * filter values and the limit, joined by {@code |}. Every link carries it; a request for page 2 or
 * later without the right one (or any request with a wrong one) is a 400, which proves that a client
 * follows the links instead of counting pages itself.
 *
 * @param operation the spec's operationId, e.g. {@code getStatement}
 * @param filters the values that select the records (path values, filter headers and queries)
 * @param linkQuery the filter query parameters to repeat in the links, e.g. {@code from} and {@code to}
 */
record Page(
    int page, int limit, String operation, List<String> filters, Map<String, String> linkQuery) {
  Page {
    filters = List.copyOf(filters);
    linkQuery = Collections.unmodifiableMap(new LinkedHashMap<>(linkQuery));
  }

  /** Reads page, limit and signature; 400 for a bad value or a signature that does not match. */
  static Page of(
      Call call, String operation, List<String> filters, Map<String, String> linkQuery) {
    FormParameters query = call.query();
    int page = (int) integer(query, "page", 1, Integer.MAX_VALUE, 1);
    int limit = (int) integer(
        query, "limit", 1, PrunnySimulator.MAX_PAGE_SIZE, PrunnySimulator.DEFAULT_PAGE_SIZE);
    Page result = new Page(page, limit, operation, filters, linkQuery);
    String sent = query.get("signature");
    if (page > 1 && sent.isEmpty()) {
      throw Envelope.invalid("page " + page + " needs the signature of the previous page's links");
    }
    if (!sent.isEmpty() && !Digests.constantTimeEquals(result.signature(), sent)) {
      throw Envelope.invalid("signature does not match this query (page links carry the right one;"
          + " the filters or the limit changed since)");
    }
    return result;
  }

  private static long integer(FormParameters query, String name, long min, long max, long fallback) {
    try {
      return Numbers.integer(query, name, fallback, min, max);
    } catch (ApiError e) {
      throw Envelope.invalid("invalid " + name + ": must be a whole number from " + min + " to " + max);
    }
  }

  /** Hex SHA-256 of {@code operation|filter1|...|limit}. */
  String signature() {
    StringJoiner joined = new StringJoiner("|");
    joined.add(operation);
    filters.forEach(joined::add);
    joined.add(Integer.toString(limit));
    return Digests.sha256Hex(joined.toString());
  }

  /** The paged envelope over all matching records, in order. */
  <T> ObjectNode render(Call call, List<T> all, Function<T, JsonNode> toJson) {
    int pages = Paging.pageCount(all.size(), limit);
    ArrayNode items = Json.object().arrayNode();
    Paging.slice(all, (long) (page - 1) * limit, limit).forEach(item -> items.add(toJson.apply(item)));

    ObjectNode meta = Json.object()
        .put("totalNumberOfRecords", all.size())
        .put("totalNumberOfPages", pages)
        .put("pageNumber", page)
        .put("pageSize", limit);
    ArrayNode links = Json.object().arrayNode();
    links.add(link(call, "self", page));
    if (page > 1) {
      links.add(link(call, "prev", Math.min(page - 1, Math.max(pages, 1))));
    }
    if (page < pages) {
      links.add(link(call, "next", page + 1));
    }
    ObjectNode body = Json.object().put("status", Codes.APPROVED)
        .put("message", Codes.describe(Codes.APPROVED));
    body.set("responseData", items);
    body.set("_meta", meta);
    body.set("_links", links);
    body.set("expansionFields", Envelope.envelopeFields());
    return body;
  }

  private ObjectNode link(Call call, String rel, int target) {
    List<String> pairs = new ArrayList<>();
    linkQuery.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
    pairs.add("page=" + target);
    pairs.add("limit=" + limit);
    pairs.add("signature=" + signature());
    return Json.object().put("rel", rel)
        .put("href", call.baseUrl() + call.path() + "?" + String.join("&", pairs));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
