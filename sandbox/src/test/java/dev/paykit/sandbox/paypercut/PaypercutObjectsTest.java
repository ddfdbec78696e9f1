package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The stored objects: customers, payment methods, setup intents, subscriptions, products, prices,
 * payment links, wallet domains and checkout sessions, with their required fields and references.
 */
class PaypercutObjectsTest extends PaypercutSimulatorTestBase {

  // ---- customers ----

  @Test
  void aCustomerIsCreatedReadAndUpdatedFieldByField() {
    JsonNode created = http.post("/v1/customers", """
        {"email": "ada@example.com", "name": "Ada", "phone": "+359 2 000 0000", "preferred_locales": ["bg", "en"],
         "address": {"city": "Sofia", "country": "BG", "line1": "1 Vitosha Blvd", "postal_code": "1000"},
         "metadata": {"crm": "42"}}""").ok();
    String id = created.get("id").asText();

    JsonNode updated = http.put("/v1/customers/" + id, "{\"name\": \"Ada L.\", \"metadata\": {\"crm\": \"43\"}}").ok();

    assertThat(id).isEqualTo("cus_0000000001");
    assertThat(http.get("/v1/customers/" + id).ok()).isEqualTo(updated);
    assertThat(updated.get("name").asText()).isEqualTo("Ada L.");
    assertThat(updated.get("email").asText()).as("not sent, kept").isEqualTo("ada@example.com");
    assertThat(updated.get("address").get("city").asText()).isEqualTo("Sofia");
    assertThat(updated.get("metadata").get("crm").asText()).isEqualTo("43");
    assertThat(updated.get("payment_methods")).isEmpty();
    assertThat(updated.get("invoice_settings").get("default_payment_method").isNull()).isTrue();
  }

  @Test
  void customerFieldsAreChecked() {
    assertInvalid(http.post("/v1/customers", "{\"email\": \"not an email\"}").send(), "parameter_invalid", "email");
    assertInvalid(http.post("/v1/customers", "{\"name\": \"" + "n".repeat(257) + "\"}").send(),
        "parameter_invalid", "name");
    assertInvalid(http.post("/v1/customers", "{\"address\": {\"country\": \"BGR\"}}").send(),
        "parameter_invalid", "address.country");
    assertInvalid(http.post("/v1/customers", "{\"invoice_settings\": {\"default_payment_method\": \"pm_x\"}}").send(),
        "resource_missing", "invoice_settings.default_payment_method");
    assertInvalid(http.post("/v1/customers", "{\"full_name\": \"Ada\"}").send(), "parameter_unknown", "full_name");
    assertError(http.put("/v1/customers/cus_nope", "{}").send(), 404, "invalid_request_error", "resource_missing", "id");
    assertThat(http.post("/v1/customers", "{}").ok().get("id").asText()).as("nothing was stored before")
        .isEqualTo("cus_0000000001");
  }

  // ---- payment methods ----

  @Test
  void aPaymentMethodFromATokenIsAVisaAttachedToItsCustomerUntilDetached() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();
    JsonNode method = http.post("/v1/payment_methods", "{\"type\": \"card\", \"confirmation_token\": {\"token_id\":"
        + " \"tok_1\"}, \"customer\": \"" + customer + "\", \"billing_details\": {\"name\": \"Ada\"}}").ok();
    String id = method.get("id").asText();
    http.put("/v1/customers/" + customer, "{\"invoice_settings\": {\"default_payment_method\": \"" + id + "\"}}").ok();

    assertThat(method.get("card").get("brand").asText()).isEqualTo("visa");
    assertThat(method.get("card").get("last4").asText()).isEqualTo("4242");
    assertThat(method.get("card").get("cardholder_name").asText()).isEqualTo("Ada");
    assertThat(method.get("customer").asText()).isEqualTo(customer);
    assertThat(http.get("/v1/customers/" + customer).ok().get("payment_methods"))
        .extracting(m -> m.get("id").asText()).containsExactly(id);
    assertThat(http.get("/v1/payment_methods/" + id + "?expand=customer").ok().get("customer").get("id").asText())
        .isEqualTo(customer);

    JsonNode detached = http.post("/v1/payment_methods/" + id + "/detach", null).ok();

