package dev.paykit.sandbox.paypercut;

import static dev.paykit.sandbox.paypercut.PaypercutHttp.intent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The platform, connected accounts, scoping by Paypercut-Account, and external bank accounts. */
class PaypercutAccountsTest extends PaypercutSimulatorTestBase {
  /** A valid German IBAN (check digits 89) and its BIC. */
  private static final String IBAN = "DE89370400440532013000";

  private static String bankAccount(String iban) {
    return """
        {"external_account": {"object": "bank_account", "country": "DE", "currency": "eur",
          "holder_name": "Ada Lovelace", "holder_type": "individual", "bank_name": "Commerzbank",
          "numbers": {"scheme": "iban", "iban": "%s", "bic": "COBADEFFXXX"}},
         "default_for_currency": true, "metadata": {"ref": "payouts"}}""".formatted(iban);
  }

  @Test
  void withoutAHeaderARequestActsForThePlatform() {
    JsonNode account = http.get("/v1/account").ok();

    assertThat(account.get("id").asText()).isEqualTo(PaypercutSimulator.PLATFORM_ACCOUNT);
    assertThat(account.get("external_accounts").get("items")).isEmpty();
    assertThat(account.get("external_accounts").get("last_key").isNull()).isTrue();
    assertThat(account.get("livemode").asBoolean()).isFalse();
  }

  @Test
  void aConnectedAccountIsMadeByThePlatformAndAnsweredUnderItsHeader() {
    JsonNode created = http.post("/v1/accounts", """
        {"type": "custom", "business_type": "company", "country": "BG", "default_currency": "EUR",
         "email": "shop@example.com", "business_profile": {"name": "Shop", "mcc": 5411},
         "tos_acceptance": {"date": "2026-11-20T09:00:00Z", "ip": "127.0.0.1"}}""").ok();
    String id = created.get("id").asText();

    JsonNode viaHeader = http.get("/v1/account").account(id).ok();
    JsonNode viaAlias = http.get("/v1/account").header(PaypercutSimulator.ACCOUNT_HEADER_ALIAS, id).ok();

    assertThat(id).isEqualTo("acct_0000000001");
    assertThat(viaHeader).isEqualTo(created);
    assertThat(viaAlias).isEqualTo(created);
    assertThat(created.get("default_currency").asText()).isEqualTo("eur");
    assertThat(created.get("business_profile").get("mcc").asInt()).isEqualTo(5411);
    assertThat(created.get("tos_acceptance").get("date").asText()).isEqualTo("2026-11-20T09:00:00Z");
  }

  @Test
  void anUnknownAccountIs403AndTwoDifferentHeadersAre400() {
    assertError(http.get("/v1/account").account("acct_nope").send(), 403, "invalid_request_error",
        "account_invalid", "Paypercut-Account");
    String id = connectedAccount();
    assertInvalid(http.get("/v1/account").account(id)
        .header(PaypercutSimulator.ACCOUNT_HEADER_ALIAS, PaypercutSimulator.PLATFORM_ACCOUNT).send(),
        "parameter_invalid", "Paypercut-Account");
    assertThat(http.get("/v1/account").account(PaypercutSimulator.PLATFORM_ACCOUNT).ok().get("id").asText())
        .isEqualTo(PaypercutSimulator.PLATFORM_ACCOUNT);
  }

  @Test
  void aConnectedAccountCannotMakeAccounts() {
    String id = connectedAccount();

    assertError(http.post("/v1/accounts", "{\"type\": \"express\"}").account(id).send(), 403,
        "invalid_request_error", "permission_denied", null);
    assertInvalid(http.post("/v1/accounts", "{\"type\": \"premium\"}").send(), "parameter_invalid", "type");
    assertInvalid(http.post("/v1/accounts", "{\"type\": \"express\", \"country\": \"de\"}").send(),
        "parameter_invalid", "country");
  }

  @Test
  void oneAccountNeverSeesAnothersObjects() {
    String a = connectedAccount();
    String b = connectedAccount();
    JsonNode intent = http.post("/v1/payment_intents",
        intent(1000, "eur", PaypercutSimulator.CARD_VISA, true, "automatic")).account(a).ok();
    String id = intent.get("id").asText();
    String payment = intent.get("latest_payment").asText();

    assertThat(http.get("/v1/payment_intents/" + id).account(a).ok().get("id").asText()).isEqualTo(id);
    for (String other : new String[] {b, PaypercutSimulator.PLATFORM_ACCOUNT}) {
      assertError(http.get("/v1/payment_intents/" + id).account(other).send(), 404, "invalid_request_error",
          "resource_missing", "id");
      assertError(http.get("/v2/payments/" + payment).account(other).send(), 404, "invalid_request_error",
          "resource_missing", "id");
      assertError(http.post("/v1/payment_intents/" + id + "/cancel", null).account(other).send(), 404,
          "invalid_request_error", "resource_missing", "id");
      assertInvalid(http.post("/v1/refunds", "{\"payment\": \"" + payment + "\"}").account(other).send(),
          "resource_missing", "payment");
      assertThat(http.get("/v2/payments").account(other).ok().get("items")).isEmpty();
      assertThat(http.get("/v1/events").account(other).ok().get("items")).isEmpty();
    }
    assertThat(http.get("/v2/payments").account(a).ok().get("items")).hasSize(1);
    assertThat(paypercut.payments()).singleElement().satisfies(p -> assertThat(p.account()).isEqualTo(a));
  }

