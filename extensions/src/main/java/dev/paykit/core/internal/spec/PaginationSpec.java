package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a list operation pages, from its {@code x-paykit-pagination} extension. The styles and what each
 * key means are described on {@code dev.paykit.core.internal.Paging}.
 *
 * @param style {@code offset} (limit/offset), {@code links} (follow the {@code _links} next link),
 *     {@code cursor} (an opaque key from each page asks for the next) or {@code page} (page numbers and a
 *     total)
 * @param items the response property that holds the page's items
 * @param config the whole extension, for style-specific keys ({@code limitParam}, {@code offsetParam}, ...)
 */
public record PaginationSpec(String style, String items, JsonNode config) {

  /** Keys every style takes. */
  private static final Set<String> COMMON = Set.of("style", "items", "itemsAlternatives", "limitParam");

  /**
   * The keys of each style the runtime knows, beside {@code style}, {@code items},
   * {@code itemsAlternatives} and {@code limitParam}: a spec that uses another key or style has a typo.
   */
  public static final Map<String, Set<String>> STYLE_KEYS = Map.of(
      "offset", Set.of("offsetParam"),
      "links", Set.of("pageParam", "signatureParam", "nextRel"),
      "cursor", Set.of("cursorParam", "nextCursor", "hasMore"),
      "page", Set.of("pageParam", "firstPage", "total"));

  /** Keys whose value names a query parameter of the operation. */
  private static final Set<String> PARAM_KEYS = Set.of("limitParam", "offsetParam", "pageParam",
      "signatureParam", "cursorParam");

  /**
   * The response properties that may hold the items, in order of preference: {@code items}, then
   * {@code itemsAlternatives} (e.g. Prunny documents {@code responseData} where OBN says {@code data}).
   */
  public java.util.List<String> itemProperties() {
    java.util.List<String> names = new java.util.ArrayList<>();
    names.add(items);
    config.path("itemsAlternatives").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** A style-specific key, e.g. {@code param("limitParam", "limit")}. */
  public String param(String key, String fallback) {
    JsonNode v = config.get(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  /** Whether the extension sets this key. */
  public boolean has(String key) {
    return config.hasNonNull(key);
  }

  /**
   * What is wrong with this extension on {@code operation}: an unknown style, a key the style does not
   * read, a value of the wrong type, or a parameter key naming no query parameter of the operation.
   * Empty when the runtime can page it. For build-time checks of the specs; the runtime does not call it.
   */
  public List<String> problems(OperationSpec operation) {
    List<String> out = new ArrayList<>();
    Set<String> own = STYLE_KEYS.get(style);
    if (own == null) {
      out.add("unknown style '" + style + "' (known: " + new java.util.TreeSet<>(STYLE_KEYS.keySet()) + ")");
      return out;
    }
    if (items == null || items.isBlank() || !config.path("items").isTextual()) {
      out.add("items: names the response property holding the items (a string)");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (!COMMON.contains(key) && !own.contains(key)) {
        out.add(key + ": not a key of the " + style + " style (known: "
            + new java.util.TreeSet<>(union(own)) + ")");
      } else if (key.equals("itemsAlternatives")) {
        boolean strings = v.isArray();
        for (JsonNode n : v) {
          strings &= n.isTextual();
        }
        if (!strings) {
          out.add(key + ": a list of response property names");
        }
      } else if (key.equals("firstPage")) {
        if (!v.isIntegralNumber() || v.asLong() < 0) {
          out.add(key + ": a page number (an integer, 0 or more)");
        }
      } else if (!v.isTextual() || v.asText().isBlank()) {
        out.add(key + ": a name (a string)");
      } else if (PARAM_KEYS.contains(key) && operation != null && operation.parameters().stream()
          .noneMatch(p -> p.name().equals(v.asText()) && "query".equals(p.in()))) {
        out.add(key + ": names no query parameter of " + operation.operationId());
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> own) {
    Set<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(own);
    return all;
  }
}
