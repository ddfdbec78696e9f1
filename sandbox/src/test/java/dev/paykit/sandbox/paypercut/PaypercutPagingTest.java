package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursor lists: most recent first, limit, opaque last_key, filters. */
class PaypercutPagingTest extends PaypercutSimulatorTestBase {

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Every payment id, following last_key from page to page with {@code limit}. */
  private static List<JsonNode> pages(String query, int limit) {
    List<JsonNode> pages = new ArrayList<>();
    String lastKey = null;
    do {
      JsonNode page = http.get("/v2/payments?limit=" + limit + query
          + (lastKey == null ? "" : "&last_key=" + encode(lastKey))).ok();
      pages.add(page);
      lastKey = page.get("last_key").textValue();
    } while (lastKey != null);
    return pages;
  }

  @Test
  void pagesFollowTheCursorMostRecentFirstWithoutGapsOrRepeats() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      made.add(0, paidIntent(100 + i, "eur").get("latest_payment").asText());
      if (i % 4 == 0) {
        paypercut.advanceClock(Duration.ofSeconds(1));
      }
    }

    List<JsonNode> pages = pages("", 10);

    assertThat(pages).extracting(p -> p.get("items").size()).containsExactly(10, 10, 5);
    List<String> seen = new ArrayList<>();
    pages.forEach(p -> p.get("items").forEach(item -> seen.add(item.get("id").asText())));
    assertThat(seen).isEqualTo(made);
    assertThat(pages.get(2).get("last_key").isNull()).isTrue();
  }

  @Test
  void theCursorIsBase64OfTheLastItemsIdAndCreationTime() {
    for (int i = 0; i < 3; i++) {
      paidIntent(100, "eur");
    }

    JsonNode page = http.get("/v2/payments?limit=2").ok();

    String lastKey = page.get("last_key").asText();
    JsonNode cursor = SandboxHttp.json(new String(Base64.getDecoder().decode(lastKey), StandardCharsets.UTF_8));
    assertThat(cursor.toString()).isEqualTo("{\"lastId\":\"pay_0000000002\",\"lastCreatedAt\":\"2026-11-21T10:00:00Z\"}");
    assertThat(page.get("items").get(1).get("id").asText()).isEqualTo("pay_0000000002");
  }

  @Test
  void theDefaultPageHasTenItemsAndAPageThatEndsExactlyHasNoCursor() {
    for (int i = 0; i < 12; i++) {
      paidIntent(100, "eur");
    }

    assertThat(http.get("/v2/payments").ok().get("items")).hasSize(10);
    JsonNode exact = http.get("/v2/payments?limit=12").ok();
    assertThat(exact.get("items")).hasSize(12);
    assertThat(exact.get("last_key").isNull()).isTrue();
    assertThat(http.get("/v2/payments?limit=100").ok().get("items")).hasSize(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5"})
  void aLimitOutsideOneToAHundredIs400(String limit) {
    assertInvalid(http.get("/v2/payments?limit=" + limit).send(), "parameter_invalid", "limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-base64!", "e30=", "eyJsYXN0SWQiOiJ4In0=", "bm90IGpzb24="})
  void aCursorThatDoesNotDecodeIs400(String lastKey) {
    assertInvalid(http.get("/v2/payments?last_key=" + encode(lastKey)).send(), "parameter_invalid", "last_key");
  }

  @Test
  void paymentsAreFilteredByStatusCustomerCurrencyAndId() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();
    http.post("/v1/payment_intents", "{\"amount\": 100, \"currency\": \"eur\", \"customer\": \"" + customer
        + "\", \"payment_method\": \"pm_card_visa\", \"confirm\": true}").ok();
    paidIntent(200, "usd");
    http.post("/v1/payment_intents", PaypercutHttp.intent(300, "eur", PaypercutSimulator.CARD_DECLINED, true,
        "automatic")).send();

    assertThat(amounts("?status=failed")).containsExactly(300L);
    assertThat(amounts("?status=succeeded")).containsExactly(200L, 100L);
    assertThat(amounts("?currency=EUR")).containsExactly(300L, 100L);
    assertThat(amounts("?customer=" + customer + "&customer=cus_other")).containsExactly(100L);
    assertThat(amounts("?id=pay_0000000002")).containsExactly(200L);
    assertThat(amounts("?livemode=true")).isEmpty();
    assertThat(amounts("?start_date=" + encode("2026-11-21T10:00:01Z"))).isEmpty();
    assertThat(amounts("?end_date=" + encode("2026-11-21T10:00:00Z"))).hasSize(3);
    assertInvalid(http.get("/v2/payments?status=refunded").send(), "parameter_invalid", "status");
    assertInvalid(http.get("/v2/payments?start_date=yesterday").send(), "parameter_invalid", "start_date");
  }

  private static List<Long> amounts(String query) {
    List<Long> amounts = new ArrayList<>();
    http.get("/v2/payments" + query).ok().get("items").forEach(p -> amounts.add(p.get("amount").asLong()));
    return amounts;
  }

  @Test
  void eventsPageTheSameWay() {
    for (int i = 0; i < 3; i++) {
      paidIntent(100, "eur");
    }

    JsonNode first = http.get("/v1/events?limit=4").ok();
    JsonNode second = http.get("/v1/events?limit=4&last_key=" + encode(first.get("last_key").asText())).ok();

    assertThat(first.get("items")).extracting(e -> e.get("id").asText())
        .containsExactly("evt_0000000006", "evt_0000000005", "evt_0000000004", "evt_0000000003");
    assertThat(first.get("items").get(0).get("type").asText()).isEqualTo("payment_intent.captured");
    assertThat(first.get("items").get(1).get("type").asText()).isEqualTo("payment_intent.authorized");
    assertThat(second.get("items")).extracting(e -> e.get("id").asText())
        .containsExactly("evt_0000000002", "evt_0000000001");
    assertThat(second.get("last_key").isNull()).isTrue();
    assertThat(http.get("/v1/events/evt_0000000001").ok()).isEqualTo(second.get("items").get(1));
  }

  @Test
  void paymentLinksPageTheSameWay() {
    for (int i = 0; i < 3; i++) {
      http.post("/v1/payment-links", "{\"amount\": " + (100 + i) + ", \"currency\": \"eur\"}").ok();
    }

    JsonNode first = http.get("/v1/payment-links?limit=2").ok();
    JsonNode second = http.get("/v1/payment-links?limit=2&last_key=" + encode(first.get("last_key").asText())).ok();

    assertThat(first.get("items")).extracting(l -> l.get("amount").asLong()).containsExactly(102L, 101L);
    assertThat(second.get("items")).extracting(l -> l.get("amount").asLong()).containsExactly(100L);
  }
}
