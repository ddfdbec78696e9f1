package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issued accounts: page-numbered lists with meta.total, one account, balances, validation, documents. */
class PruneAccountsTest extends PruneSimulatorTestBase {

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  @Test
  void theListIsPagedByNumberWithTheWholeListsTotal() {
    prune.pageSize(2);

    JsonNode first = success(http.get("/v1/accounts?currency=EUR"), 200);
    JsonNode second = success(http.get("/v1/accounts?currency=EUR&page=2"), 200);
    JsonNode past = success(http.get("/v1/accounts?currency=EUR&page=3"), 200);

    assertThat(ids(first)).containsExactly(PruneSimulator.ACCOUNT_EUR, PruneSimulator.ACCOUNT_EUR_2);
    assertThat(ids(second)).containsExactly(PruneSimulator.ACCOUNT_EUR_CORPORATE);
    assertThat(ids(past)).isEmpty();
    for (JsonNode page : List.of(first, second, past)) {
      assertThat(page.at("/meta/total").asInt()).isEqualTo(3);
      assertThat(page.get("message").asText()).isEqualTo("Accounts fetched successfully");
    }
    assertThat(ids(success(http.get("/v1/accounts?currency=GBP&page=1"), 200)))
        .containsExactly(PruneSimulator.ACCOUNT_GBP);
  }

  @Test
  void theTotalFollowsTheList() {
    prune.pageSize(2);
    String request = success(http.post("/v1/accounts/request-account", PruneHttp.individual("Anne")), 201)
        .at("/data/id").asText();
    prune.approveAccountRequest(request);

    JsonNode second = success(http.get("/v1/accounts?currency=EUR&page=2"), 200);

    assertThat(second.at("/meta/total").asInt()).isEqualTo(4);
    assertThat(second.get("data")).hasSize(2);
  }

  @Test
  void anIssuedAccountCarriesTheDocumentedFields() {
    JsonNode a = success(http.get("/v1/accounts?currency=GBP"), 200).at("/data/0");

    assertThat(a.get("accountName").asText()).isEqualTo("Oliver Hughes");
    assertThat(a.get("accountNumber").asText()).isEqualTo(PruneSimulator.NUMBER_GBP);
    assertThat(a.get("sortCode").asText()).isEqualTo(PruneSimulator.SORT_CODE);
    assertThat(a.get("accountIban").asText()).isEqualTo(PruneSimulator.IBAN_GBP);
    assertThat(a.get("accountBalance").decimalValue()).isEqualTo("2500.00");
    assertThat(a.get("accountBalance").toString()).isEqualTo("2500.00");
    assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(a.get("type").asText()).isEqualTo("USER");
    assertThat(a.get("isTrusted").asBoolean()).isTrue();
    assertThat(a.get("currency").asText()).isEqualTo("GBP");
    assertThat(a.get("createdAt").asText()).isEqualTo("2026-01-18T09:00:00.000Z");
    assertThat(Iban.valid(PruneSimulator.IBAN_EUR)).isTrue();
    assertThat(PruneSimulator.IBAN_EUR).hasSize(20).startsWith("LT");
  }

