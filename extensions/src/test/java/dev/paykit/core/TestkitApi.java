package dev.paykit.core;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A hand-written Feign interface of the test spec {@code testkit}, shaped like generated ones. */
public interface TestkitApi {

  record Transfer(BigDecimal amount, String reference) {}

  @RequestLine("POST /transfers")
  @Headers({"Content-Type: application/json", "Accept: application/json",
      "Idempotency-Key: {idempotencyKey}"})
  Map<String, Object> createTransfer(@Param("idempotencyKey") String idempotencyKey, Transfer body);

  @RequestLine("POST /notes")
  @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
  Map<String, Object> createNote(@Param("text") String text);

  record Link(String rel, String href) {}

  record EntriesPage(List<String> responseData, List<String> data, List<Link> _links) {}

  @RequestLine("GET /entries")
  @Headers({"Accept: application/json", "X-Request-Timestamp: {xRequestTimestamp}"})
  EntriesPage listEntries(@Param("xRequestTimestamp") String xRequestTimestamp,
      @QueryMap Map<String, Object> query);

  record ThingsPage(List<String> data) {}

  @RequestLine("GET /things")
  @Headers({"Accept: application/json"})
  ThingsPage listThings(@QueryMap Map<String, Object> query);

  @RequestLine("GET /items/{id}")
  @Headers({"Accept: application/json"})
  Map<String, Object> getItem(@Param("id") String id);
}
