package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.PrunnyHttp.hold;
import static dev.paykit.sandbox.prunny.PrunnyHttp.release;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Amount blocks: holdfund, releasefund and heldfund. */
class PrunnyHoldsTest extends PrunnySimulatorTestBase {
  private static final String HOLD = "/v1/transactions/holdfund";
  private static final String RELEASE = "/v1/transactions/releasefund";
  private static final String HELD = "/v1/transactions/heldfund/" + ACCOUNT_ADAEZE + "/lien-1";
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static JsonNode post(String path, String body) {
    HttpResponse<String> response = http.post(path, "key-" + KEYS.incrementAndGet(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static String status(String path, String body) {
    return post(path, body).get("status").asText();
  }

  @Test
  void aHoldReducesTheAvailableBalanceButNotTheLedger() {
    JsonNode answer = post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "120000.00"));

    assertThat(answer.get("status").asText()).isEqualTo("00");
    assertThat(answer.get("data").get("transactionRef").asText()).matches("PRN[0-9]{12}");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("380000.00");
    assertThat(sandbox.prunny().ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
    JsonNode balance = json(http.get("/v1/accounts/balance/" + ACCOUNT_ADAEZE)).get("data");
    assertThat(balance.get("availableBalance").decimalValue()).isEqualByComparingTo("380000.00");
    assertThat(balance.get("clearedBalance").decimalValue()).isEqualByComparingTo("500000.00");
    assertThat(balance.get("holdBalance").decimalValue()).isEqualByComparingTo("120000.00");
  }

  @Test
  void aHoldNamesTheAccountAsObnDoesNotAsReleaseDoes() {
    HttpResponse<String> response = http.post(HOLD, "key-" + KEYS.incrementAndGet(),
        hold("lien-1", ACCOUNT_ADAEZE, "120000.00").replace("\"account\"", "\"accountNumber\""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("required field: account");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
  }

  @Test
  void heldfundShowsTheHold() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "120000.00"));

    JsonNode held = json(http.get(HELD)).get("data");

    assertThat(held.get("referenceId").asText()).isEqualTo("lien-1");
    assertThat(held.get("accountNumber").asText()).isEqualTo(ACCOUNT_ADAEZE);
    assertThat(held.get("amount").toString()).isEqualTo("120000.00");
    assertThat(held.get("currency").asText()).isEqualTo("NGN");
    assertThat(held.get("startHoldDate").asText()).isEqualTo("2026-11-21T10:00:00+00:00");
    assertThat(held.get("endHoldDate").asText()).isEqualTo("2026-11-28T10:00:00+00:00");
  }

  @Test
  void heldMoneyCannotBeTransferred() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "450000.00"));

    String over = PrunnyHttp.intraTransfer("t-1", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "50000.01");
    String exactly = PrunnyHttp.intraTransfer("t-2", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "50000.00");

    assertThat(status("/v1/transactions/singletransferwithbank", over)).isEqualTo("51");
    assertThat(status("/v1/transactions/singletransferwithbank", exactly)).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("0.00");
  }

  @Test
  void releasingInPartsGivesTheMoneyBackAndEndsTheHold() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "120000.00"));

    assertThat(status(RELEASE, release("lien-1", ACCOUNT_ADAEZE, "20000.00"))).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("400000.00");
    assertThat(json(http.get(HELD)).get("data").get("amount").decimalValue()).isEqualByComparingTo("100000.00");

    assertThat(status(RELEASE, release("lien-1", ACCOUNT_ADAEZE, "100000.00"))).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
    HttpResponse<String> gone = http.get(HELD);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).get("errorCode").asText()).isEqualTo("25");
  }

  @Test
  void holdingMoreThanIsAvailableIs69() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "300000.00"));

    JsonNode answer = post(HOLD, hold("lien-2", ACCOUNT_ADAEZE, "200000.01"));

    assertThat(answer.get("status").asText()).isEqualTo("69");
    assertThat(answer.get("data").get("errorCode").asText()).isEqualTo("69");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("200000.00");
  }

  @Test
  void releasingAnUnknownHoldOrMoreThanIsHeldIs70() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "1000.00"));

    assertThat(status(RELEASE, release("lien-9", ACCOUNT_ADAEZE, "1.00"))).isEqualTo("70");
    assertThat(status(RELEASE, release("lien-1", ACCOUNT_ADAEZE, "1000.01"))).isEqualTo("70");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("499000.00");
  }

  @Test
  void unknownAccountsAndRepeatedReferencesAreRefused() {
    post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "1000.00"));

    assertThat(status(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "1000.00"))).isEqualTo("94");
    assertThat(status(HOLD, hold("lien-1", "9999999999", "1000.00"))).isEqualTo("07");
    assertThat(status(HOLD, hold("lien-1", ACCOUNT_BABATUNDE, "1000.00"))).as("per account").isEqualTo("00");
    assertThat(http.get("/v1/transactions/heldfund/9999999999/lien-1").statusCode()).isEqualTo(404);
  }

  @Test
  void theHoldsTransactionRefIsKnownToTheStatusQuery() {
    String ref = post(HOLD, hold("lien-1", ACCOUNT_ADAEZE, "1000.00")).get("data").get("transactionRef").asText();

    JsonNode status = json(http.get("/v1/transactions/confirmation/" + ref));

    assertThat(status.get("data").get("statusCode").asText()).isEqualTo("00");
  }

  @Test
  void anEndBeforeTheStartIs400() {
    String body = hold("lien-1", ACCOUNT_ADAEZE, "1.00").replace("2026-11-28", "2026-11-01");

    assertThat(http.post(HOLD, "k", body).statusCode()).isEqualTo(400);
  }
}
