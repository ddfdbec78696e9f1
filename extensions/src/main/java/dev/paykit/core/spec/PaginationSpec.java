package dev.paykit.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a list operation pages, from its {@code x-paykit-pagination} extension.
 *
 * @param style {@code offset} (limit/offset), {@code page} (page number) or {@code cursor}
 * @param items the response property that holds the page's items
 * @param config the whole extension, for style-specific keys ({@code limitParam}, {@code offsetParam}, ...)
 */
public record PaginationSpec(String style, String items, JsonNode config) {

  /** A style-specific key, e.g. {@code param("limitParam", "limit")}. */
  public String param(String key, String fallback) {
    JsonNode v = config.get(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }
}
