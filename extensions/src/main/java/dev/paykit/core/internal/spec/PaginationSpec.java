package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a list operation pages, from its {@code x-paykit-pagination} extension.
 *
 * @param style {@code offset} (limit/offset), {@code links} (follow the {@code _links} next link), later {@code page} and {@code cursor}
 * @param items the response property that holds the page's items
 * @param config the whole extension, for style-specific keys ({@code limitParam}, {@code offsetParam}, ...)
 */
public record PaginationSpec(String style, String items, JsonNode config) {

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
}
