package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loads and unloads against the master funds account, their refusals, the load history and cut answers. */
class PtApiMoneyTest extends PtApiTestBase {
  String session;

  @BeforeEach
  void logIn() {
    session = login();
  }

  private String load(String proxyKey, String amount, String reference) {
    // the amount as a raw JSON number, exactly as written (12.50 stays 12.50)
    return "{\"sessionId\":\"" + session + "\",\"proxyKey\":\"" + proxyKey + "\",\"amount\":" + amount
        + ",\"referenceId\":\"" + reference + "\"}";
  }

  @Test
  void aLoadMovesTheAmountFromTheMasterFundsAccountToTheCard() {
    JsonNode tx = ok(post(LOAD, load(CARD_JOE_SMITH, "12.50", "ref-1"), PRIMARY_KEY), 200);
    assertThat(tx.get("transactionId").asText()).startsWith("TX");
    assertThat(tx.get("referenceId").asText()).isEqualTo("ref-1");
    assertThat(tx.get("type").asText()).isEqualTo("load");
    assertThat(tx.get("amount").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    assertThat(tx.get("cardBalance").decimalValue()).isEqualTo(new BigDecimal("62.50"));
    assertThat(tx.get("masterFundsBalance").decimalValue()).isEqualTo(new BigDecimal("9987.50"));
    assertThat(tx.get("createdAt").asText()).isEqualTo(NOW.toString());
    assertThat(pt.masterFundsBalance(BUSINESS_REWARDS)).isEqualTo(new BigDecimal("9987.50"));
    assertThat(pt.cardBalance(CARD_JOE_SMITH)).isEqualTo(new BigDecimal("62.50"));

    JsonNode back = ok(post(UNLOAD, load(CARD_JOE_SMITH, "2.5", "ref-2"), PRIMARY_KEY), 200);
    assertThat(back.get("amount").decimalValue()).isEqualTo(new BigDecimal("2.50"));
    assertThat(back.get("cardBalance").decimalValue()).isEqualTo(new BigDecimal("60.00"));
    assertThat(pt.masterFundsBalance(BUSINESS_REWARDS)).isEqualTo(new BigDecimal("9990.00"));
    assertThat(pt.transactions()).extracting(Transaction::referenceId).containsExactly("ref-1", "ref-2");
  }

  @Test
  void aLoadAboveTheMasterFundsBalanceIsRefusedAndMovesNothing() {
    pt.masterFundsBalance(BUSINESS_REWARDS, new BigDecimal("20.00"));
    assertThat(ptError(post(LOAD, load(CARD_JOE_SMITH, "20.01", "ref-1"), PRIMARY_KEY), 400004,
        "failed precondition")).contains("holds 20.00, less than 20.01");
    assertThat(pt.masterFundsBalance(BUSINESS_REWARDS)).isEqualTo(new BigDecimal("20.00"));
    assertThat(pt.transactions()).isEmpty();
    ok(post(LOAD, load(CARD_JOE_SMITH, "20.00", "ref-1"), PRIMARY_KEY), 200);
    assertThat(pt.masterFundsBalance(BUSINESS_REWARDS)).isEqualByComparingTo("0");
  }

  @Test
  void amountsAreJsonNumbersOfWholeCentsWithinBounds() {
    for (String bad : new String[] {"\"10.00\"", "0", "-1.00", "0.001", "100000.01", "1e3x", "null"}) {
      String body = load(CARD_JOE_SMITH, bad, "ref-1");
      int status = post(LOAD, body, PRIMARY_KEY).statusCode();
      assertThat(status).as(bad).isEqualTo(400);
    }
    assertThat(ptError(post(LOAD, load(CARD_JOE_SMITH, "0.001", "r"), PRIMARY_KEY), 400003,
        "invalid JSON parameters")).endsWith("amount must be whole cents (at most 2 decimals)");
    ok(post(LOAD, load(CARD_JOE_SMITH, "1E+1", "ref-e"), PRIMARY_KEY), 200);
    assertThat(pt.cardBalance(CARD_JOE_SMITH)).isEqualTo(new BigDecimal("60.00"));
    assertThat(pt.transactions()).hasSize(1);
  }

  @Test
  void accountStatesAreThe402FamilyAndOtherCardStates400004() {
    ptError(post(LOAD, load(CARD_FRAUD, "1.00", "a"), PRIMARY_KEY), 402002, "account inactive due to fraud");
    ptError(post(UNLOAD, load(CARD_FRAUD, "1.00", "b"), PRIMARY_KEY), 402002, "account inactive due to fraud");
    ptError(post(LOAD, load(CARD_CHARGED_OFF, "1.00", "c"), PRIMARY_KEY), 402003, "account is charged off");
    ptError(post(LOAD, load(CARD_OF_INACTIVE_CARDHOLDER, "1.00", "d"), PRIMARY_KEY), 402004,
        "cardholder not active");
    ok(post(CHANGE_STATUS, json("sessionId", session, "proxyKey", CARD_JOE_BROWN, "status", "lost")), 200);
    assertThat(ptError(post(LOAD, load(CARD_JOE_BROWN, "1.00", "e"), PRIMARY_KEY), 400004, "failed precondition"))
        .endsWith("card " + CARD_JOE_BROWN + " is lost");
    assertThat(pt.transactions()).isEmpty();
  }

  @Test
  void anUnregisteredCardHoldsAtMost1000AndAnUnloadAtMostTheBalance() {
    String card = INVENTORY_CARDS.get(0);
    ok(post(LOAD, load(card, "1000.00", "a"), PRIMARY_KEY), 200);
    ptError(post(LOAD, load(card, "0.01", "b"), PRIMARY_KEY), 400005, "out of range");
    assertThat(ptError(post(UNLOAD, load(CARD_JOE_SMITH, "50.01", "c"), PRIMARY_KEY), 400005, "out of range"))
        .contains("holds 50.00, less than 50.01");
  }

  @Test
  void aReferenceIsUsedOncePerBusiness() {
    ok(post(LOAD, load(CARD_JOE_SMITH, "1.00", "same"), PRIMARY_KEY), 200);
    assertThat(ptError(post(LOAD, load(CARD_JOANNA_LEE, "1.00", "same"), PRIMARY_KEY), 400004,
        "failed precondition")).endsWith("referenceId same was already used");
    ok(post(LOAD, load(CARD_PAYROLL, "1.00", "same"), PRIMARY_KEY), 200); // another business
  }

  @Test
  void theLoadHistoryListsLoadsAndUnloadsNewestFirstInPages() {
    ok(post(LOAD, load(CARD_JOE_SMITH, "1.00", "r1"), PRIMARY_KEY), 200);
    ok(post(LOAD, load(CARD_JOANNA_LEE, "2.00", "other-card"), PRIMARY_KEY), 200);
    ok(post(UNLOAD, load(CARD_JOE_SMITH, "3.00", "r2"), PRIMARY_KEY), 200);
    ok(post(LOAD, load(CARD_JOE_SMITH, "4.00", "r3"), PRIMARY_KEY), 200);
    JsonNode all = ok(post(HISTORY, json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 200);
    assertThat(all.get("transactions").findValuesAsText("referenceId")).containsExactly("r3", "r2", "r1");
    assertThat(all.get("total").asInt()).isEqualTo(3);
    JsonNode page = ok(post(HISTORY + query("limit", "1", "offset", "1"),
        json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 200);
    assertThat(page.get("transactions").findValuesAsText("referenceId")).containsExactly("r2");
    ptError(post(HISTORY + query("limit", "0"), json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 400001,
        "invalid query parameters");
    ptError(post(HISTORY + query("q", "x:1"), json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 400001,
        "invalid query parameters");
  }

  @Test
  void aCutLoadAnswerStillMovedTheMoneyAndTheHistoryTellsIt() {
    pt.dropConnectionAfterNextLoads(1);
    ok(post(HISTORY, json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 200); // not a load: not cut
    HttpRequest request = request(LOAD, PRIMARY_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(load(CARD_JOE_SMITH, "5.00", "cut-1"))).build();
    assertThatThrownBy(() -> SandboxHttp.sendRaw(request)).isInstanceOf(IOException.class);
    assertThat(pt.cardBalance(CARD_JOE_SMITH)).isEqualTo(new BigDecimal("55.00"));
    JsonNode history = ok(post(HISTORY, json("sessionId", session, "proxyKey", CARD_JOE_SMITH)), 200);
    assertThat(history.get("transactions").get(0).get("referenceId").asText()).isEqualTo("cut-1");
    ok(post(LOAD, load(CARD_JOE_SMITH, "1.00", "next"), PRIMARY_KEY), 200); // one cut only
  }

  @Test
  void concurrentLoadsOnOneCardLoseNothing() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String body = load(CARD_JOE_SMITH, "1.25", "c-" + i);
        answers.add(pool.submit(() -> post(LOAD, body, PRIMARY_KEY).statusCode()));
      }
      for (java.util.concurrent.Future<Integer> answer : answers) {
        assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(pt.cardBalance(CARD_JOE_SMITH)).isEqualTo(new BigDecimal("100.00"));
    assertThat(pt.masterFundsBalance(BUSINESS_REWARDS)).isEqualTo(new BigDecimal("9950.00"));
    assertThat(pt.transactions()).hasSize(40);
  }

  @Test
  void queuedFaultsComeBeforeTheKeyAndTheSession() {
    pt.failNext(1, 503);
    assertThat(post(LOAD, load(CARD_JOE_SMITH, "1.00", "f"), null).statusCode()).isEqualTo(503);
    pt.dropConnectionBeforeProcessingNext(1);
    HttpRequest request = request(LOAD, PRIMARY_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(load(CARD_JOE_SMITH, "1.00", "f"))).build();
    assertThatThrownBy(() -> SandboxHttp.sendRaw(request)).isInstanceOf(IOException.class);
    assertThat(pt.transactions()).isEmpty();
    pt.dropConnectionAfterProcessingNext(1);
    assertThatThrownBy(() -> SandboxHttp.sendRaw(request)).isInstanceOf(IOException.class);
    assertThat(pt.transactions()).extracting(Transaction::referenceId).containsExactly("f");
  }
}
