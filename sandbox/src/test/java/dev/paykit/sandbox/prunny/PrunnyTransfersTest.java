package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.prunny.PrunnyHttp.interTransfer;
import static dev.paykit.sandbox.prunny.PrunnyHttp.intraTransfer;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single and bulk transfers: money movement, the response envelope and the business codes. */
class PrunnyTransfersTest extends PrunnySimulatorTestBase {
  private static final String INTRA = "/v1/transactions/singletransferwithbank";
  private static final String INTER = "/v1/transactions/singleInterbankTransfer";

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  /** An intra-bank transfer under key k-1 with referenceId ref-1. */
  private static HttpResponse<String> intra(String source, String destination, String amount) {
    return http.post(INTRA, "k-1", intraTransfer("ref-1", source, destination, amount));
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void anIntraBankTransferDebitsTheSourceCreditsTheDestinationAndAnswers00() {
    HttpResponse<String> response = intra(ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "1500.50");

    JsonNode body = ok(response);
    assertThat(body.get("status").asText()).isEqualTo("00");
    assertThat(body.get("message").asText()).isEqualTo("Approved or completed successfully");
    assertThat(body.get("data").get("transactionRef").asText()).matches("PRN[0-9]{12}");
    assertThat(body.get("data").get("expansionFields").get(0).get("id").asText()).isEqualTo("sessionId");
    assertThat(body.get("data").get("expansionFields").get(0).get("value").asText()).hasSize(30);
    assertThat(body.get("data").has("errorCode")).isFalse();
    assertThat(body.get("expansionFields")).isNotEmpty();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("498499.50");
    assertThat(sandbox.prunny().ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("498499.50");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("251500.50");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    Transfer transfer = sandbox.prunny().transfers().get(0);
    assertThat(transfer.transactionRef()).isEqualTo(body.get("data").get("transactionRef").asText());
    assertThat(transfer.type()).isEqualTo(Transfer.Type.INTRA_BANK);
    assertThat(transfer.credits()).containsExactly(
        new Transfer.Credit(PrunnySimulator.BANK_CODE, ACCOUNT_BABATUNDE, money("1500.50")));
  }

  @Test
  void balancesAreJsonNumbersWithTwoDecimals() {
    intra(ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "1500.5");

    String balance = ok(http.get("/v1/accounts/balance/" + ACCOUNT_ADAEZE)).toString();

    assertThat(balance).contains("\"availableBalance\":498499.50", "\"clearedBalance\":498499.50",
        "\"holdBalance\":0.00");
  }

  @Test
  void anInterBankTransferToADirectoryAccountDebitsTheSource() {
    JsonNode body = ok(http.post(INTER, "k-1", interTransfer("ref-1", ACCOUNT_ADAEZE,
        Fixtures.BANK_GTB, Fixtures.GTB_ACCOUNT, "20000.00")));

    assertThat(body.get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("480000.00");
    assertThat(sandbox.prunny().transfers().get(0).credits().get(0).bankCode()).isEqualTo("058");
  }

  @Test
  void notEnoughAvailableMoneyIs51AndMovesNothing() {
    JsonNode body = ok(intra(ACCOUNT_CHIAMAKA, ACCOUNT_BABATUNDE, "1000.01"));

    assertThat(body.get("status").asText()).isEqualTo("51");
    assertThat(body.get("message").asText()).startsWith("No sufficient funds").contains("1000.00");
    assertThat(body.get("data").get("errorCode").asText()).isEqualTo("51");
    assertThat(body.get("data").get("errorMessage").asText()).contains("1000.01");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("1000.00");
    assertThat(sandbox.prunny().transferCount()).isZero();
    String ref = body.get("data").get("transactionRef").asText();
    JsonNode status = ok(http.get("/v1/transactions/confirmation/" + ref));
    assertThat(status.get("status").asText()).isEqualTo("00");
    assertThat(status.get("data").get("statusCode").asText()).isEqualTo("51");
  }

  @Test
  void theWholeAvailableBalanceCanBeSent() {
    JsonNode body = ok(intra(ACCOUNT_CHIAMAKA, ACCOUNT_BABATUNDE, "1000"));

    assertThat(body.get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("0");
  }

  @Test
  void anAmountAboveTheTransferLimitIs61BeforeFundsAreLookedAt() {
    JsonNode body = ok(intra(ACCOUNT_CHIAMAKA, ACCOUNT_BABATUNDE, "5000000.01"));

    assertThat(body.get("status").asText()).isEqualTo("61");
    assertThat(body.get("data").get("errorMessage").asText()).contains("5000000.00");
  }

  @Test
  void theTransferLimitIsConfigurable() {
    sandbox.prunny().transferLimit(money("1000.00"));

    assertThat(ok(intra(ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "1000.00"))
        .get("status").asText()).isEqualTo("00");
    assertThat(ok(http.post(INTRA, "k-2", intraTransfer("ref-2", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "1000.01")))
        .get("status").asText()).isEqualTo("61");
  }

  @ParameterizedTest(name = "{0} -> {4}")
  @CsvSource({
      "unknown source,          2000000017, 999, 1000000031, 99",
      "unknown destination,     1000000017, 999, 2000000014, 100",
      "same account,            1000000017, 999, 1000000017, 12",
      "unknown bank code,       1000000017, 057, 0123456785, 16",
      "unknown at a known bank, 1000000017, 044, 0123456785, 100",
      "OFI destination,         1000000017, 999, 500000000000001, 00"})
  void accountsAndBanksAreChecked(String why, String source, String bank, String destination, String code) {
    String body = bank.equals("999") ? intraTransfer("ref-1", source, destination, "10.00")
        : interTransfer("ref-1", source, bank, destination, "10.00");

    JsonNode answer = ok(http.post(bank.equals("999") ? INTRA : INTER, "k-1", body));

    assertThat(answer.get("status").asText()).isEqualTo(code);
    assertThat(sandbox.prunny().transferCount()).isEqualTo(code.equals("00") ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"amount\": 10.00|\"amount\": 10.001|amount",
      "\"amount\": 10.00|\"amount\": \"10.00\"|amount",
      "\"amount\": 10.00|\"amount\": -10.00|amount",
      "\"sourceAccount\": \"1000000017\"|\"sourceAccount\": \"12345\"|sourceAccount",
      "\"referenceId\": \"ref-1\",|\"referenceId\": null,|referenceId",
      "\"sourceAmount\": 10.00|\"sourceAmount\": 11.00|sourceAmount",
      "{|{{|malformed JSON",
      "\"channel\": \"Mobile\",|\"channel\": \"Mobile\", \"channel\": \"USSD\",|channel"})
  void invalidBodiesAre400AndExecuteNothing(String from, String to, String named) {
    String body = intraTransfer("ref-1", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "10.00").replace(from, to);

    HttpResponse<String> response = http.post(INTRA, "k-1", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("errorCode").asText()).isEqualTo("30");
    assertThat(json(response).get("message").asText()).contains(named);
    assertThat(sandbox.prunny().transfers()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"[1]|must be a JSON object", "{} {}|malformed JSON", "|body is required"})
  void bodiesThatAreNotOneJsonObjectAre400(String body, String message) {
    HttpResponse<String> response = http.post(INTRA, "k-1", body == null ? "" : body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains(message);
  }

  @Test
  void aBulkIntraBankTransferSharesTheTotalEquallyWhenItemsGiveNoAmount() {
    String body = """
        {"batchId": "b-1", "channel": "Mobile", "referenceId": "bulk-1", "sourceAccount": "%s",
         "sourceAccountName": "Adaeze Okafor", "sourceAmount": 3000.00, "sourceCurrency": "NGN",
         "sourceNarration": "Team lunch", "transactions": [
           {"destinationAccount": "%s", "destinationAccountName": "B", "destinationNarration": "Lunch"},
           {"destinationAccount": "%s", "destinationAccountName": "C", "destinationNarration": "Lunch"}]}"""
        .formatted(ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, ACCOUNT_CHIAMAKA);

    JsonNode answer = ok(http.post("/v1/transactions/multiIntrabankTransfer", "k-1", body));

    assertThat(answer.get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497000.00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("251500.00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("2500.00");
  }

  @Test
  void aBulkInterBankTransferWithItemAmountsIsOneTransferOfTheTotal() {
    String body = """
        {"batchId": "b-1", "channel": "Mobile", "referenceId": "bulk-1", "sourceAccount": "%s",
         "sourceAccountName": "Adaeze Okafor", "sourceAmount": 3500.00, "sourceCurrency": "NGN",
         "sourceNarration": "Refunds", "transactions": [
           {"destinationAccount": "%s", "destinationAccountName": "I", "destinationBankCode": "058",
            "destinationNarration": "Refund", "amount": 1000.00},
           {"destinationAccount": "%s", "destinationAccountName": "M", "destinationBankCode": "011",
            "destinationNarration": "Refund", "amount": 2500.00}]}"""
        .formatted(ACCOUNT_ADAEZE, Fixtures.GTB_ACCOUNT, Fixtures.FIRST_BANK_ACCOUNT);

    JsonNode answer = ok(http.post("/v1/transactions/multipleinterbankTransfer", "k-1", body));

    assertThat(answer.get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("496500.00");
    Transfer transfer = sandbox.prunny().transfers().get(0);
    assertThat(transfer.amount()).isEqualByComparingTo("3500.00");
    assertThat(transfer.credits()).extracting(Transfer.Credit::bankCode).containsExactly("058", "011");
  }
}
