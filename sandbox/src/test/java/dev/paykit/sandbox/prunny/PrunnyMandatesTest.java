package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Direct-debit mandates: create, pay within the limits, get, update, cancel. */
class PrunnyMandatesTest extends PrunnySimulatorTestBase {
  private static final AtomicInteger KEYS = new AtomicInteger();

  /** Babatunde's gym membership: at most 15000.00 a debit, 2 debits, monthly, paid to Chiamaka. */
  private static String mandate(String referenceId, String maximumAmount) {
    return """
        {"referenceId": "%s", "description": "Gym membership", "sourceAccount": "%s",
         "sourceAccountName": "Babatunde Adeyemi", "maximumAmount": %s, "maximumTransactions": 2,
         "sourceCurrency": "NGN", "startDate": "2026-11-01T00:00:00Z", "endDate": "2027-11-01T00:00:00Z",
         "frequency": "monthly", "merchantAccount": "%s", "merchantAccountName": "Chiamaka Eze",
         "merchantCurrency": "NGN", "statusWebHook": "https://merchant.example/status/"}"""
        .formatted(referenceId, ACCOUNT_BABATUNDE, maximumAmount, ACCOUNT_CHIAMAKA);
  }

  private static JsonNode post(String path, String body) {
    HttpResponse<String> response = http.post(path, "key-" + KEYS.incrementAndGet(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static String create() {
    JsonNode created = post("/v1/directdebit/create", mandate("gym-1", "15000.00"));
    assertThat(created.get("status").asText()).isEqualTo("00");
    return created.get("data").get("mandateID").asText();
  }

  private static JsonNode pay(String mandateId, String amount) {
    return post("/v1/directdebit/" + mandateId + "/pay", "{\"amount\": " + amount + "}");
  }

  @Test
  void aNewMandateIsValidAtOnce() {
    JsonNode created = post("/v1/directdebit/create", mandate("gym-1", "15000.00"));

    JsonNode data = created.get("data");
    assertThat(data.get("mandateID").asText()).isEqualTo("MDT00000001");
    assertThat(data.get("mandateStatus").asText()).isEqualTo("valid");
    assertThat(data.get("transactionRef").asText()).matches("PRN[0-9]{12}");
    assertThat(data.get("nextPossibleChargeDate").asText()).isEqualTo("2026-11-01");
    JsonNode got = json(http.get("/v1/directdebit/" + ACCOUNT_BABATUNDE + "/MDT00000001")).get("data");
    assertThat(got.get("referenceId").asText()).isEqualTo("gym-1");
    assertThat(got.get("mandateId").asText()).isEqualTo("MDT00000001"); // get-mandate's own spelling in OBN
    assertThat(got.get("mandate_status").asText()).isEqualTo("valid");
    assertThat(got.get("next_possible_charge_date").asText()).isEqualTo("2026-11-01");
    assertThat(got.has("mandateStatus")).isFalse();
    assertThat(got.get("maximumAmount").toString()).isEqualTo("15000.00");
    assertThat(got.get("merchantAccount").asText()).isEqualTo(ACCOUNT_CHIAMAKA);
  }

  @Test
  void payingDebitsTheSourceAndCreditsTheMerchant() {
    String id = create();

    JsonNode paid = pay(id, "15000.00");

    assertThat(paid.get("status").asText()).isEqualTo("00");
    assertThat(paid.get("data").get("amountDebited").toString()).isEqualTo("15000.00");
    assertThat(paid.get("data").get("referenceId").asText()).isEqualTo("gym-1");
    assertThat(paid.get("data").get("next_possible_charge_date").asText()).isEqualTo("2026-12-21");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("235000.00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("16000.00");
    assertThat(sandbox.prunny().transfers().get(0).type()).isEqualTo(Transfer.Type.MANDATE_DEBIT);
  }

  @Test
  void aDebitAboveTheMaximumAmountOrBeyondTheMaximumTransactionsIs61() {
    String id = create();

    assertThat(pay(id, "15000.01").get("status").asText()).isEqualTo("61");
    assertThat(pay(id, "100.00").get("status").asText()).isEqualTo("00");
    assertThat(pay(id, "100.00").get("status").asText()).isEqualTo("00");
    assertThat(pay(id, "100.00").get("status").asText()).isEqualTo("61");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(2);
  }

  @Test
  void aDebitWithoutTheMoneyIs51() {
    post("/v1/transactions/holdfund", PrunnyHttp.hold("lien", ACCOUNT_BABATUNDE, "245000.00"));
    String id = create();

    JsonNode refused = pay(id, "5000.01");

    assertThat(refused.get("status").asText()).isEqualTo("51");
    assertThat(refused.get("message").asText()).startsWith("No sufficient funds").contains("5000.00");
    assertThat(refused.get("data").has("amountDebited")).isFalse();
    assertThat(refused.get("data").get("mandate_status").asText()).isEqualTo("valid");
  }

  @Test
  void anUpdateChangesTheTerms() {
    String id = create();

    HttpResponse<String> updated = http.put("/v1/directdebit/" + ACCOUNT_BABATUNDE + "/" + id, "upd-1",
        mandate("gym-1-update", "20000.00"));

    assertThat(json(updated).get("status").asText()).isEqualTo("00");
    assertThat(pay(id, "20000.00").get("status").asText()).isEqualTo("00");
  }

  @Test
  void aCancelledMandateCannotBeChargedOrCancelledAgain() {
    String id = create();

    JsonNode cancelled = post("/v1/directdebit/" + id + "/cancel", "");

    assertThat(cancelled.get("status").asText()).isEqualTo("00");
    assertThat(cancelled.get("data").get("mandate_status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.get("data").get("next_possible_charge_date").isNull()).isTrue();
    assertThat(post("/v1/directdebit/" + id + "/cancel", "").get("status").asText()).isEqualTo("21");
    assertThat(pay(id, "10.00").get("status").asText()).isEqualTo("12");
  }

  @Test
  void unknownMandatesAndAccountsAreRefused() {
    assertThat(pay("MDT99999999", "10.00").get("status").asText()).isEqualTo("12");
    assertThat(post("/v1/directdebit/create", mandate("gym-1", "1.00").replace(ACCOUNT_BABATUNDE, "9999999999"))
        .get("status").asText()).isEqualTo("99");
    assertThat(post("/v1/directdebit/create", mandate("gym-2", "1.00").replace(ACCOUNT_CHIAMAKA, "9999999999"))
        .get("status").asText()).isEqualTo("100");
    assertThat(http.get("/v1/directdebit/" + ACCOUNT_BABATUNDE + "/MDT99999999").statusCode()).isEqualTo(404);
  }

  @Test
  void aReferenceIdMakesOneMandate() {
    create();

    assertThat(post("/v1/directdebit/create", mandate("gym-1", "15000.00")).get("status").asText())
        .isEqualTo("94");
  }
}
