package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sending money from an issued account: booking, balances, status, the debtor rules, no idempotency. */
class PruneTransfersTest extends PruneSimulatorTestBase {
  private static final String SEND = "/v1/accounts/send";

  private JsonNode send(String body) {
    return success(http.postJson(SEND, body), 202);
  }

  private String status(String id) {
    return success(http.get("/v1/accounts/transactions/" + id + "/status"), 200).get("data").asText();
  }

  @Test
  void aTransferIsBookedPendingAndTheMoneyLeavesAtOnce() {
    JsonNode body = send(PruneHttp.send(PruneSimulator.IBAN_EUR, "250.50", "inv-42"));

    assertThat(body.get("message").asText()).isEqualTo("Transfer Initiated Successfully");
    JsonNode t = body.get("data");
    assertThat(t.get("id").isNumber()).as("a number, as in the docs' example").isTrue();
    assertThat(t.get("id").asText()).isEqualTo("1001");
    assertThat(t.get("status").asText()).isEqualTo("PENDING");
    assertThat(t.get("type").asText()).isEqualTo("DEBIT");
    assertThat(t.get("amount").toString()).isEqualTo("250.50");
    assertThat(t.get("reference").asText()).isEqualTo("inv-42");
    assertThat(t.get("senderIban").asText()).isEqualTo(PruneSimulator.IBAN_EUR);
    assertThat(t.get("senderName").asText()).isEqualTo("Amelie Laurent");
    assertThat(t.get("recipientIban").asText()).isEqualTo(PruneSimulator.IBAN_COMMERZBANK);
    assertThat(t.get("recipientName").asText()).isEqualTo("Erika Mustermann");
    assertThat(t.get("centrolinkRef").asText()).startsWith("ARPY");
    assertThat(t.get("createdAt").asText()).isEqualTo("2026-11-21T10:00:00.000Z");
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("4749.50");
    assertThat(status("1001")).isEqualTo("PENDING");
    assertThat(prune.transfers()).singleElement().satisfies(b -> {
      assertThat(b.id()).isEqualTo("1001");
      assertThat(b.fromAccount()).isEqualTo(PruneSimulator.ACCOUNT_EUR);
      assertThat(b.amount()).isEqualByComparingTo("250.50");
      assertThat(b.reference()).isEqualTo("inv-42");
      assertThat(b.requestStatus()).isNull();
    });
  }

