package dev.paykit.sandbox.ptapi;

import dev.paykit.sandbox.Paging;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.NottableString;
import org.mockserver.model.Parameter;

/**
 * The query string of a search (wiki conventions): {@code q}, {@code limit} (1-100, default
 * {@value #DEFAULT_LIMIT}), {@code offset} (0 or more), {@code sort_by=asc(f),desc(f)} and the operation's
 * property filters. Anything else, a repeated parameter or a bad value is 400001 naming it. Stateless.
 */
final class Search {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Pattern SORT_KEY = Pattern.compile("(asc|desc)\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  /** The parameters as sent, each once. */
  static Map<String, String> parameters(HttpRequest request, Set<String> allowed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Parameter p : request.getQueryStringParameterList()) {
      String name = p.getName().getValue();
      if (!allowed.contains(name)) {
        throw Errors.pt(Errors.INVALID_QUERY, "unknown query parameter " + name + " (this operation takes "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
      List<NottableString> values = p.getValues();
      if (values.size() != 1 || out.containsKey(name)) {
        throw Errors.pt(Errors.INVALID_QUERY, name + " must be sent once");
      }
      out.put(name, values.get(0).getValue());
    }
    return out;
  }

  static int integer(Map<String, String> params, String name, int fallback, int min, int max) {
    String v = params.get(name);
    if (v == null) {
      return fallback;
    }
    if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw Errors.pt(Errors.INVALID_QUERY, name + " must be an integer from " + min + " to " + max + ", not '" + v + "'");
    }
    return Integer.parseInt(v);
  }

  /**
   * The records matching {@code q} (all when absent) and {@code filter}, sorted by {@code sort_by} then by
   * {@code id}, paged by limit/offset; the page and the total.
   */
  static <T> Page<T> run(Map<String, String> params, List<T> records, Map<String, Function<T, Object>> fields,
      Function<T, String> id, java.util.function.Predicate<T> filter) {
    int limit = integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
    Query.Node query = null;
    String q = params.get("q");
    if (q != null) {
      try {
        query = Query.parse(q);
      } catch (Query.SyntaxError e) {
        throw Errors.pt(Errors.INVALID_QUERY, "q: " + e.getMessage());
      }
      List<String> unknown = Query.unknownFields(query, fields.keySet());
      if (!unknown.isEmpty()) {
        throw Errors.pt(Errors.INVALID_QUERY, "q: unknown field " + String.join(", ", unknown) + " (searchable: "
            + String.join(", ", new java.util.TreeSet<>(fields.keySet())) + ")");
      }
    }
    Comparator<T> order = sortOrder(params.get("sort_by"), fields);
    List<T> matched = new ArrayList<>();
    for (T record : records) {
      if (filter.test(record) && (query == null || Query.matches(query, record, fields))) {
        matched.add(record);
      }
    }
    matched.sort(order.thenComparing(id, Comparator.naturalOrder()));
    return new Page<>(Paging.slice(matched, offset, limit), matched.size());
  }

  record Page<T>(List<T> items, int total) {}

  static <T> Comparator<T> sortOrder(String sortBy, Map<String, Function<T, Object>> fields) {
    Comparator<T> order = (a, b) -> 0;
    if (sortBy == null) {
      return order;
    }
    for (String key : sortBy.split(",", -1)) {
      Matcher m = SORT_KEY.matcher(key);
      if (!m.matches()) {
        throw Errors.pt(Errors.INVALID_QUERY, "sort_by: '" + key + "' is not asc(field) or desc(field)");
      }
      Function<T, Object> field = fields.get(m.group(2));
      if (field == null) {
        throw Errors.pt(Errors.INVALID_QUERY, "sort_by: unknown field " + m.group(2));
      }
      Comparator<T> byField = (a, b) -> compareValues(field.apply(a), field.apply(b));
      order = order.thenComparing(m.group(1).equals("asc") ? byField : byField.reversed());
    }
    return order;
  }

  /** Numbers numerically, text case-insensitively; a missing value after every present one. */
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.toString().toLowerCase(Locale.ROOT).compareTo(b.toString().toLowerCase(Locale.ROOT));
  }
}
