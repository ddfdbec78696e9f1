package dev.paykit.core.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * A hand-written Feign interface of the test spec {@code pagingkit}, shaped like the generated ones
 * (a {@code @QueryMap} per list operation). Each list has a typed page, as the generator would make it,
 * and a loose one whose paging fields stay raw JSON, so that values a typed model would refuse to
 * decode (a cursor that is an object, a total that is text) reach the pager.
 */
public interface PagingkitApi {

  record Refund(String id, Long amount) {}

  record RefundPage(List<Refund> items, @JsonProperty("last_key") String lastKey) {}

  record LooseRefundPage(List<Refund> items, @JsonProperty("last_key") JsonNode lastKey) {}

  @RequestLine("GET /v1/refunds")
  @Headers({"Accept: application/json"})
  RefundPage listRefunds(@QueryMap Map<String, Object> query);

  @RequestLine("GET /v1/refunds")
  @Headers({"Accept: application/json"})
  LooseRefundPage listRefundsLoose(@QueryMap Map<String, Object> query);

  record IntentPage(List<String> data, @JsonProperty("has_more") JsonNode hasMore, JsonNode cursor) {}

  @RequestLine("GET /v1/intents")
  @Headers({"Accept: application/json"})
  IntentPage listIntents(@QueryMap Map<String, Object> query);

  record Account(String id) {}

  record Meta(Long total) {}

  record AccountPage(List<Account> data, Meta meta) {}

  record LooseAccountPage(List<Account> data, JsonNode meta) {}

  @RequestLine("GET /v1/accounts")
  @Headers({"Accept: application/json"})
  AccountPage listAccounts(@QueryMap Map<String, Object> query);

  @RequestLine("GET /v1/accounts")
  @Headers({"Accept: application/json"})
  LooseAccountPage listAccountsLoose(@QueryMap Map<String, Object> query);
}