  @Test
  void confirmationAndFailureShowInTheStatusAndFailureGivesTheMoneyBack() {
    send(PruneHttp.send(PruneSimulator.IBAN_EUR, "100.00", "a"));
    send(PruneHttp.send(PruneSimulator.IBAN_EUR, "200.00", "b"));

    prune.confirmTransaction("1001");
    prune.failTransaction("1002", "beneficiary bank refused");

    assertThat(status("1001")).isEqualTo("CONFIRMED");
    assertThat(status("1002")).isEqualTo("REJECTED");
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("4900.00");
    assertThatThrownBy(() -> prune.confirmTransaction("1002")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> prune.failTransaction("1001", "late")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConfirmedTransferToAnAccountOfTheSandboxCreditsIt() {
    String body = PruneHttp.send(PruneSimulator.IBAN_EUR, "300.00", "rent")
        .replace(PruneSimulator.IBAN_COMMERZBANK, PruneSimulator.IBAN_EUR_2).replace(PruneSimulator.BIC_COMMERZBANK,
            PruneSimulator.BIC);
    send(body);
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR_2)).as("not before confirmation").isEqualByComparingTo("1200.00");

    prune.confirmTransaction("1001");

    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR_2)).isEqualByComparingTo("1500.00");
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("4700.00");
  }

  @Test
  void withoutIdempotencyKeysTheSameRequestTwiceIsTwoTransfers() {
    String body = PruneHttp.send(PruneSimulator.IBAN_EUR, "10.00", "same");

    send(body);
    send(body);

    assertThat(prune.transfers()).extracting(PruneSimulator.Booking::id).containsExactly("1001", "1002");
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("4980.00");
  }

  @Test
  void insufficientFundsAndInactiveAccountsBookNothing() {
    assertThat(failure(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR_2, "1200.01", "x")), 400)
        .get("message").asText()).startsWith("Insufficient funds");
    success(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR_2, "1200.00", "all of it")), 202);

    prune.setAccountStatus(PruneSimulator.ACCOUNT_EUR, "FROZEN");
    assertThat(failure(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "y")), 400)
        .get("message").asText()).contains("FROZEN");
    assertThat(prune.transfers()).hasSize(1);
    assertThat(prune.balance(PruneSimulator.ACCOUNT_EUR)).isEqualByComparingTo("5000.00");
  }

  @Test
  void anUnknownSenderIsTheDocs404AndAnyIssuedAccountCanSend() {
    assertThat(failure(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_COMMERZBANK, "1.00", "x")), 404)
        .get("message").asText()).isEqualTo("User account not found");
    JsonNode gbp = send(PruneHttp.send(PruneSimulator.IBAN_GBP, "1.00", "from GBP")).get("data");
    assertThat(gbp.get("currency").asText()).isEqualTo("GBP");
    assertThat(gbp.get("senderSortCode").asText()).isEqualTo(PruneSimulator.SORT_CODE);
  }

  @Test
  void aCompanyDebtorNeedsAWebsiteOrARegistrationNumber() {
    String noWebsite = PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "x").replace(", \"debtorWebsite\": \"https://lb.example\"", "");

    assertThat(failure(http.postJson(SEND, noWebsite), 400).get("message").asText())
        .contains("a COMPANY debtor needs debtorWebsite or debtorBusinessRegNo");
    send(noWebsite.replace("\"debtorType\": \"COMPANY\"", "\"debtorType\": \"COMPANY\", \"debtorBusinessRegNo\": \"RCS 123\""));
  }

  @Test
  void anIndividualDebtorNeedsAnIdTypeAndNumber() {
    String individual = PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "x").replace("\"COMPANY\"", "\"INDIVIDUAL\"");

    assertThat(failure(http.postJson(SEND, individual), 400).get("message").asText())
        .contains("an INDIVIDUAL debtor needs debtorIdType and debtorIdNumber");
    assertThat(failure(http.postJson(SEND, individual.replace("}", ", \"debtorIdType\": \"passport\"}")), 400)
        .get("message").asText()).contains("an INDIVIDUAL debtor needs debtorIdType and debtorIdNumber");
    send(individual.replace("}", ", \"debtorIdType\": \"passport\", \"debtorIdNumber\": \"X1234567\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Company", "COMPANY", "company"})
  void theDebtorTypeIsReadInAnyCase(String type) {
    send(PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "x").replace("\"COMPANY\"", "\"" + type + "\""));
  }

  @Test
  void everyInvalidFieldIsNamedInOneAnswer() {
    String body = PruneHttp.send(PruneSimulator.IBAN_EUR, "10.001", "r".repeat(141))
        .replace(PruneSimulator.IBAN_COMMERZBANK, "DE00370400440532013000")
        .replace(PruneSimulator.BIC_COMMERZBANK, "COBA")
        .replace("\"debtorCountryCode\": \"FR\"", "\"debtorCountryCode\": \"France\"")
        .replace("\"debtorType\": \"COMPANY\"", "\"debtorType\": \"TRUST\"")
        .replace("\"debtorCity\": \"Paris\", ", "");

    String message = failure(http.postJson(SEND, body), 400).get("message").asText();

    assertThat(message).startsWith("One or more fields are missing or invalid: ")
        .contains("amount must have at most two decimal places", "destinationIBAN is not a valid IBAN",
            "destinationBIC is not a BIC", "reference must be at most 140 characters", "debtorCountryCode must be",
            "debtorCity is required", "debtorType must be COMPANY or INDIVIDUAL");
    assertThat(prune.transfers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "\"10.00\"", "1000000000.00"})
  void theAmountIsAPositiveJsonNumberInCentsAndBounded(String amount) {
    failure(http.postJson(SEND, PruneHttp.send(PruneSimulator.IBAN_EUR, amount, "x")), 400);
  }

  @Test
  void anUnknownTransactionIs404() {
    failure(http.get("/v1/accounts/transactions/999/status"), 404);
    assertThatThrownBy(() -> prune.confirmTransaction("999")).isInstanceOf(IllegalArgumentException.class);
  }
}
