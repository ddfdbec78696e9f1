package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hierarchy, orders, registration, card management, ETags. */
class PtApiCardsTest extends PtApiTestBase {
  String session;

  @BeforeEach
  void logIn() {
    session = login();
  }

  private static JsonNode profile(String first, String last) {
    return json("firstName", first, "lastName", last, "dateOfBirth", "1990-01-01",
        "address", json("address1", "2 Bay Street", "city", "Tampa", "state", "FL", "zip", "33602"));
  }

  @Test
  void anotherParentsHierarchyIs403AndAnUnknownOne404() {
    assertThat(post(CUSTOMERS, json("sessionId", session, "parentId", OTHER_PARENT_ID)).statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = post(CUSTOMERS, json("sessionId", session, "parentId", "999999"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(read(unknown.body()).get("message").asText()).isEqualTo("not found");
    assertThat(post(PROGRAMS, json("sessionId", session, "customerId", OTHER_BUSINESS)).statusCode()).isEqualTo(403);
    assertThat(post(SEARCH_CARDS, json("sessionId", session, "customerId", OTHER_BUSINESS)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void programsCarryTheIdsTheWikiSaysToStore() {
    JsonNode programs = ok(post(PROGRAMS, json("sessionId", session, "customerId", BUSINESS_REWARDS)), 200)
        .get("programs");
    assertThat(programs.findValuesAsText("customerProgramId")).containsExactly(PROGRAM_GIFT, PROGRAM_REWARDS);
    assertThat(programs.get(0).fieldNames()).toIterable().containsExactly("customerProgramId", "programId",
        "productId", "fundingId", "productType", "subProgramId", "name");
  }

  @Test
  void readsCarryAnETagAndIfNoneMatchIs304WithoutABodyUntilTheDataChanges() {
    String body = json("sessionId", session, "cardholderId", CARDHOLDER_JOE_SMITH).toString();
    HttpResponse<String> first = post(GET_CARDHOLDER, body, PRIMARY_KEY);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    HttpResponse<String> cached = dev.paykit.sandbox.SandboxHttp.send(request(GET_CARDHOLDER, PRIMARY_KEY)
        .header("Content-Type", "application/json").header("If-None-Match", etag)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(cached.statusCode()).isEqualTo(304);
    assertThat(cached.body()).isEmpty();
    assertThat(cached.headers().firstValue("ETag")).hasValue(etag);

    ok(post(UPDATE_CARDHOLDER, json("sessionId", session, "cardholderId", CARDHOLDER_JOE_SMITH, "phone", "+18135550100")),
        200);
    HttpResponse<String> changed = dev.paykit.sandbox.SandboxHttp.send(request(GET_CARDHOLDER, PRIMARY_KEY)
        .header("Content-Type", "application/json").header("If-None-Match", etag)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(read(changed.body()).get("phone").asText()).isEqualTo("+18135550100");
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void aPersonalizedOrderMakesRegisteredCardsDigitalOnesActive() {
    JsonNode order = ok(post(ORDER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_REWARDS, "orderDetails", json("cardType", "digital",
            "cardholders", List.of(profile("Ada", "King"), profile("Bob", "Stone"))))), 201);
    assertThat(order.get("orderId").asText()).startsWith("ORD");
    assertThat(order.get("orderStatus").asText()).isEqualTo("placed");
    assertThat(order.get("cards")).hasSize(2);
    JsonNode card = order.get("cards").get(0);
    assertThat(card.get("status").asText()).isEqualTo("active");
    assertThat(card.get("cardType").asText()).isEqualTo("digital");
    assertThat(card.get("balance").decimalValue()).isEqualByComparingTo("0");
    assertThat(card.get("cardholderId").isTextual()).isTrue();
    assertThat(card.get("expDate").asText()).isEqualTo("11302029");
    assertThat(card.has("pan")).as("no PAN in answers").isFalse();

    JsonNode holder = ok(post(GET_CARDHOLDER, json("sessionId", session, "cardholderId",
        card.get("cardholderId").asText())), 200);
    assertThat(holder.get("firstName").asText()).isEqualTo("Ada");
    assertThat(holder.get("age").asInt()).isEqualTo(36);
    assertThat(holder.get("proxyKeys").get(0).asText()).isEqualTo(card.get("proxyKey").asText());
  }

  @Test
  void anOrderNamesEveryWrongFieldItStopsAt() {
    assertThat(ptError(post(ORDER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_REWARDS, "orderDetails", json("cardType", "digital",
            "cardholders", List.of(profile("Ada", "King"), json("firstName", "Bob"))))), 400003,
        "invalid JSON parameters")).endsWith("orderDetails.cardholders[1].lastName is required");
    assertThat(post(ORDER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_PAYROLL, "orderDetails", json("cardType", "digital",
            "cardholders", List.of(profile("Ada", "King"))))).statusCode()).isEqualTo(404);
  }

  @Test
  void instantIssueInventoryIsUnregisteredAndRegistersByProxyKeyOrPan() {
    JsonNode order = ok(post(ORDER_INSTANT, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_GIFT, "quantity", 3,
        "shippingAddress", json("address1", "1 Dock Rd", "city", "Tampa", "state", "FL", "zip", "33602-1234"))), 201);
    assertThat(order.get("cards")).hasSize(3);
    assertThat(order.get("cards").get(0).get("cardholderId").isNull()).isTrue();
    String proxyKey = order.get("cards").get(0).get("proxyKey").asText();

    JsonNode byProxy = ok(post(REGISTER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_GIFT, "proxyKey", proxyKey, "cardholder", profile("Cy", "Vance"))), 201);
    assertThat(byProxy.get("orderId").asText()).startsWith("ORD");
    assertThat(byProxy.get("proxyKey").asText()).isEqualTo(proxyKey);

    JsonNode byPan = ok(post(REGISTER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_GIFT, "panNumber", INVENTORY_PANS.get(0), "cardholder", profile("Di", "Wu"))), 201);
    assertThat(byPan.get("proxyKey").asText()).isEqualTo(INVENTORY_CARDS.get(0));

    assertThat(ptError(post(REGISTER_CARD, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_GIFT, "proxyKey", proxyKey, "cardholder", profile("Cy", "Vance"))), 400004,
        "failed precondition")).endsWith("is already registered");
  }

  @Test
  void registrationNeedsExactlyOneOfProxyKeyAndPanNumber() {
    for (JsonNode both : List.of(
        json("sessionId", session, "customerId", BUSINESS_REWARDS, "customerProgramId", PROGRAM_GIFT,
            "cardholder", profile("A", "B")),
        json("sessionId", session, "customerId", BUSINESS_REWARDS, "customerProgramId", PROGRAM_GIFT,
            "proxyKey", INVENTORY_CARDS.get(0), "panNumber", INVENTORY_PANS.get(1), "cardholder", profile("A", "B")))) {
      assertThat(ptError(post(REGISTER_CARD, both), 400003, "invalid JSON parameters"))
          .endsWith("proxyKey or panNumber: exactly one of them is required");
    }
  }

  @Test
  void bulkRegistrationAnswersOrderIdsInOrderAndIsAllOrNothing() {
    JsonNode refused = json("sessionId", session, "customerId", BUSINESS_REWARDS, "customerProgramId", PROGRAM_GIFT,
        "cards", List.of(json("proxyKey", INVENTORY_CARDS.get(0), "cardholder", profile("A", "One")),
            json("proxyKey", "PK9999999999", "cardholder", profile("B", "Two"))));
    assertThat(post(REGISTER_CARDS, refused).statusCode()).isEqualTo(404);
    JsonNode unchanged = ok(post(SEARCH_CARDS + query("proxyKey", INVENTORY_CARDS.get(0)),
        json("sessionId", session, "customerId", BUSINESS_REWARDS)), 200);
    assertThat(unchanged.get("cards").get(0).get("cardholderId").isNull()).isTrue();

    JsonNode twice = json("sessionId", session, "customerId", BUSINESS_REWARDS, "customerProgramId", PROGRAM_GIFT,
        "cards", List.of(json("proxyKey", INVENTORY_CARDS.get(0), "cardholder", profile("A", "One")),
            json("panNumber", INVENTORY_PANS.get(0), "cardholder", profile("B", "Two"))));
    ptError(post(REGISTER_CARDS, twice), 400004, "failed precondition");

    JsonNode ok = ok(post(REGISTER_CARDS, json("sessionId", session, "customerId", BUSINESS_REWARDS,
        "customerProgramId", PROGRAM_GIFT, "cards", List.of(
            json("proxyKey", INVENTORY_CARDS.get(0), "cardholder", profile("A", "One")),
            json("panNumber", INVENTORY_PANS.get(1), "cardholder", profile("B", "Two"))))), 201);
    assertThat(ok.get("orderIds")).hasSize(2);
    assertThat(ok.get("orderIds").get(0).asText()).isNotEqualTo(ok.get("orderIds").get(1).asText());
  }

  @Test
  void searchCardsFiltersByPropertyAndQ() {
    JsonNode active = ok(post(SEARCH_CARDS + query("status", "fraud"),
        json("sessionId", session, "customerId", BUSINESS_REWARDS)), 200);
    assertThat(active.get("cards").findValuesAsText("proxyKey")).containsExactly(CARD_FRAUD);
    JsonNode rich = ok(post(SEARCH_CARDS + query("q", "balance:[50 TO *] AND NOT status:fraud", "sort_by", "desc(balance)"),
        json("sessionId", session, "customerId", BUSINESS_REWARDS)), 200);
    assertThat(rich.get("cards").findValuesAsText("proxyKey")).containsExactly(CARD_JOANNA_LEE, CARD_JOE_SMITH);
    assertThat(rich.get("total").asInt()).isEqualTo(2);
    ptError(post(SEARCH_CARDS + query("status", "gone"), json("sessionId", session, "customerId", BUSINESS_REWARDS)),
        400001, "invalid query parameters");
  }

  @Test
  void cardStatusChangesExceptOutOfClosedAndPtsOwnStatuses() {
    JsonNode card = ok(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_JOE_BROWN, "status", "suspended",
        "reason", "customer request")), 200);
    assertThat(card.get("status").asText()).isEqualTo("suspended");
    assertThat(pt.cardStatus(CARD_JOE_BROWN)).isEqualTo("suspended");
    ptError(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_JOE_BROWN, "status", "fraud")), 400004,
        "failed precondition");
    ptError(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_FRAUD, "status", "active")), 402002,
        "account inactive due to fraud");
    ok(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_JOE_BROWN, "status", "closed")), 200);
    ptError(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_JOE_BROWN, "status", "active")), 400004,
        "failed precondition");
  }

  @Test
  void aDuplicateTakesOverTheBalanceAndClosesTheOldCard() {
    JsonNode order = ok(post(DUPLICATE, json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 201);
    JsonNode copy = order.get("cards").get(0);
    assertThat(copy.get("proxyKey").asText()).isNotEqualTo(CARD_JOE_SMITH);
    assertThat(copy.get("balance").decimalValue()).isEqualTo(new BigDecimal("50.00"));
    assertThat(copy.get("cardholderId").asText()).isEqualTo(CARDHOLDER_JOE_SMITH);
    assertThat(copy.get("status").asText()).isEqualTo("inactive");
    assertThat(pt.cardStatus(CARD_JOE_SMITH)).isEqualTo("closed");
    assertThat(pt.cardBalance(CARD_JOE_SMITH)).isEqualTo(new BigDecimal("0.00"));
    ptError(post(DUPLICATE, json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 400004, "failed precondition");
    ptError(post(DUPLICATE, json("sessionId", session, "proxyKey", CARD_CHARGED_OFF)), 402003,
        "account is charged off");
  }
}
