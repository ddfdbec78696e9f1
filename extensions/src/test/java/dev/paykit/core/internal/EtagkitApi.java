package dev.paykit.core.internal;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** A hand-written Feign interface of the test spec {@code etagkit}, shaped like the generated ones. */
public interface EtagkitApi {

  record Item(String id, String name) {}

  record Items(List<Item> items) {}

  @RequestLine("GET /v1/items/{id}?view={view}")
  @Headers({"Accept: application/json"})
  Item getItem(@Param("id") String id, @Param("view") String view);

  @RequestLine("GET /v1/items")
  @Headers({"Accept: application/json"})
  Items listItems();

  @RequestLine("POST /v1/items")
  @Headers({"Content-Type: application/json", "Accept: application/json"})
  Item createItem(Map<String, Object> body);

  @RequestLine("POST /v1/search")
  @Headers({"Content-Type: application/json", "Accept: application/json"})
  Items searchItems(Map<String, Object> body);
}
