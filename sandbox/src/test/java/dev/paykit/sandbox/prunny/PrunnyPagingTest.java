package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.Paging;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paging: responseData, _meta, absolute _links and the signature that page 2 onwards must carry. */
class PrunnyPagingTest extends PrunnySimulatorTestBase {
  private static final String STATEMENT = "/v1/transactions/" + ACCOUNT_ADAEZE + "/statement";

  /** printf '%s' 'getStatement|1000000017|||10' | sha256sum */
  private static final String STATEMENT_SIGNATURE =
      "30046c93c5511f79232757b6b6e209fee1f9f5df167c363531907a62acaf7682";

  /** printf '%s' 'getStatement|1000000017|01092026|10092026|2' | sha256sum */
  private static final String FILTERED_SIGNATURE =
      "1afdabb0590dbce5a5b5766c6f69999a828548862dab0bae147ef08765dd17aa";

  private static JsonNode ok(String pathOrUrl) {
    HttpResponse<String> response = http.get(pathOrUrl);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static Map<String, String> links(JsonNode page) {
    Map<String, String> links = new HashMap<>();
    page.get("_links").forEach(l -> links.put(l.get("rel").asText(), l.get("href").asText()));
    return links;
  }

  @Test
  void theStatementPagesByTenFollowingTheNextLinks() {
    List<String> references = new ArrayList<>();
    List<Map<String, String>> allLinks = new ArrayList<>();
    JsonNode page = ok(STATEMENT);
    while (true) {
      page.get("responseData").forEach(line -> references.add(line.get("referenceId").asText()));
      allLinks.add(links(page));
      assertThat(page.get("status").asText()).isEqualTo("00");
      assertThat(page.get("_meta").get("totalNumberOfRecords").asInt()).isEqualTo(25);
      assertThat(page.get("_meta").get("totalNumberOfPages").asInt()).isEqualTo(3);
      assertThat(page.get("_meta").get("pageSize").asInt()).isEqualTo(10);
      String next = links(page).get("next");
      if (next == null) {
        break;
      }
      page = ok(next);
    }

    assertThat(references).hasSize(25).doesNotHaveDuplicates()
        .startsWith("PRN-HIST-0001").endsWith("PRN-HIST-0025");
    assertThat(allLinks).hasSize(3);
    assertThat(allLinks.get(0)).containsOnlyKeys("self", "next");
    assertThat(allLinks.get(1)).containsOnlyKeys("self", "prev", "next");
    assertThat(allLinks.get(2)).containsOnlyKeys("self", "prev");
    assertThat(allLinks.get(1).get("next")).isEqualTo(sandbox.prunny().baseUrl() + STATEMENT
        + "?page=3&limit=10&signature=" + STATEMENT_SIGNATURE);
    assertThat(allLinks.get(2).get("prev")).contains("page=2");
  }

  @Test
  void statementLinesHaveTheSpecsFields() {
    JsonNode line = ok(STATEMENT + "?limit=1").get("responseData").get(0);

    assertThat(line.toString()).isEqualTo("{\"accountNumber\":\"1000000017\",\"amount\":60000.00,"
        + "\"currency\":\"NGN\",\"channel\":\"Transfer\",\"debitOrCredit\":\"Cr\","
        + "\"narration\":\"Salary - Lagoon Tech Ltd\",\"referenceId\":\"PRN-HIST-0001\","
        + "\"transactionTime\":\"2026-09-01T09:15:00+00:00\",\"transactionType\":\"Inward transfer\","
        + "\"valueDate\":\"2026-09-01\",\"balanceAfter\":259500.00}");
  }

  @Test
  void pageTwoWithoutTheSignatureIs400() {
    HttpResponse<String> response = http.get(STATEMENT + "?page=2&limit=10");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("signature");
  }

  @Test
  void aSignatureOfAnotherQueryIs400() {
    assertThat(http.get(STATEMENT + "?page=2&limit=5&signature=" + STATEMENT_SIGNATURE).statusCode())
        .as("limit changed").isEqualTo(400);
    assertThat(http.get(STATEMENT + "?page=2&limit=10&signature=" + "0".repeat(64)).statusCode()).isEqualTo(400);
    assertThat(http.get(STATEMENT + "?page=2&limit=10&signature=" + STATEMENT_SIGNATURE).statusCode())
        .isEqualTo(200);
  }

  @Test
  void fromAndToSelectDaysAndTravelInTheLinks() {
    JsonNode page = ok(STATEMENT + "?from=01092026&to=10092026&limit=2");

    assertThat(page.get("_meta").get("totalNumberOfRecords").asInt()).isEqualTo(5);
    assertThat(links(page).get("next")).endsWith(STATEMENT
        + "?from=01092026&to=10092026&page=2&limit=2&signature=" + FILTERED_SIGNATURE);
    JsonNode last = ok(STATEMENT + "?from=01092026&to=10092026&page=3&limit=2&signature=" + FILTERED_SIGNATURE);
    assertThat(last.get("responseData")).hasSize(1);
    assertThat(last.get("responseData").get(0).get("valueDate").asText()).isEqualTo("2026-09-09");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=0", "page=x", "limit=0", "limit=101", "from=2026-09-01", "from=31022026",
      "from=10092026&to=01092026"})
  void badPagingOrDatesAre400(String query) {
    HttpResponse<String> response = http.get(STATEMENT + "?" + query);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("errorCode").asText()).isEqualTo("30");
  }

  @Test
  void aPageBeyondTheLastIsEmptyAndPointsBack() {
    JsonNode page = ok(STATEMENT + "?page=9&limit=10&signature=" + STATEMENT_SIGNATURE);

    assertThat(page.get("responseData")).isEmpty();
    assertThat(links(page).get("prev")).contains("page=3");
    assertThat(links(page)).doesNotContainKey("next");
  }

  @Test
  void newTransfersAppearAtTheEndOfTheStatement() {
    http.post("/v1/transactions/singletransferwithbank", "k-1",
        PrunnyHttp.intraTransfer("fresh-1", ACCOUNT_ADAEZE, Fixtures.ACCOUNT_BABATUNDE, "100.00"));

    JsonNode all = ok(STATEMENT + "?limit=30").get("responseData");
    JsonNode last = all.get(all.size() - 1);

    assertThat(all).hasSize(26);
    assertThat(last.get("referenceId").asText()).isEqualTo("fresh-1");
    assertThat(last.get("debitOrCredit").asText()).isEqualTo("Dr");
    assertThat(last.get("balanceAfter").decimalValue()).isEqualByComparingTo("499900.00");
    assertThat(last.get("transactionTime").asText()).isEqualTo("2026-11-21T10:00:00+00:00");
  }

  @Test
  void accountsOfACustomerComeFromTheCustomerIdHeader() {
    HttpResponse<String> page = SandboxHttp.send(http.request("/v1/accounts")
        .header("customerId", Fixtures.CUSTOMER_ADAEZE).GET().build());
    HttpResponse<String> missing = http.get("/v1/accounts");
    HttpResponse<String> unknown = SandboxHttp.send(http.request("/v1/accounts")
        .header("customerId", "PRC9999").GET().build());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(json(page).get("responseData")).extracting(a -> a.get("accountNumber").asText())
        .containsExactly(ACCOUNT_ADAEZE, Fixtures.ACCOUNT_ADAEZE_CURRENT);
    assertThat(links(json(page))).containsOnlyKeys("self");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void customersByBvnAndAccountTypesArePagedToo() {
    JsonNode customers = ok("/v1/customers/bvn/" + Fixtures.BVN_ADAEZE + "?limit=1");
    JsonNode second = ok(links(customers).get("next"));
    JsonNode types = ok("/v1/accounts/types");

    assertThat(customers.get("_meta").get("totalNumberOfRecords").asInt()).isEqualTo(2);
    assertThat(customers.get("responseData").get(0).get("customerID").asText())
        .isEqualTo(Fixtures.CUSTOMER_ADAEZE);
    assertThat(second.get("responseData").get(0).get("customerID").asText())
        .isEqualTo(Fixtures.CUSTOMER_OKAFOR_VENTURES);
    assertThat(types.get("responseData")).extracting(t -> t.get("accountTypeId").asText())
        .containsExactly("savings", "current", "wallet");
    assertThat(ok("/v1/customers/bvn/12000000000").get("responseData")).isEmpty();
  }
}
