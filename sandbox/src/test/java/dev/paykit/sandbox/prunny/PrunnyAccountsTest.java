package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accounts, account types, customers, account opening and name enquiry. */
class PrunnyAccountsTest extends PrunnySimulatorTestBase {
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** CBN NUBAN check digit, written here independently of the simulator's Nuban class. */
  private static boolean validNuban(String bankCode, String account) {
    int[] weights = {3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3};
    String digits = bankCode + account.substring(0, 9);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += Character.digit(digits.charAt(i), 10) * weights[i];
    }
    return (10 - sum % 10) % 10 == Character.digit(account.charAt(9), 10);
  }

  private static String openAccount(String requestId, String customerId, String bvn, String type) {
    return """
        {"requestId": "%s", "accountTypeId": "%s", "firstName": "Kelechi", "otherName": "", "surname": "Obi",
         "salutation": "Mr", "gender": "Male", "dateOfBirth": "1995-02-14", "bvn": "%s",
         "street": "3 Marina", "city": "Lagos", "country": "NG", "nationality": "Nigerian",
         "customerId": "%s", "phone": "+2348031112222", "email": "kelechi.obi@example.com"}"""
        .formatted(requestId, type, bvn, customerId);
  }

  private static JsonNode open(String body) {
    return ok(http.post("/v1/accounts/open", "key-" + KEYS.incrementAndGet(), body));
  }

  @Test
  void anAccountIsAOneElementArrayWithExpansionFields() {
    JsonNode body = ok(http.get("/v1/accounts/" + ACCOUNT_ADAEZE));

    assertThat(body.get("status").asText()).isEqualTo("00");
    JsonNode account = body.get("data").get(0);
    assertThat(body.get("data")).hasSize(1);
    assertThat(account.get("accountNumber").asText()).isEqualTo(ACCOUNT_ADAEZE);
    assertThat(account.get("customerId").asText()).isEqualTo(Fixtures.CUSTOMER_ADAEZE);
    assertThat(account.get("accountName").asText()).isEqualTo("Adaeze Okafor");
    assertThat(account.get("bvn").asText()).isEqualTo(Fixtures.BVN_ADAEZE);
    assertThat(account.get("accountType").asText()).isEqualTo("savings");
    assertThat(account.get("currency").asText()).isEqualTo("NGN");
    assertThat(account.get("lastTransactionDate").asText()).isEqualTo("2026-10-19T12:03:00+00:00");
    assertThat(account.get("expansionFields").get(0).get("id").asText()).isEqualTo("branch");
    assertThat(validNuban(PrunnySimulator.BANK_CODE, ACCOUNT_ADAEZE)).isTrue();
  }

  @Test
  void theOfiAccountHasFifteenDigits() {
    JsonNode account = ok(http.get("/v1/accounts/" + Fixtures.ACCOUNT_OFI)).get("data").get(0);

    assertThat(account.get("accountNumber").asText()).hasSize(15);
    assertThat(account.get("accountType").asText()).isEqualTo("wallet");
  }

  @Test
  void accountTypesAndCustomersFollowTheSpec() {
    JsonNode type = ok(http.get("/v1/accounts/types/current")).get("data");
    JsonNode customer = ok(http.get("/v1/customers/" + Fixtures.CUSTOMER_ADAEZE)).get("data");

    assertThat(type.get("accountTypeName").asText()).isEqualTo("Prunny Current");
    assertThat(type.get("maximumOutflowLimit").toString()).isEqualTo("50000000.00");
    assertThat(type.has("maximumInFlowLimit")).isTrue(); // OBN's spelling (schemas and examples)
    assertThat(type.has("maximumInflowLimit")).isFalse();
    assertThat(type.get("cardProducts")).hasSize(3);
    assertThat(customer.get("customerID").asText()).isEqualTo(Fixtures.CUSTOMER_ADAEZE); // OBN's spelling
    assertThat(customer.has("customerId")).isFalse();
    assertThat(customer.get("customerName").get("firstName").asText()).isEqualTo("Adaeze");
    assertThat(customer.get("numberOfAccounts").asInt()).isEqualTo(2);
    assertThat(customer.get("customerAddress").get("city").asText()).isEqualTo("Lekki");
    assertThat(http.get("/v1/accounts/types/gold").statusCode()).isEqualTo(404);
  }

  @Test
  void openingAnAccountGivesANewValidNubanWithNothingInIt() {
    JsonNode answer = open(openAccount("open-1", "PRC0200", "22211112222", "current"));

    assertThat(answer.get("status").asText()).isEqualTo("00");
    JsonNode data = answer.get("data");
    String number = data.get("accountNumber").asText();
    assertThat(number).hasSize(10).isEqualTo("2000000014");
    assertThat(validNuban(PrunnySimulator.BANK_CODE, number)).isTrue();
    assertThat(data.get("customerId").asText()).isEqualTo("PRC0200");
    assertThat(data.get("accountOpeningDate").asText()).isEqualTo("2026-11-21");
    assertThat(data.get("processCode").asText()).isEqualTo("00");
    assertThat(data.get("Process").asText()).isEqualTo("Realtime"); // OBN's spelling, capital P
    assertThat(sandbox.prunny().availableBalance(number)).isEqualByComparingTo("0.00");
    assertThat(ok(http.get("/v1/customers/PRC0200")).get("data").get("bvn").asText()).isEqualTo("22211112222");
  }

  @Test
  void aWalletOpensWithAFifteenDigitNumber() {
    JsonNode answer = open(openAccount("open-1", "PRC0200", "22211112222", "wallet"));

    assertThat(answer.get("data").get("accountNumber").asText()).hasSize(15);
  }

  @ParameterizedTest(name = "{0} -> {4}")
  @CsvSource({
      "same BVN and type,        PRC0200, 22212345678, savings, 98",
      "same BVN other profile,   PRC0004, 22212345678, current, 98",
      "unknown type,             PRC0200, 22211112222, gold,    12",
      "customer of another BVN,  PRC0001, 22211112222, current, 12"})
  void openingIsRefused(String why, String customerId, String bvn, String type, String code) {
    JsonNode answer = open(openAccount("open-1", customerId, bvn, type));

    assertThat(answer.get("status").asText()).isEqualTo(code);
    assertThat(answer.get("data").get("processCode").asText()).isEqualTo(code);
  }

  @Test
  void aRequestIdIsUsedOnce() {
    open(openAccount("open-1", "PRC0200", "22211112222", "current"));

    assertThat(open(openAccount("open-1", "PRC0201", "22211113333", "current")).get("status").asText())
        .isEqualTo("94");
  }

  @Test
  void aBadBvnIs400() {
    HttpResponse<String> response =
        http.post("/v1/accounts/open", "k", openAccount("open-1", "PRC0200", "32211112222", "current"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("bvn");
  }

  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource({
      "1000000031,      ,    00, Babatunde Adeyemi",
      "1000000031,      999, 00, Babatunde Adeyemi",
      "500000000000001, ,    00, Okafor Ventures",
      "0123456785,      058, 00, Ifeoma Nwankwo",
      "3000000018,      011, 00, Musa Ibrahim",
      "0123456785,      044, 07, ",
      "9999999999,      ,    07, ",
      "0123456785,      057, 16, "})
  void nameEnquiryFindsAccountsHereAndAtOtherBanks(String account, String bank, String code, String name) {
    String body = bank == null ? "{\"accountNumber\": \"" + account + "\"}"
        : "{\"accountNumber\": \"" + account + "\", \"bankCode\": \"" + bank + "\"}";

    JsonNode answer = ok(http.post("/v1/transactions/nameenquiry", null, body));

    assertThat(answer.get("status").asText()).isEqualTo(code);
    assertThat(answer.get("responseCode").asText()).isEqualTo(code);
    if (name != null) {
      assertThat(answer.get("data").get("accountName").asText()).isEqualTo(name);
      assertThat(answer.get("data").get("bvn").asText()).matches("[12][0-9]{10}");
    } else {
      assertThat(answer.has("data")).isFalse();
    }
  }
}