  @Test
  void theCurrencyIsRequiredAndMustBeTheAccounts() {
    assertThat(failure(http.get("/v1/accounts"), 400).get("message").asText()).contains("currency is required");
    failure(http.get("/v1/accounts?currency=USD"), 400);
    failure(http.get("/v1/accounts?currency=EUR&page=0"), 400);
    failure(http.get("/v1/accounts?currency=EUR&page=x"), 400);
    failure(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR), 400);
    assertThat(failure(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "?currency=GBP"), 404)
        .get("message").asText()).isEqualTo("User account not found");
  }

  @Test
  void thePayoutAccountIsNotAnIssuedAccount() {
    failure(http.get("/v1/accounts/" + PruneSimulator.PAYOUT_ACCOUNT + "?currency=EUR"), 404);
    failure(http.get("/v1/accounts/" + PruneSimulator.PAYOUT_ACCOUNT + "/balance"), 404);
  }

  @Test
  void theBalanceIsABareNumberThatFollowsTheAccount() {
    JsonNode body = success(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "/balance"), 200);
    assertThat(body.get("message").asText()).isEqualTo("Account balance fetched");
    assertThat(body.get("data").isNumber()).isTrue();
    assertThat(body.get("data").toString()).isEqualTo("5000.00");

    prune.setBalance(PruneSimulator.ACCOUNT_EUR, new java.math.BigDecimal("12.5"));

    assertThat(success(http.get("/v1/accounts/" + PruneSimulator.ACCOUNT_EUR + "/balance"), 200).get("data")
        .toString()).isEqualTo("12.50");
  }

  @Test
  void anEurAccountIsValidatedByIbanAndBic() {
    JsonNode data = success(http.postJson("/v1/accounts/validate", """
        {"iban": "%s", "bic": "%s"}""".formatted(PruneSimulator.IBAN_COMMERZBANK, PruneSimulator.BIC_COMMERZBANK)),
        200).get("data");

    assertThat(data.get("bankName").asText()).isEqualTo("Commerzbank AG");
    assertThat(data.get("countryCode").asText()).isEqualTo("DE");
    assertThat(data.get("swiftCodes").get(0).asText()).isEqualTo(PruneSimulator.BIC_COMMERZBANK);
    success(http.postJson("/v1/accounts/validate", """
        {"iban": "%s", "bic": "%s", "currency": "EUR"}""".formatted(PruneSimulator.IBAN_EUR, PruneSimulator.BIC)), 200);
  }

  @Test
  void aWrongIbanOrAnUnknownBankFailsAsInTheDocs() {
    JsonNode badCheckDigits = failure(http.postJson("/v1/accounts/validate", """
        {"iban": "DE00370400440532013000", "bic": "COBADEFFXXX"}"""), 404);
    assertThat(badCheckDigits.get("message").asText()).isEqualTo("Iban details validation failed");
    failure(http.postJson("/v1/accounts/validate", """
        {"iban": "DE89370400440532013000", "bic": "DEUTDEFFXXX"}"""), 404);
  }

  @Test
  void aGbpAccountIsValidatedByAccountNumberAndSortCode() {
    JsonNode natwest = success(http.postJson("/v1/accounts/validate", """
        {"accountNumber": "31926819", "sortCode": "60-16-13", "currency": "GBP"}"""), 200).get("data");
    JsonNode ours = success(http.postJson("/v1/accounts/validate", """
        {"accountNumber": "%s", "sortCode": "%s", "currency": "GBP"}"""
        .formatted(PruneSimulator.NUMBER_GBP, PruneSimulator.SORT_CODE)), 200).get("data");

    assertThat(natwest.get("iban").asText()).isEqualTo(PruneSimulator.IBAN_NATWEST);
    assertThat(natwest.get("bankBic").asText()).isEqualTo(PruneSimulator.BIC_NATWEST);
    assertThat(natwest.get("bankTown").asText()).isEqualTo("London");
    assertThat(ours.get("iban").asText()).isEqualTo(PruneSimulator.IBAN_GBP);
    JsonNode unknown = failure(http.postJson("/v1/accounts/validate", """
        {"accountNumber": "12345678", "sortCode": "601613", "currency": "GBP"}"""), 500);
    assertThat(unknown.get("message").asText()).isEqualTo("Failed to validate GBP account");
  }

  @Test
  void validationRefusesMixedOrMalformedDetails() {
    assertThat(failure(http.postJson("/v1/accounts/validate", """
        {"iban": "DE89370400440532013000", "bic": "COBADEFFXXX", "sortCode": "601613"}"""), 400)
        .get("message").asText()).contains("accountNumber and sortCode need currency GBP");
    assertThat(failure(http.postJson("/v1/accounts/validate", """
        {"accountNumber": "1234567", "sortCode": "60161", "currency": "GBP"}"""), 400).get("message").asText())
        .contains("accountNumber must be 8 digits", "sortCode must be 6 digits");
    assertThat(failure(http.postJson("/v1/accounts/validate", """
        {"iban": "de89 3704 0044 0532 0130 00", "bic": "cobadeff"}"""), 400).get("message").asText())
        .contains("iban must be an IBAN", "bic is not a BIC");
    failure(http.postJson("/v1/accounts/validate", "[]"), 400);
    failure(http.postJson("/v1/accounts/validate", "{"), 400);
  }

  @Test
  void theAcceptableDocumentsAreFilteredByCountryAndKind() {
    JsonNode all = success(http.get("/v1/accounts/documents"), 200).get("data");
    JsonNode ukIds = success(http.get("/v1/accounts/documents?countryShort=UK&type=id"), 200).get("data");

    assertThat(all).hasSize(22);
    assertThat(ukIds).hasSize(1);
    assertThat(ukIds.get(0).get("country").asText()).isEqualTo("United Kingdom");
    assertThat(ukIds.get(0).get("documentTypes").toString())
        .isEqualTo("[\"passport\",\"identityCard\",\"drivingLicense\",\"residencePermit\"]");
    failure(http.get("/v1/accounts/documents?countryShort=GB"), 400);
    failure(http.get("/v1/accounts/documents?type=ID"), 400);
  }
}