  @Test
  void customersOfOneAccountCannotBeUsedByAnother() {
    String a = connectedAccount();
    String customer = http.post("/v1/customers", "{\"name\": \"Ada\"}").account(a).ok().get("id").asText();

    assertInvalid(http.post("/v1/payment_intents", "{\"amount\": 1, \"currency\": \"eur\", \"customer\": \""
        + customer + "\"}").send(), "resource_missing", "customer");
    assertError(http.get("/v1/customers/" + customer).send(), 404, "invalid_request_error", "resource_missing", "id");
  }

  @Test
  void anExternalBankAccountIsAnsweredMaskedAndAnnounced() {
    String id = connectedAccount();

    JsonNode entry = http.post("/v1/accounts/" + id + "/external_accounts", bankAccount(IBAN)).account(id).ok();

    JsonNode bank = entry.get("external_account");
    assertThat(bank.get("id").asText()).isEqualTo("ba_0000000001");
    assertThat(bank.get("object").asText()).isEqualTo("bank_account");
    assertThat(bank.get("account_number").asText()).isEqualTo("**** 3000");
    assertThat(bank.get("last4").asText()).isEqualTo("3000");
    assertThat(bank.get("routing_number").asText()).isEqualTo("COBADEFFXXX");
    assertThat(entry.toString()).doesNotContain(IBAN);
    assertThat(entry.get("default_for_currency").asBoolean()).isTrue();
    JsonNode account = http.get("/v1/account").account(id).ok();
    assertThat(account.get("external_accounts").get("items")).containsExactly(entry);
    JsonNode event = http.get("/v1/events").account(id).ok().get("items").get(0);
    assertThat(event.get("type").asText()).isEqualTo("account.external_account.created");
    assertThat(event.get("account").asText()).isEqualTo(id);
    assertThat(event.get("data").get("object")).isEqualTo(bank);
  }

  @Test
  void thePlatformMayAddToItsConnectedAccountsAndAConnectedAccountOnlyToItself() {
    String a = connectedAccount();
    String b = connectedAccount();

    http.post("/v1/accounts/" + a + "/external_accounts", bankAccount(IBAN)).ok();
    http.post("/v1/accounts/" + PaypercutSimulator.PLATFORM_ACCOUNT + "/external_accounts", bankAccount(IBAN)).ok();
    HttpResponse<String> foreign = http.post("/v1/accounts/" + b + "/external_accounts", bankAccount(IBAN))
        .account(a).send();

    assertError(foreign, 404, "invalid_request_error", "resource_missing", "account_id");
    assertError(http.post("/v1/accounts/acct_nope/external_accounts", bankAccount(IBAN)).send(), 404,
        "invalid_request_error", "resource_missing", "account_id");
    assertThat(http.get("/v1/account").account(a).ok().get("external_accounts").get("items")).hasSize(1);
    assertThat(http.get("/v1/account").account(b).ok().get("external_accounts").get("items")).isEmpty();
    JsonNode platformEvent = http.get("/v1/events").ok().get("items").get(0);
    assertThat(platformEvent.get("account").isNull()).as("the platform's own events").isTrue();
  }

  @Test
  void bankAccountFieldsAreChecked() {
    String id = connectedAccount();
    String path = "/v1/accounts/" + id + "/external_accounts";

    assertInvalid(http.post(path, bankAccount("DE88370400440532013000")).send(), "parameter_invalid",
        "external_account.numbers.iban");
    assertInvalid(http.post(path, bankAccount("de89370400440532013000")).send(), "parameter_invalid",
        "external_account.numbers.iban");
    assertInvalid(http.post(path, bankAccount(IBAN).replace("\"holder_name\": \"Ada Lovelace\",", "")).send(),
        "parameter_missing", "external_account.holder_name");
    assertInvalid(http.post(path, bankAccount(IBAN).replace("COBADEFFXXX", "COBA")).send(), "parameter_invalid",
        "external_account.numbers.bic");
    assertInvalid(http.post(path, bankAccount(IBAN).replace("\"bank_name\"", "\"bankName\"")).send(),
        "parameter_unknown", "external_account.bankName");
    assertInvalid(http.post(path, "{}").send(), "parameter_missing", "external_account");
    assertThat(http.get("/v1/account").account(id).ok().get("external_accounts").get("items")).isEmpty();
  }
}
