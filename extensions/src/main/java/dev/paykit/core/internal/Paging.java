package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.paykit.core.AutoPager;
import dev.paykit.core.spec.ApiSpec;
import dev.paykit.core.spec.OperationSpec;
import dev.paykit.core.spec.PaginationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds an {@link AutoPager} for any list operation from its {@code x-paykit-pagination} extension:
 * the page style, its parameter names, and the response property holding the items. Stateless.
 *
 * <p>Styles: {@code offset} (limit/offset: the next page starts after the items seen; a page shorter
 * than the limit is the last). Page-number and cursor styles are added with the providers that use them.
 */
public final class Paging {

  private Paging() {}

  /**
   * A pager over an operation.
   *
   * @param pageType the decoded page class, whose JSON property {@code items} holds the items
   * @param fetch fetches one page for a query map keyed by the spec's parameter names
   */
  public static <R, T> AutoPager<T> pager(ApiSpec spec, ObjectMapper mapper, String operationId,
      Map<String, Object> query, Class<R> pageType, Function<Map<String, Object>, R> fetch) {
    OperationSpec op = spec.operation(operationId);
    PaginationSpec paging = op.pagination().orElseThrow(() ->
        new IllegalArgumentException(operationId + " has no x-paykit-pagination in the spec"));
    Function<Object, List<T>> items = itemsOf(mapper, pageType, paging.items());
    return switch (paging.style()) {
      case "offset" -> offset(spec, op, paging, query, fetch, items);
      default -> throw new IllegalArgumentException("unknown paging style " + paging.style());
    };
  }

  private static <R, T> AutoPager<T> offset(ApiSpec spec, OperationSpec op, PaginationSpec paging,
      Map<String, Object> query, Function<Map<String, Object>, R> fetch, Function<Object, List<T>> items) {
    String limitParam = paging.param("limitParam", "limit");
    String offsetParam = paging.param("offsetParam", "offset");
    Map<String, Object> first = new HashMap<>(query);
    if (first.get(limitParam) == null) {
      defaultLimit(spec, op, limitParam).ifPresent(l -> first.put(limitParam, l));
    }
    first.putIfAbsent(offsetParam, 0);
    first.values().removeIf(v -> v == null);
    AutoPager.PageStyle style = (q, page, pageItems) -> {
      Object limit = q.get(limitParam);
      if (limit != null && pageItems.size() < Integer.parseInt(limit.toString())) {
        return Optional.empty();
      }
      Object offset = q.get(offsetParam);
      long at = offset == null ? 0 : Long.parseLong(offset.toString());
      Map<String, Object> next = new HashMap<>(q);
      next.put(offsetParam, at + pageItems.size());
      return Optional.of(next);
    };
    return new AutoPager<>(first, fetch::apply, items, style);
  }

  /** The limit parameter's documented {@code default}, else its {@code maximum}. */
  private static Optional<Integer> defaultLimit(ApiSpec spec, OperationSpec op, String limitParam) {
    return op.parameter(limitParam).map(p -> {
      JsonNode schema = spec.resolve(p.schema());
      JsonNode v = schema.has("default") ? schema.get("default") : schema.get("maximum");
      return v == null ? null : v.asInt();
    });
  }

  @SuppressWarnings("unchecked")
  private static <T> Function<Object, List<T>> itemsOf(ObjectMapper mapper, Class<?> pageType, String property) {
    BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(pageType));
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (p.getName().equals(property) && p.getAccessor() != null) {
        AnnotatedMember accessor = p.getAccessor();
        accessor.fixAccess(true);
        return page -> (List<T>) accessor.getValue(page);
      }
    }
    throw new IllegalArgumentException(pageType.getSimpleName() + " has no property " + property);
  }
}
