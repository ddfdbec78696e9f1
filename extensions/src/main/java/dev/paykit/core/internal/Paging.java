package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.paykit.core.AutoPager;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.PaginationSpec;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an {@link AutoPager} for any list operation from its {@code x-paykit-pagination} extension:
 * the page style, its parameter names, and the response properties holding the items. Stateless.
 *
 * <p>Every style sends the caller's query (its filters) unchanged on every page and changes only its own
 * paging parameter. When the caller gives no limit, the limit parameter's documented {@code default}
 * (else its {@code maximum}) is sent. Every style ends on an empty page, and none can loop forever on a
 * provider that answers the same thing again. A paging field of an answer that the client cannot use
 * (a cursor that is not a string, a total that is not a count, a link that is not a URI) is an
 * {@link UnexpectedResponseException} from the iterator, never a raw runtime exception; that page's
 * items are not handed out (the answer as a whole is unusable), those of the pages before it were.
 *
 * <p>Keys common to all styles: {@code items} (the response property holding the items),
 * {@code itemsAlternatives} (other properties that may hold them), {@code limitParam} (default
 * {@code limit}). The styles:
 * <ul>
 *   <li>{@code offset} ({@code offsetParam}, default {@code offset}): limit/offset; the first page is
 *       asked for at offset 0, the next page starts after the items seen; only an empty page ends. A
 *       page repeating the items of a page already read (the provider ignores the offset) is an
 *       unusable answer rather than endless duplicates.
 *   <li>{@code links} ({@code nextRel}, default {@code next}; {@code signatureParam}, default
 *       {@code signature}; {@code pageParam}): the response's {@code _links} entry whose {@code rel} is
 *       {@code nextRel} gives the next page; its query parameters (page, limit, signature...) are sent to
 *       the same operation, never to the link's host, so credentials cannot follow a link elsewhere. No
 *       next link, or a link back to a page already read: done.
 *   <li>{@code cursor} ({@code cursorParam}, default {@code last_key}; {@code nextCursor}, default
 *       {@code last_key}; {@code hasMore}, optional), e.g. Paypercut's {@code {items, last_key}}: the
 *       response property {@code nextCursor} (a dotted path) is an opaque key, sent as
 *       {@code cursorParam} to ask for the next page. The first page is asked for without a cursor
 *       (unless the caller gives one). A {@code null}, absent or empty cursor ends the walk; so does a
 *       cursor already sent in this walk (the provider would answer a page already read). Where the spec
 *       names a {@code hasMore} property (a boolean, Stripe's {@code has_more}), {@code false} ends the
 *       walk, and {@code true} without a cursor is an unusable answer. A cursor that is not a string,
 *       or a {@code hasMore} that is not a boolean, is an unusable answer.
 *   <li>{@code page} ({@code pageParam}, default {@code page}; {@code firstPage}, default 1;
 *       {@code total}, default {@code meta.total}), e.g. Prune's {@code page} and {@code meta.total}: the
 *       first page is asked for by its number ({@code firstPage}, or the caller's page), then the next
 *       number, until the items seen reach the total (the total of the whole list, all pages) or a page
 *       is empty. The total is read again on every page and the latest one counts: a list that grew
 *       while it was read is read to its new end, one that shrank ends once the items seen reach the
 *       new total (or at an empty page). A page without a total keeps the last one known; with none
 *       known, only an empty page ends. When the caller starts after the first page, the pages before
 *       it are counted as full pages of the size of the first one read. A page whose items are exactly
 *       those of a page already read in this walk (a provider that ignores the page number) is an
 *       unusable answer rather than a silent end or endless duplicates: items are known to be missing.
 *       A total that is not a whole number from 0 up is an unusable answer. Page numbers over a list
 *       that changes while it is read may repeat or skip items at page boundaries; nothing the client
 *       can see tells it.
 * </ul>
 */
public final class Paging {

  private Paging() {}

  /**
   * A pager over an operation.
   *
   * @param pageType the decoded page class, whose JSON property named by the spec holds the items
   * @param fetch fetches one page for a query map keyed by the spec's parameter names
   */
  public static <R, T> AutoPager<T> pager(ApiSpec spec, ObjectMapper mapper, String operationId,
      Map<String, Object> query, Class<R> pageType, Function<Map<String, Object>, R> fetch) {
    OperationSpec op = spec.operation(operationId);
    PaginationSpec paging = op.pagination().orElseThrow(() ->
        new IllegalArgumentException(operationId + " has no x-paykit-pagination in the spec"));
    Function<Object, List<T>> items = itemsOf(mapper, pageType, paging.itemProperties());
    String limitParam = paging.param("limitParam", "limit");
    Map<String, Object> first = new HashMap<>(query);
    if (first.get(limitParam) == null) {
      defaultLimit(spec, op, limitParam).ifPresent(l -> first.put(limitParam, l));
    }
    AutoPager.PageStyle style = switch (paging.style()) {
      case "offset" -> {
        first.putIfAbsent(paging.param("offsetParam", "offset"), 0);
        yield new OffsetStyle(mapper, paging.param("offsetParam", "offset"), spec.provider(), operationId);
      }
      case "links" -> links(mapper, paging.param("nextRel", "next"), paging.param("signatureParam", "signature"),
          spec.provider(), operationId);
      case "cursor" -> new CursorStyle(mapper, paging.param("cursorParam", "last_key"),
          paging.param("nextCursor", "last_key"), paging.has("hasMore") ? paging.param("hasMore", null) : null,
          spec.provider(), operationId);
      case "page" -> {
        String pageParam = paging.param("pageParam", "page");
        long firstPage = paging.config().path("firstPage").asLong(1);
        if (first.get(pageParam) == null) {
          first.put(pageParam, firstPage);
        } else if (pageNumber(first.get(pageParam)) == null) {
          throw new ValidationException(spec.provider(), operationId,
              List.of(new Violation(pageParam, "type", "must be a whole page number")));
        }
        yield new PageNumberStyle(mapper, pageParam, firstPage, paging.param("total", "meta.total"),
            spec.provider(), operationId);
      }
      default -> throw new IllegalArgumentException("unknown paging style " + paging.style());
    };
    first.values().removeIf(v -> v == null);
    return new AutoPager<>(first, fetch::apply, items, style);
  }

  /**
   * The next page starts after the items seen. Only an empty page ends the walk: a page shorter than
   * the limit may just be the provider capping the page size, and stopping there would silently drop
   * the rest. The cost is one empty request after a full last page. A page whose items are exactly those
   * of a page already read in this walk (a provider that ignores the offset) is an unusable answer, as in
   * the page-number style: without that check such a provider would hand the same items out forever.
   * One instance per walk ({@link #start()}).
   */
  private static final class OffsetStyle implements AutoPager.PageStyle {
    private final ObjectMapper mapper;
    private final String offsetParam;
    private final String provider;
    private final String operationId;
    private final PageDigests read;

    OffsetStyle(ObjectMapper mapper, String offsetParam, String provider, String operationId) {
      this.mapper = mapper;
      this.offsetParam = offsetParam;
      this.provider = provider;
      this.operationId = operationId;
      this.read = new PageDigests(mapper, provider, operationId);
    }

    @Override
    public AutoPager.PageStyle start() {
      return new OffsetStyle(mapper, offsetParam, provider, operationId);
    }

    @Override
    public Optional<Map<String, Object>> next(Map<String, Object> query, Object page, List<?> pageItems,
        List<Map<String, Object>> fetched) {
      Object offset = query.get(offsetParam);
      long at = offset == null ? 0 : Long.parseLong(offset.toString());
      read.add(pageItems, "the page at offset " + at);
      Map<String, Object> next = new HashMap<>(query);
      next.put(offsetParam, at + pageItems.size());
      return Optional.of(next);
    }
  }

  /**
   * The next page is the {@code next} link's query. A link back to a page already read (compared
   * without the signature, which may change from page to page) ends the walk, so a provider that
   * links a page to itself cannot loop the caller forever.
   */
  private static AutoPager.PageStyle links(ObjectMapper mapper, String nextRel, String signatureParam,
      String provider, String operationId) {
    return (q, page, pageItems, fetched) -> {
      Set<Map<String, String>> seen = new HashSet<>();
      fetched.forEach(f -> seen.add(withoutSignature(f, signatureParam)));
      JsonNode links = mapper.valueToTree(page).path("_links");
      for (JsonNode link : links) {
        if (nextRel.equals(link.path("rel").asText()) && link.hasNonNull("href")) {
          Map<String, Object> next = new HashMap<>(q);
          try {
            next.putAll(queryOf(link.get("href").asText()));
          } catch (IllegalArgumentException unreadable) {
            // not a URI, or a broken percent-escape: an answer the client cannot use, typed like any other
            throw new UnexpectedResponseException(ErrorDetails.builder(provider).operationId(operationId)
                .httpStatus(200)
                .providerMessage("the page's " + nextRel + " link is not a valid URI, so the following pages cannot be read")
                .mayHaveBeenProcessed(false).build(), null);
          }
          return seen.contains(withoutSignature(next, signatureParam)) ? Optional.empty() : Optional.of(next);
        }
      }
      return Optional.empty();
    };
  }

  private static Map<String, String> withoutSignature(Map<String, Object> query, String signatureParam) {
    Map<String, String> out = new HashMap<>();
    query.forEach((k, v) -> {
      if (!k.equals(signatureParam) && v != null) {
        out.put(k, v.toString());
      }
    });
    return out;
  }

  /**
   * The query parameters of a link (first value of each), with percent-escapes decoded but {@code +}
   * kept: in a URI query {@code +} is a literal, and opaque tokens such as base64 signatures contain it.
   */
  static Map<String, Object> queryOf(String href) {
    Map<String, Object> out = new HashMap<>();
    String query = URI.create(href).getRawQuery();
    if (query == null) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String percentDecode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * The cursor style: the page names the key of the next one. One instance per walk ({@link #start()}):
   * it keeps the digests of the pages read; the cursors already sent are the {@code cursorParam} values
   * of the queries this walk fetched.
   */
  private static final class CursorStyle implements AutoPager.PageStyle {
    private final ObjectMapper mapper;
    private final String cursorParam;
    private final String nextCursor;
    private final String hasMore;
    private final String provider;
    private final String operationId;
    private final PageDigests read;

    CursorStyle(ObjectMapper mapper, String cursorParam, String nextCursor, String hasMore, String provider,
        String operationId) {
      this.mapper = mapper;
      this.cursorParam = cursorParam;
      this.nextCursor = nextCursor;
      this.hasMore = hasMore;
      this.provider = provider;
      this.operationId = operationId;
      this.read = new PageDigests(mapper, provider, operationId);
    }

    /** Empty pages in a row, each with a new cursor, that a walk follows before it calls the answer unusable. */
    static final int MAX_EMPTY_PAGES_IN_A_ROW = 100;

    private int emptyInARow;

    @Override
    public AutoPager.PageStyle start() {
      return new CursorStyle(mapper, cursorParam, nextCursor, hasMore, provider, operationId);
    }

    @Override
    public boolean followsEmptyPages() {
      return true;
    }

    @Override
    public Optional<Map<String, Object>> next(Map<String, Object> query, Object page, List<?> items,
        List<Map<String, Object>> fetched) {
      if (items.isEmpty()) {
        // an empty page still names the next one (a keyset walk past rows a filter excludes); a cursor
        // already sent ends the walk as below, and an endless run of empty pages is not a list
        if (++emptyInARow > MAX_EMPTY_PAGES_IN_A_ROW) {
          throw unusable(provider, operationId, MAX_EMPTY_PAGES_IN_A_ROW + " empty pages in a row, each naming"
              + " another " + nextCursor + ": the walk would never end");
        }
      } else {
        emptyInARow = 0;
        read.add(items, "a page asked for by " + cursorParam);
      }
      JsonNode tree = tree(mapper, page, provider, operationId);
      JsonNode cursor = at(tree, nextCursor);
      boolean noCursor = cursor.isMissingNode() || cursor.isNull() || (cursor.isTextual() && cursor.textValue().isEmpty());
      if (hasMore != null) {
        JsonNode more = at(tree, hasMore);
        if (!more.isMissingNode() && !more.isNull() && !more.isBoolean()) {
          throw unusable(provider, operationId, "the page's " + hasMore + " is not a boolean");
        }
        if (more.isBoolean() && !more.booleanValue()) {
          return Optional.empty();
        }
        if (more.isBoolean() && noCursor) {
          throw unusable(provider, operationId, "the page says more items follow but gives no "
              + nextCursor + " to ask for them");
        }
      }
      if (!noCursor && !cursor.isTextual()) {
        throw unusable(provider, operationId, "the page's " + nextCursor + " is not a string");
      }
      if (noCursor) {
        return Optional.empty();
      }
      String key = cursor.textValue();
      for (Map<String, Object> f : fetched) {
        Object sent = f.get(cursorParam);
        if (sent != null && key.equals(sent.toString())) {
          return Optional.empty(); // the provider points back at a page already read
        }
      }
      Map<String, Object> next = new HashMap<>(query);
      next.put(cursorParam, key);
      return Optional.of(next);
    }
  }

  /**
   * The digests of the pages one walk has read: a page whose items are exactly those of an earlier
   * page means the provider ignores the paging parameter, and the walk would otherwise repeat items or
   * never end. Holds one digest per page, never the items.
   */
  private static final class PageDigests {
    private final ObjectMapper mapper;
    private final String provider;
    private final String operationId;
    private final Set<String> digests = new HashSet<>();

    PageDigests(ObjectMapper mapper, String provider, String operationId) {
      this.mapper = mapper;
      this.provider = provider;
      this.operationId = operationId;
    }

    /** Records a page; throws when an earlier page had exactly these items. */
    void add(List<?> items, String which) {
      String digest;
      try {
        digest = java.util.Base64.getEncoder().encodeToString(
            java.security.MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(items)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException | java.security.NoSuchAlgorithmException e) {
        throw unusable(provider, operationId, "the page's items cannot be compared with the pages before");
      }
      if (!digests.add(digest)) {
        throw unusable(provider, operationId, which + " repeats the items of a page already read (the"
            + " provider ignores the paging parameter), so the rest of the list cannot be read");
      }
    }
  }

  /**
   * The page-number style. One instance per walk ({@link #start()}): it counts the items seen, keeps
   * the last total and the digests of the pages read.
   */
  private static final class PageNumberStyle implements AutoPager.PageStyle {
    private final ObjectMapper mapper;
    private final String pageParam;
    private final long firstPage;
    private final String total;
    private final String provider;
    private final String operationId;
    private final PageDigests read;
    private long seen;
    private Long knownTotal;
    private boolean counted;

    PageNumberStyle(ObjectMapper mapper, String pageParam, long firstPage, String total, String provider,
        String operationId) {
      this.mapper = mapper;
      this.pageParam = pageParam;
      this.firstPage = firstPage;
      this.total = total;
      this.provider = provider;
      this.operationId = operationId;
      this.read = new PageDigests(mapper, provider, operationId);
    }

    @Override
    public AutoPager.PageStyle start() {
      return new PageNumberStyle(mapper, pageParam, firstPage, total, provider, operationId);
    }

    @Override
    public Optional<Map<String, Object>> next(Map<String, Object> query, Object page, List<?> items,
        List<Map<String, Object>> fetched) {
      Long number = pageNumber(query.get(pageParam));
      long at = number == null ? firstPage : number;
      read.add(items, "page " + at);
      if (!counted) {
        counted = true;
        long before = Math.max(0, at - firstPage); // pages before the caller's first one
        seen = before > Long.MAX_VALUE / Math.max(1, items.size()) ? Long.MAX_VALUE : before * items.size();
      }
      seen = seen > Long.MAX_VALUE - items.size() ? Long.MAX_VALUE : seen + items.size();
      JsonNode t = at(tree(mapper, page, provider, operationId), total);
      if (!t.isMissingNode() && !t.isNull()) {
        if (!t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0) {
          throw unusable(provider, operationId, "the page's " + total + " is not a count of items");
        }
        knownTotal = t.longValue();
      }
      if ((knownTotal != null && seen >= knownTotal) || at == Long.MAX_VALUE) {
        return Optional.empty();
      }
      Map<String, Object> next = new HashMap<>(query);
      next.put(pageParam, at + 1);
      return Optional.of(next);
    }

  }

  /** A page number as given (an integer, or its text); null when it is not one. */
  private static Long pageNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.toString());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** The decoded page as JSON, to read its paging fields by their wire names. */
  private static JsonNode tree(ObjectMapper mapper, Object page, String provider, String operationId) {
    try {
      return mapper.valueToTree(page);
    } catch (IllegalArgumentException unreadable) {
      throw unusable(provider, operationId, "the page's paging fields cannot be read");
    }
  }

  /** The node at a dotted path ({@code meta.total}); missing when any step is absent. */
  private static JsonNode at(JsonNode tree, String dotted) {
    JsonNode node = tree;
    for (String step : dotted.split("\\.")) {
      node = node.path(step);
    }
    return node;
  }

  /** An answer whose paging fields the client cannot use; never repeats a value of the answer. */
  private static UnexpectedResponseException unusable(String provider, String operationId, String why) {
    return new UnexpectedResponseException(ErrorDetails.builder(provider).operationId(operationId)
        .httpStatus(200).providerMessage(why).mayHaveBeenProcessed(false).build(), null);
  }

  /** The limit parameter's documented {@code default}, else its {@code maximum}. */
  private static Optional<Integer> defaultLimit(ApiSpec spec, OperationSpec op, String limitParam) {
    return op.parameter(limitParam).map(p -> {
      JsonNode schema = spec.resolve(p.schema());
      JsonNode v = schema.has("default") ? schema.get("default") : schema.get("maximum");
      return v == null ? null : v.asInt();
    });
  }

  /** Reads the first of the named properties that holds items on a page. */
  @SuppressWarnings("unchecked")
  private static <T> Function<Object, List<T>> itemsOf(ObjectMapper mapper, Class<?> pageType,
      List<String> properties) {
    BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(pageType));
    List<AnnotatedMember> accessors = new ArrayList<>();
    for (String property : properties) {
      for (BeanPropertyDefinition p : bean.findProperties()) {
        if (p.getName().equals(property) && p.getAccessor() != null) {
          p.getAccessor().fixAccess(true);
          accessors.add(p.getAccessor());
        }
      }
    }
    if (accessors.isEmpty()) {
      throw new IllegalArgumentException(pageType.getSimpleName() + " has none of " + properties);
    }
    return page -> {
      for (AnnotatedMember accessor : accessors) {
        Object v = accessor.getValue(page);
        if (v instanceof List<?> list && !list.isEmpty()) {
          return (List<T>) list; // generated models start lists empty, so the first non-empty wins
        }
      }
      return List.of();
    };
  }
}