    assertThat(detached.get("customer").isNull()).isTrue();
    JsonNode after = http.get("/v1/customers/" + customer).ok();
    assertThat(after.get("payment_methods")).isEmpty();
    assertThat(after.get("invoice_settings").get("default_payment_method").isNull()).isTrue();
    assertInvalid(http.post("/v1/payment_methods/" + id + "/detach", null).send(),
        "payment_method_unexpected_state", null);
    assertInvalid(http.post("/v1/payment_methods/pm_card_visa/detach", null).send(),
        "payment_method_unexpected_state", null);
  }

  @Test
  void aTokenNamingATestCardMakesAPaymentMethodThatBehavesAsIt() {
    String id = http.post("/v1/payment_methods", "{\"type\": \"card\", \"confirmation_token\": {\"token_id\":"
        + " \"tok_card_insufficient_funds\"}}").ok().get("id").asText();

    JsonNode error = assertError(http.post("/v1/payment_intents", PaypercutHttp.intent(100, "eur", id, true,
        "automatic")).send(), 400, "card_error", "card_declined", null);

    assertThat(error.get("decline_code").asText()).isEqualTo("insufficient_funds");
  }

  @Test
  void aPaymentMethodNeedsItsTypeAndAToken() {
    assertInvalid(http.post("/v1/payment_methods", "{\"confirmation_token\": {\"token_id\": \"t\"}}").send(),
        "parameter_missing", "type");
    assertInvalid(http.post("/v1/payment_methods", "{\"type\": \"sepa\", \"confirmation_token\": {}}").send(),
        "parameter_invalid", "type");
    assertInvalid(http.post("/v1/payment_methods", "{\"type\": \"card\", \"confirmation_token\": {}}").send(),
        "parameter_missing", "confirmation_token.token_id");
    assertInvalid(http.post("/v1/payment_methods", "{\"type\": \"card\", \"confirmation_token\": "
        + "{\"token_intent_id\": \"ti_1\"}, \"customer\": \"cus_nope\"}").send(), "resource_missing", "customer");
    assertThat(http.get("/v1/payment_methods/pm_card_declined").ok().get("card").get("last4").asText())
        .isEqualTo("0002");
    assertError(http.get("/v1/payment_methods/pm_0000000001").send(), 404, "invalid_request_error",
        "resource_missing", "id");
  }

  // ---- setup intents ----

  @Test
  void aConfirmedSetupIntentSucceedsAndSavesThePaymentMethod() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();
    String method = http.post("/v1/payment_methods", "{\"type\": \"card\", \"confirmation_token\": {\"token_id\":"
        + " \"tok_1\"}}").ok().get("id").asText();

    JsonNode setup = http.post("/v1/setup_intents", "{\"currency\": \"eur\", \"confirm\": true, \"off_session\":"
        + " \"recurring\", \"customer\": \"" + customer + "\", \"payment_method\": \"" + method + "\"}").ok();

    assertThat(setup.get("status").asText()).isEqualTo("succeeded");
    assertThat(setup.get("usage").asText()).isEqualTo("off_session");
    assertThat(http.get("/v1/payment_methods/" + method).ok().get("customer").asText()).isEqualTo(customer);
    assertThat(http.post("/v1/setup_intents", "{\"currency\": \"eur\"}").ok().get("status").asText())
        .isEqualTo("requires_payment_method");
    assertError(http.post("/v1/setup_intents", "{\"currency\": \"eur\", \"confirm\": true, \"payment_method\":"
        + " \"pm_card_expired\"}").send(), 400, "card_error", "card_declined", null);
    assertInvalid(http.post("/v1/setup_intents", "{}").send(), "parameter_missing", "currency");
  }

  // ---- products, prices, subscriptions ----

  @Test
  void pricesBelongToProductsAndSubscriptionsToCustomers() {
    String product = http.post("/v1/products", "{\"name\": \"Coffee\", \"unit_label\": \"cup\"}").ok()
        .get("id").asText();
    JsonNode price = http.post("/v1/prices", "{\"currency\": \"EUR\", \"product\": \"" + product + "\", "
        + "\"unit_amount\": 450, \"recurring\": {\"interval\": \"month\"}, \"lookup_key\": \"coffee\"}").ok();
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();

    JsonNode subscription = http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", \"items\": "
        + "[{\"price\": \"" + price.get("id").asText() + "\", \"quantity\": 2}], \"trial_period_days\": 14}").ok();

    assertThat(price.get("type").asText()).isEqualTo("recurring");
    assertThat(price.get("currency").asText()).isEqualTo("eur");
    assertThat(price.get("product").asText()).isEqualTo(product);
    assertThat(subscription.get("status").asText()).isEqualTo("TRIALING");
    assertThat(subscription.get("trial_end").asText()).isEqualTo("2026-12-05T10:00:00Z");
    assertThat(subscription.get("currency").get("iso").asText()).isEqualTo("eur");
    assertThat(subscription.get("items").get("items").get(0).get("quantity").asInt()).isEqualTo(2);
    assertThat(subscription.get("collection_method").asText()).isEqualTo("charge_automatically");
    assertInvalid(http.post("/v1/prices", "{\"currency\": \"eur\", \"product\": \"" + product + "\", "
        + "\"unit_amount\": 1, \"lookup_key\": \"coffee\"}").send(), "resource_already_exists", "lookup_key");
  }

  @Test
  void productDataMakesAProductAndPricesNeedAnAmount() {
    JsonNode price = http.post("/v1/prices", "{\"currency\": \"eur\", \"product_data\": {\"name\": \"Tea\"}, "
        + "\"unit_amount_decimal\": \"12.5\"}").ok();

    assertThat(price.get("product").asText()).isEqualTo("prod_0000000001");
    assertThat(price.get("type").asText()).isEqualTo("one_time");
    assertThat(price.get("unit_amount_decimal").asText()).isEqualTo("12.5");
    assertInvalid(http.post("/v1/prices", "{\"currency\": \"eur\", \"product\": \"prod_0000000001\"}").send(),
        "parameter_missing", "unit_amount");
    assertInvalid(http.post("/v1/prices", "{\"currency\": \"eur\", \"unit_amount\": 1}").send(),
        "parameter_missing", "product");
    assertInvalid(http.post("/v1/prices", "{\"currency\": \"eur\", \"product\": \"prod_nope\", \"unit_amount\": 1}")
        .send(), "resource_missing", "product");
    assertInvalid(http.post("/v1/prices", "{\"currency\": \"eur\", \"product\": \"prod_0000000001\", "
        + "\"unit_amount\": 1, \"type\": \"recurring\"}").send(), "parameter_missing", "recurring");
    assertInvalid(http.post("/v1/products", "{\"name\": \"\"}").send(), "parameter_invalid", "name");
  }

  @Test
  void subscriptionChecks() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();
    String items = "\"items\": [{\"price_data\": {\"currency\": \"eur\", \"unit_amount\": 100}}]";

    assertThat(http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", " + items + "}").ok()
        .get("status").asText()).isEqualTo("active");
    assertInvalid(http.post("/v1/subscriptions", "{" + items + "}").send(), "parameter_missing", "customer");
    assertInvalid(http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", \"items\": []}").send(),
        "parameter_invalid", "items");
    assertInvalid(http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", \"items\": [{\"price\":"
        + " \"price_nope\"}]}").send(), "resource_missing", "items[0].price");
    assertInvalid(http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", " + items
        + ", \"trial_end\": \"2027-01-01T00:00:00Z\", \"trial_period_days\": 3}").send(),
        "parameter_invalid", "trial_period_days");
    assertInvalid(http.post("/v1/subscriptions", "{\"customer\": \"" + customer + "\", " + items
        + ", \"trial_period_days\": 731}").send(), "parameter_invalid", "trial_period_days");
  }

  // ---- payment links and domains ----

  @Test
  void aPaymentLinkIsStoredAndRead() {
    JsonNode link = http.post("/v1/payment-links", """
        {"amount": 990, "currency": "eur", "description": "Gift card", "client_reference_id": "order-7",
         "line_items": [{"quantity": 1, "price_data": {"currency": "eur", "unit_amount": 990,
           "product_data": {"name": "Gift"}}}],
         "restrictions": {"completed_sessions": {"limit": 1}}}""").ok();

    assertThat(link.get("status").asText()).isEqualTo("open");
    assertThat(link.get("active").asBoolean()).isTrue();
    assertThat(link.get("url").asText()).startsWith(paypercut.baseUrl() + "/links/plink_");
    assertThat(link.get("expires_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(link.get("line_items").get(0).get("price_data").get("currency").asText()).isEqualTo("eur");
    assertThat(link.get("restrictions").get("completed_sessions").get("count").asInt()).isZero();
    assertThat(http.get("/v1/payment-links/" + link.get("id").asText()).ok()).isEqualTo(link);
    assertThat(http.get("/v1/payment-links?client_reference_id=order-7").ok().get("items")).hasSize(1);
    assertThat(http.get("/v1/payment-links?client_reference_id=order-8").ok().get("items")).isEmpty();
    assertInvalid(http.post("/v1/payment-links", "{\"amount\": 990, \"currency\": \"eur\", \"restrictions\": "
        + "{\"completed_sessions\": {}}}").send(), "parameter_missing", "restrictions.completed_sessions.limit");
    assertInvalid(http.post("/v1/payment-links", "{\"amount\": 990, \"currency\": \"eur\", \"line_items\": "
        + "[{\"price_data\": {\"currency\": \"eur\"}}]}").send(), "parameter_missing", "line_items[0].quantity");
  }

  @Test
  void aWalletDomainIsRegisteredOncePerAccount() {
    http.post("/v1/payment_method_domains", "{\"domain_name\": \"shop.example.com\"}").ok();

    assertInvalid(http.post("/v1/payment_method_domains", "{\"domain_name\": \"SHOP.example.com\"}").send(),
        "resource_already_exists", "domain_name");
    assertInvalid(http.post("/v1/payment_method_domains", "{\"domain_name\": \"https://x\"}").send(),
        "parameter_invalid", "domain_name");
    JsonNode list = http.get("/v1/payment_method_domains").ok();
    assertThat(list.get("items")).singleElement().satisfies(d -> {
      assertThat(d.get("domain_name").asText()).isEqualTo("shop.example.com");
      assertThat(d.get("enabled").asBoolean()).isTrue();
    });
    assertThat(http.get("/v1/payment_method_domains").account(connectedAccount()).ok().get("items")).isEmpty();
  }

  // ---- checkout sessions ----

  @Test
  void aCheckoutSessionIsOpenUntilCompletedThenPaidWithItsEvent() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();
    JsonNode session = http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\", \"line_items\": "
        + "[{\"quantity\": 3, \"price_data\": {\"currency\": \"eur\", \"unit_amount\": 250}}], \"customer\": \""
        + customer + "\", \"client_reference_id\": \"order-9\", \"success_url\": \"https://shop.example/ok\"}").ok();
    String id = session.get("id").asText();
    assertThat(session.get("status").asText()).isEqualTo("open");
    assertThat(session.get("payment_status").asText()).isEqualTo("unpaid");
    assertThat(session.get("amount_total").asLong()).isEqualTo(750);
    assertThat(session.get("url").asText()).isEqualTo(paypercut.baseUrl() + "/checkout/" + id);
    assertThat(session.get("expires_at").asText()).isEqualTo("2026-11-22T10:00:00Z");

    String intent = paypercut.completeCheckout(id);

    JsonNode completed = http.get("/v1/checkouts/" + id + "?expand=customer").ok();
    assertThat(completed.get("status").asText()).isEqualTo("complete");
    assertThat(completed.get("payment_status").asText()).isEqualTo("paid");
    assertThat(completed.get("payment_intent").asText()).isEqualTo(intent);
    assertThat(completed.get("customer").get("id").asText()).isEqualTo(customer);
    JsonNode paid = http.get("/v1/payment_intents/" + intent).ok();
    assertThat(paid.get("status").asText()).isEqualTo("succeeded");
    assertThat(paid.get("amount_received").asLong()).isEqualTo(750);
    assertThat(paid.get("checkout_id").asText()).isEqualTo(id);
    assertThat(http.get("/v1/events").ok().get("items")).extracting(e -> e.get("type").asText())
        .containsExactly("checkout_session.completed", "payment_intent.captured", "payment_intent.authorized");
    assertThat(http.get("/v2/payments?client_reference_id=order-9").ok().get("items")).hasSize(1);
    assertThatThrownBy(() -> paypercut.completeCheckout(id)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> paypercut.completeCheckout("cs_nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkoutRulesOfTheDocsAreChecked() {
    String customer = http.post("/v1/customers", "{}").ok().get("id").asText();

    assertInvalid(http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\", \"amount\": 100, "
        + "\"customer\": \"" + customer + "\", \"customer_email\": \"a@example.com\"}").send(),
        "parameter_invalid", "customer_email");
    assertInvalid(http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\", \"amount\": 100, "
        + "\"ui_mode\": \"embedded\", \"success_url\": \"https://shop.example/ok\"}").send(),
        "parameter_invalid", "success_url");
    assertInvalid(http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\"}").send(),
        "parameter_missing", "amount");
    assertInvalid(http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\", \"line_items\": "
        + "[{\"quantity\": 1, \"price_data\": {\"currency\": \"usd\", \"unit_amount\": 5}}]}").send(),
        "parameter_invalid", "line_items[0].price");
    assertInvalid(http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"donation\"}").send(),
        "parameter_invalid", "mode");
    JsonNode embedded = http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"setup\", "
        + "\"ui_mode\": \"embedded\", \"return_url\": \"https://shop.example/back\"}").ok();
    assertThat(embedded.get("url").isNull()).isTrue();
    assertThat(embedded.get("payment_status").asText()).isEqualTo("no_payment_required");
  }

  @Test
  void aCheckoutWithManualCaptureIsCompletedUnpaidUntilCaptured() {
    String id = http.post("/v1/checkouts", "{\"currency\": \"eur\", \"mode\": \"payment\", \"amount\": 1200, "
        + "\"payment_intent_data\": {\"capture_method\": \"manual\"}}").ok().get("id").asText();

    String intent = paypercut.completeCheckout(id);

    assertThat(http.get("/v1/checkouts/" + id).ok().get("payment_status").asText()).isEqualTo("unpaid");
    assertThat(http.get("/v1/payment_intents/" + intent).ok().get("status").asText()).isEqualTo("requires_capture");
  }
}
