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
 * <p>Styles:
 * <ul>
 *   <li>{@code offset}: limit/offset; the next page starts after the items seen; an empty page ends;
 *   <li>{@code links}: the response's {@code _links} entry whose {@code rel} is {@code nextRel} gives
 *       the next page; its query parameters (page, limit, signature...) are sent to the same operation,
 *       never to the link's host, so credentials cannot follow a link elsewhere. No next link, or a link
 *       back to a page already read: done.
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
        yield offset(paging.param("offsetParam", "offset"));
      }
      case "links" -> links(mapper, paging.param("nextRel", "next"), paging.param("signatureParam", "signature"),
          spec.provider(), operationId);
      default -> throw new IllegalArgumentException("unknown paging style " + paging.style());
    };
    first.values().removeIf(v -> v == null);
    return new AutoPager<>(first, fetch::apply, items, style);
  }

  /**
   * The next page starts after the items seen. Only an empty page ends the walk: a page shorter than
   * the limit may just be the provider capping the page size, and stopping there would silently drop
   * the rest. The cost is one empty request after a full last page.
   */
  private static AutoPager.PageStyle offset(String offsetParam) {
    return (q, page, pageItems, fetched) -> {
      Object offset = q.get(offsetParam);
      long at = offset == null ? 0 : Long.parseLong(offset.toString());
      Map<String, Object> next = new HashMap<>(q);
      next.put(offsetParam, at + pageItems.size());
      return Optional.of(next);
    };
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
