package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** searchCardholders over HTTP: the q language on the stored cardholders, sort_by, limit / offset, filters. */
class PtApiSearchTest extends PtApiTestBase {
  String session;

  @BeforeEach
  void logIn() {
    session = login();
  }

  private JsonNode search(String... params) {
    return ok(post(SEARCH_CARDHOLDERS + query(params), json("sessionId", session, "customerId", BUSINESS_REWARDS)),
        200);
  }

  private static java.util.List<String> ids(JsonNode page) {
    return page.get("cardholders").findValuesAsText("cardholderId");
  }

  @Test
  void theWikisExampleFindsTheJoesAgedTwentyToThirty() {
    JsonNode page = search("q", "firstName:joe AND age:[20 TO 30]");
    assertThat(ids(page)).containsExactly(CARDHOLDER_JOE_SMITH);
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("cardholders").get(0).get("age").asInt()).isEqualTo(27);
    assertThat(ids(search("q", "firstName:joe"))).containsExactly(CARDHOLDER_JOE_SMITH, CARDHOLDER_JOE_BROWN);
  }

  @Test
  void orNotGroupingWildcardsAndExclusiveRanges() {
    assertThat(ids(search("q", "lastName:lee AND NOT firstName:ann"))).containsExactly(CARDHOLDER_JOANNA_LEE);
    assertThat(ids(search("q", "(firstName:sam OR firstName:ann) AND age:{41 TO *]")))
        .containsExactly(CARDHOLDER_CHARGED_OFF);
    assertThat(ids(search("q", "firstName:jo*"))).containsExactly(CARDHOLDER_JOE_SMITH, CARDHOLDER_JOE_BROWN,
        CARDHOLDER_JOANNA_LEE);
    assertThat(ids(search("q", "dateOfBirth:[1990-01-01 TO 1999-12-31]"))).containsExactly(CARDHOLDER_JOE_SMITH,
        CARDHOLDER_JOANNA_LEE, CARDHOLDER_MARY_ANN);
  }

  @Test
  void escapedSpecialCharactersAndPhrasesMatchTheStoredValues() {
    assertThat(ids(search("q", "firstName:Mary\\ Ann AND lastName:O'Brien\\-Smith"))).containsExactly(CARDHOLDER_MARY_ANN);
    assertThat(ids(search("q", "firstName:\"mary ann\""))).containsExactly(CARDHOLDER_MARY_ANN);
  }

  @Test
  void anEscapedInjectionIsOneValueThatMatchesNobody() {
    assertThat(ids(search("q", "firstName:\"joe OR firstName:*\""))).isEmpty();
    assertThat(ids(search("q", "firstName:joe\\ OR\\ firstName\\:\\*"))).isEmpty();
    // unescaped, the same input widens the search to everybody: what a client's escaping must prevent
    assertThat(search("q", "firstName:joe OR firstName:*").get("total").asInt()).isEqualTo(7);
  }

  @Test
  void sortByThenLimitAndOffset() {
    assertThat(ids(search("sort_by", "desc(age)", "limit", "3"))).containsExactly(CARDHOLDER_CHARGED_OFF,
        CARDHOLDER_FRAUD, CARDHOLDER_JOANNA_LEE);
    assertThat(ids(search("sort_by", "asc(lastName),desc(firstName)", "limit", "2", "offset", "2")))
        .containsExactly(CARDHOLDER_JOANNA_LEE, CARDHOLDER_CHARGED_OFF);
    JsonNode past = search("offset", "50");
    assertThat(ids(past)).isEmpty();
    assertThat(past.get("total").asInt()).isEqualTo(7);
  }

  @Test
  void propertyFilters() {
    assertThat(ids(search("status", "inactive"))).containsExactly(CARDHOLDER_INACTIVE);
    assertThat(ids(search("email", "JOE.BROWN@example.com", "q", "age:[* TO 20]"))).containsExactly(CARDHOLDER_JOE_BROWN);
  }

  @Test
  void whatDoesNotParseOrNamesAnUnknownFieldIs400001() {
    String body = json("sessionId", session, "customerId", BUSINESS_REWARDS).toString();
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("q", "firstName:joe lastName:smith"), body, PRIMARY_KEY),
        400001, "invalid query parameters")).contains("q: expected AND, OR or the end");
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("q", "salary:[1 TO 2]"), body, PRIMARY_KEY), 400001,
        "invalid query parameters")).contains("unknown field salary");
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("sort_by", "up(age)"), body, PRIMARY_KEY), 400001,
        "invalid query parameters")).contains("sort_by");
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("limit", "101"), body, PRIMARY_KEY), 400001,
        "invalid query parameters")).contains("limit must be an integer from 1 to 100");
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("firstName", "joe"), body, PRIMARY_KEY), 400001,
        "invalid query parameters")).contains("unknown query parameter firstName");
    assertThat(ptError(post(SEARCH_CARDHOLDERS + query("q", "a:1", "q", "b:2"), body, PRIMARY_KEY), 400001,
        "invalid query parameters")).contains("q must be sent once");
  }

  @Test
  void onlyTheBusinessesOwnCardholdersAreSearched() {
    JsonNode payroll = ok(post(SEARCH_CARDHOLDERS, json("sessionId", session, "customerId", BUSINESS_PAYROLL)), 200);
    assertThat(ids(payroll)).containsExactly(CARDHOLDER_PAYROLL);
  }
}
