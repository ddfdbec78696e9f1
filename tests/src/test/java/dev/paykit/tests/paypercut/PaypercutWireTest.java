package dev.paykit.tests.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.paypercut.ListParams;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.AccountCreateRequest;
import dev.paykit.paypercut.model.CheckoutCreateRequest;
import dev.paykit.paypercut.model.CheckoutMode;
import dev.paykit.paypercut.model.CustomerCreateRequest;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.ExternalAccountCreateRequest;
import dev.paykit.paypercut.model.ExternalAccountCreateRequestExternalAccount;
import dev.paykit.paypercut.model.ExternalAccountCreateRequestExternalAccountNumbers;
import dev.paykit.paypercut.model.LineItem;
import dev.paykit.paypercut.model.PaymentIntentCaptureRequest;
import dev.paykit.paypercut.model.PaymentIntentConfirmRequest;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.paypercut.model.PaymentLinkCreateRequest;
import dev.paykit.paypercut.model.PaymentMethodCreateRequest;
import dev.paykit.paypercut.model.PaymentMethodCreateRequestConfirmationToken;
import dev.paykit.paypercut.model.PaymentMethodDomainCreateRequest;
import dev.paykit.paypercut.model.PaymentStatus;
import dev.paykit.paypercut.model.PriceCreateRequest;
import dev.paykit.paypercut.model.PriceData;
import dev.paykit.paypercut.model.ProductCreateRequest;
import dev.paykit.paypercut.model.RefundCreateRequest;
import dev.paykit.paypercut.model.SetupIntentCreateRequest;
import dev.paykit.paypercut.model.SubscriptionCreateRequest;
import dev.paykit.paypercut.model.SubscriptionItem;
import dev.paykit.paypercut.model.WebhookCreateRequest;
import dev.paykit.tests.support.NumberedKeys;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exact request of every Paypercut operation, as it reached a byte-level server: method, target
 * (path and raw query, so the encoding of {@code expand} and list filters shows), the credentials, the
 * idempotency key (on every POST, never on GET or DELETE), {@code Paypercut-Account} (when the call is
 * scoped, never otherwise) and the JSON body byte for byte.
 */
@ExtendWith(ScriptedServerExtension.class)
class PaypercutWireTest {

  static final String KEY = "sk_test_wire_0123456789";
  static final String PI = "{\"id\":\"pi_1\",\"amount\":2500,\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\"}";
  static final String PAYMENT = "{\"id\":\"py_1\",\"amount\":2500,\"currency\":{\"iso\":\"eur\",\"scale\":2}}";
  static final String REFUND = "{\"id\":\"re_1\",\"amount\":500}";
  static final String CUSTOMER = "{\"id\":\"cus_1\"}";
  static final String PM = "{\"id\":\"pm_1\"}";
  static final String CHECKOUT = "{\"id\":\"cs_1\"}";
  static final String LINK = "{\"id\":\"pl_1\",\"amount\":100,\"currency\":{\"iso\":\"eur\",\"scale\":2},\"active\":true}";
  static final String WEBHOOK = "{\"id\":\"we_1\",\"secret\":\"whsec_x\"}";
  static final String EVENT = "{\"id\":\"evt_1\",\"type\":\"account.updated\",\"created\":\"2026-01-01T00:00:00Z\",\"livemode\":false,\"data\":{\"object\":{}}}";
  static final String ACCOUNT = "{\"id\":\"acct_1\"}";
  static final String EMPTY_PAGE = "{\"items\":[],\"last_key\":null}";

  RawServer raw;
  NumberedKeys keys;
  PaypercutClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    raw = scripted.raw();
    keys = new NumberedKeys();
    client = PaypercutClient.builder().secretKey(KEY).baseUrl(raw.baseUrl()).idempotencyKeySource(keys::next)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
  }

  /** Answers once with {@code body}, runs the call, and checks the one request that arrived. */
  private RawServer.Request exchange(String body, Runnable call) {
    raw.then(Reply.json(200, body));
    call.run();
    List<RawServer.Request> requests = raw.requests();
    assertThat(requests).hasSize(1);
    RawServer.Request r = requests.get(0);
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    return r;
  }

  private static void post(RawServer.Request r, String target, String key, String account, String json) {
    assertThat(r.method()).isEqualTo("POST");
    assertSameTarget(r.target(), target);
    assertThat(r.headerValues("Idempotency-Key")).containsExactly(key);
    assertThat(r.headerValues("Paypercut-Account")).isEqualTo(account == null ? List.of() : List.of(account));
    assertThat(r.headerValues("X-Paypercut-Account")).isEmpty();
    if (json == null) {
      assertThat(r.body()).isEmpty();
    } else {
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(json);
    }
  }

  private static void get(RawServer.Request r, String method, String target, String account) {
    assertThat(r.method()).isEqualTo(method);
    assertSameTarget(r.target(), target);
    assertThat(r.headerValues("Idempotency-Key")).as("no key on " + method).isEmpty();
    assertThat(r.headerValues("Paypercut-Account")).isEqualTo(account == null ? List.of() : List.of(account));
    assertThat(r.body()).isEmpty();
  }

  /**
   * The same path and the same query parameters, each exactly as encoded; the parameters' order is not
   * meaningful (the generated query maps are hash maps), a repeated parameter's values keep theirs.
   */
  static void assertSameTarget(String actual, String expected) {
    String[] a = actual.split("\\?", 2);
    String[] e = expected.split("\\?", 2);
    assertThat(a[0]).isEqualTo(e[0]);
    List<String> aq = a.length > 1 ? List.of(a[1].split("&")) : List.of();
    List<String> eq = e.length > 1 ? List.of(e[1].split("&")) : List.of();
    assertThat(aq).as(actual).containsExactlyInAnyOrderElementsOf(eq);
    for (String name : eq.stream().map(p -> p.split("=")[0]).distinct().toList()) {
      assertThat(aq.stream().filter(p -> p.startsWith(name + "=")).toList())
          .as("order of the values of " + name).isEqualTo(eq.stream().filter(p -> p.startsWith(name + "=")).toList());
    }
  }

  // ---- payment intents ------------------------------------------------------------------------------

  @Test
  void createPaymentIntent() {
    var r = exchange(PI, () -> client.paymentIntents().create(new PaymentIntentCreateRequest().amount(2500L)
        .currency("EUR").paymentMethod("pm_card_visa").confirm(true).captureMethod(
            PaymentIntentCreateRequest.CaptureMethodEnum.MANUAL).statementDescriptor("PAYKIT*ORDER 7")));
    post(r, "/v1/payment_intents", NumberedKeys.key(1), null,
        "{\"amount\":2500,\"currency\":\"EUR\",\"capture_method\":\"manual\",\"confirm\":true,"
            + "\"payment_method\":\"pm_card_visa\",\"statement_descriptor\":\"PAYKIT*ORDER 7\"}");
  }

  @Test
  void createPaymentIntentWithExpandAndTheCallersKeyOnAConnectedAccount() {
    var r = exchange(PI, () -> client.forAccount("acct_42").paymentIntents().create(
        new PaymentIntentCreateRequest().amount(1L).currency("jpy"), List.of("customer", "payment_method"),
        RequestOptions.ofIdempotencyKey("order-7:attempt.1")));
    post(r, "/v1/payment_intents?expand=customer&expand=payment_method", "order-7:attempt.1", "acct_42",
        "{\"amount\":1,\"currency\":\"jpy\"}");
    assertThat(keys.get()).as("no key made when the caller gives one").isZero();
  }

  @Test
  void getPaymentIntent() {
    get(exchange(PI, () -> client.paymentIntents().retrieve("pi_1")), "GET", "/v1/payment_intents/pi_1", null);
  }

  @Test
  void getPaymentIntentExpanded() {
    var r = exchange(PI, () -> client.paymentIntents().retrieve("pi_1", List.of("customer"), RequestOptions.none()));
    get(r, "GET", "/v1/payment_intents/pi_1?expand=customer", null);
  }

  @Test
  void confirmPaymentIntent() {
    var r = exchange(PI, () -> client.paymentIntents().confirm("pi_1",
        new PaymentIntentConfirmRequest().paymentMethod("pm_card_visa")));
    post(r, "/v1/payment_intents/pi_1/confirm", NumberedKeys.key(1), null, "{\"payment_method\":\"pm_card_visa\"}");
  }

  @Test
  void capturePaymentIntentPartially() {
    var r = exchange(PI, () -> client.paymentIntents().capture("pi_1",
        new PaymentIntentCaptureRequest().amountToCapture(1500L).finalCapture(true)));
    post(r, "/v1/payment_intents/pi_1/capture", NumberedKeys.key(1), null,
        "{\"amount_to_capture\":1500,\"final_capture\":true}");
  }

  @Test
  void captureWholeAmountSendsAnEmptyObject() {
    var r = exchange(PI, () -> client.paymentIntents().capture("pi_1"));
    post(r, "/v1/payment_intents/pi_1/capture", NumberedKeys.key(1), null, "{}");
  }

  @Test
  void cancelPaymentIntentSendsNoBody() {
    var r = exchange(PI, () -> client.paymentIntents().cancel("pi_1"));
    post(r, "/v1/payment_intents/pi_1/cancel", NumberedKeys.key(1), null, null);
  }

  // ---- payments and refunds -------------------------------------------------------------------------

  @Test
  void getPayment() {
    get(exchange(PAYMENT, () -> client.payments().retrieve("py_1")), "GET", "/v2/payments/py_1", null);
  }

  @Test
  void getPaymentV1() {
    get(exchange(PAYMENT, () -> client.payments().retrieveV1("py_1", RequestOptions.none())), "GET",
        "/v1/payments/py_1", null);
  }

  @Test
  void listPaymentsWithEveryFilter() {
    var r = exchange(EMPTY_PAGE, () -> client.payments().list(ListParams.payments()
        .customers(List.of("cus_1", "cus 2")).status(PaymentStatus.SUCCEEDED).currency("EUR")
        .startDate(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .endDate(OffsetDateTime.of(2026, 1, 31, 23, 59, 59, 0, ZoneOffset.ofHours(2)))
        .limit(25).lastKey("eyJsYXN0SWQiOiJ4In0=").clientReferenceId("order/7").livemode(false)));
    get(r, "GET", "/v2/payments?customer=cus_1&customer=cus%202&start_date=2026-01-01T00%3A00%3A00Z"
        + "&end_date=2026-01-31T23%3A59%3A59%2B02%3A00&status=succeeded&currency=EUR&limit=25"
        + "&last_key=eyJsYXN0SWQiOiJ4In0%3D&client_reference_id=order%2F7&livemode=false", null);
  }

  @Test
  void aFilterValueWithAnAsteriskIsEncodedOnce() {
    var r = exchange(EMPTY_PAGE, () -> client.payments().list(ListParams.payments().clientReferenceId("order*7:a b")));
    get(r, "GET", "/v2/payments?client_reference_id=order%2A7%3Aa%20b", null);
  }

  @Test
  void createRefund() {
    var r = exchange(REFUND, () -> client.refunds().create(new RefundCreateRequest().payment("py_1").amount(500L)
        .reason(RefundCreateRequest.ReasonEnum.REQUESTED_BY_CUSTOMER)));
    post(r, "/v1/refunds", NumberedKeys.key(1), null,
        "{\"payment\":\"py_1\",\"amount\":500,\"reason\":\"requested_by_customer\"}");
  }

  @Test
  void getRefund() {
    get(exchange(REFUND, () -> client.refunds().retrieve("re_1")), "GET", "/v1/refunds/re_1", null);
  }

  @Test
  void listRefunds() {
    var r = exchange(EMPTY_PAGE, () -> client.refunds().list(ListParams.refunds()
        .statuses(List.of("succeeded", "pending")).currencies(List.of("EUR")).limit(5)));
    get(r, "GET", "/v1/refunds?status=succeeded&status=pending&currency=EUR&limit=5", null);
  }

  // ---- customers and payment methods -----------------------------------------------------------------

  @Test
  void createCustomer() {
    var r = exchange(CUSTOMER, () -> client.customers().create(new CustomerCreateRequest().email("ada@example.com")
        .name("Ada Lovelace").preferredLocales(List.of("en-GB")).putMetadataItem("crm", "7")));
    post(r, "/v1/customers", NumberedKeys.key(1), null,
        "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\",\"preferred_locales\":[\"en-GB\"],"
            + "\"metadata\":{\"crm\":\"7\"}}");
  }

  @Test
  void getCustomer() {
    get(exchange(CUSTOMER, () -> client.customers().retrieve("cus_1")), "GET", "/v1/customers/cus_1", null);
  }

  @Test
  void updateCustomerIsAPutWithoutKey() {
    var r = exchange(CUSTOMER, () -> client.customers().update("cus_1", new CustomerCreateRequest().phone("+359 2 1")));
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.target()).isEqualTo("/v1/customers/cus_1");
    assertThat(r.headerValues("Idempotency-Key")).isEmpty();
    assertThat(r.bodyText()).isEqualTo("{\"phone\":\"+359 2 1\"}");
  }

  @Test
  void createPaymentMethod() {
    var r = exchange(PM, () -> client.paymentMethods().create(new PaymentMethodCreateRequest()
        .type(PaymentMethodCreateRequest.TypeEnum.CARD)
        .confirmationToken(new PaymentMethodCreateRequestConfirmationToken().tokenId("ctok_1")).customer("cus_1")));
    post(r, "/v1/payment_methods", NumberedKeys.key(1), null,
        "{\"type\":\"card\",\"confirmation_token\":{\"token_id\":\"ctok_1\"},\"customer\":\"cus_1\"}");
  }

  @Test
  void getPaymentMethodWithTheOneExpandableField() {
    var r = exchange(PM, () -> client.paymentMethods().retrieve("pm_1", true, RequestOptions.none()));
    get(r, "GET", "/v1/payment_methods/pm_1?expand=customer", null);
  }

  @Test
  void detachPaymentMethod() {
    post(exchange(PM, () -> client.paymentMethods().detach("pm_1")), "/v1/payment_methods/pm_1/detach",
        NumberedKeys.key(1), null, null);
  }

  // ---- checkouts, links ------------------------------------------------------------------------------

  @Test
  void createCheckout() {
    var r = exchange(CHECKOUT, () -> client.checkouts().create(new CheckoutCreateRequest().currency("EUR")
        .mode(CheckoutMode.PAYMENT).uiMode(CheckoutCreateRequest.UiModeEnum.EMBEDDED).amount(1999L)
        .lineItems(List.of(new LineItem().quantity(2).priceData(new PriceData().currency("EUR").unitAmount(999L))))
        .clientReferenceId("order-7").returnUrl("https://shop.example/return?o=7")));
    post(r, "/v1/checkouts", NumberedKeys.key(1), null,
        "{\"currency\":\"EUR\",\"mode\":\"payment\",\"ui_mode\":\"embedded\",\"amount\":1999,"
            + "\"line_items\":[{\"quantity\":2,\"price_data\":{\"currency\":\"EUR\",\"unit_amount\":999}}],"
            + "\"return_url\":\"https://shop.example/return?o=7\",\"client_reference_id\":\"order-7\"}");
  }

  @Test
  void getCheckout() {
    get(exchange(CHECKOUT, () -> client.checkouts().retrieve("cs_1", List.of("payment_intent"), RequestOptions.none())),
        "GET", "/v1/checkouts/cs_1?expand=payment_intent", null);
  }

  @Test
  void createPaymentLink() {
    var r = exchange(LINK, () -> client.paymentLinks().create(new PaymentLinkCreateRequest().amount(100L)
        .currency("EUR").description("Donation")));
    post(r, "/v1/payment-links", NumberedKeys.key(1), null,
        "{\"amount\":100,\"currency\":\"EUR\",\"description\":\"Donation\"}");
  }

  @Test
  void getPaymentLink() {
    get(exchange(LINK, () -> client.paymentLinks().retrieve("pl_1")), "GET", "/v1/payment-links/pl_1", null);
  }

  @Test
  void listPaymentLinks() {
    var r = exchange(EMPTY_PAGE, () -> client.paymentLinks().list(ListParams.paymentLinks()
        .accountIds(List.of("acct_1", "acct_2")).statuses(List.of("open")).id("pl_1")));
    get(r, "GET", "/v1/payment-links?account_id=acct_1&account_id=acct_2&status=open&id=pl_1", null);
  }

  // ---- billing ---------------------------------------------------------------------------------------

  @Test
  void createProduct() {
    post(exchange("{\"id\":\"prod_1\"}", () -> client.billing().createProduct(new ProductCreateRequest().name("Plan"))),
        "/v1/products", NumberedKeys.key(1), null, "{\"name\":\"Plan\"}");
  }

  @Test
  void createPrice() {
    var r = exchange("{\"id\":\"price_1\"}", () -> client.billing().createPrice(new PriceCreateRequest()
        .currency("EUR").product("prod_1").type(PriceCreateRequest.TypeEnum.ONE_TIME).unitAmountDecimal("12.505")));
    post(r, "/v1/prices", NumberedKeys.key(1), null,
        "{\"currency\":\"EUR\",\"product\":\"prod_1\",\"type\":\"one_time\",\"unit_amount_decimal\":\"12.505\"}");
  }

  @Test
  void createSetupIntent() {
    var r = exchange("{\"id\":\"seti_1\"}", () -> client.billing().createSetupIntent(new SetupIntentCreateRequest()
        .currency("EUR").offSession(SetupIntentCreateRequest.OffSessionEnum.RECURRING)));
    post(r, "/v1/setup_intents", NumberedKeys.key(1), null, "{\"currency\":\"EUR\",\"off_session\":\"recurring\"}");
  }

  @Test
  void createSubscription() {
    var r = exchange("{\"id\":\"sub_1\"}", () -> client.billing().createSubscription(new SubscriptionCreateRequest()
        .customer("cus_1").items(List.of(new SubscriptionItem().price("price_1").quantity(1))).trialPeriodDays(14)));
    post(r, "/v1/subscriptions", NumberedKeys.key(1), null,
        "{\"customer\":\"cus_1\",\"items\":[{\"price\":\"price_1\",\"quantity\":1}],\"trial_period_days\":14}");
  }

  // ---- webhooks, events ------------------------------------------------------------------------------

  @Test
  void createWebhook() {
    var r = exchange(WEBHOOK, () -> client.webhookEndpoints().create(new WebhookCreateRequest().name("shop")
        .url("https://shop.example/hooks").enabledEvents(List.of(EventType.PAYMENT_INTENT_CAPTURED))));
    post(r, "/v1/webhooks", NumberedKeys.key(1), null,
        "{\"name\":\"shop\",\"url\":\"https://shop.example/hooks\",\"enabled_events\":[\"payment_intent.captured\"]}");
  }

  @Test
  void listWebhooks() {
    get(exchange("{\"items\":[]}", () -> client.webhookEndpoints().list()), "GET", "/v1/webhooks", null);
  }

  @Test
  void getWebhook() {
    get(exchange(WEBHOOK, () -> client.webhookEndpoints().retrieve("we_1")), "GET", "/v1/webhooks/we_1", null);
  }

  @Test
  void deleteWebhook() {
    get(exchange("", () -> client.webhookEndpoints().delete("we_1")), "DELETE", "/v1/webhooks/we_1", null);
  }

  @Test
  void listEventsSendsNoParameterUnlessAsked() {
    get(exchange(EMPTY_PAGE, () -> client.events().list(ListParams.events())), "GET", "/v1/events", null);
  }

  @Test
  void getEvent() {
    get(exchange(EVENT, () -> client.events().retrieve("evt_1")), "GET", "/v1/events/evt_1", null);
  }

  // ---- accounts ---------------------------------------------------------------------------------------

  @Test
  void getTheConnectedAccount() {
    get(exchange(ACCOUNT, () -> client.accounts().retrieveCurrent(RequestOptions.builder().scope("acct_9").build())),
        "GET", "/v1/account", "acct_9");
  }

  @Test
  void createAccount() {
    var r = exchange(ACCOUNT, () -> client.accounts().create(new AccountCreateRequest()
        .type(AccountCreateRequest.TypeEnum.CUSTOM).country("BG").email("ops@shop.example")));
    post(r, "/v1/accounts", NumberedKeys.key(1), null,
        "{\"type\":\"custom\",\"country\":\"BG\",\"email\":\"ops@shop.example\"}");
  }

  @Test
  void createExternalAccount() {
    var r = exchange("{\"external_account\":{\"id\":\"ba_1\"}}", () -> client.accounts().createExternalAccount("acct_1",
        new ExternalAccountCreateRequest().externalAccount(new ExternalAccountCreateRequestExternalAccount()
            ._object(ExternalAccountCreateRequestExternalAccount.ObjectEnum.BANK_ACCOUNT).country("BG").currency("EUR").holderName("Shop Ltd")
            .numbers(new ExternalAccountCreateRequestExternalAccountNumbers()
                .scheme(ExternalAccountCreateRequestExternalAccountNumbers.SchemeEnum.IBAN)
                .iban("BG80BNBG96611020345678")))
            .defaultForCurrency(true)));
    post(r, "/v1/accounts/acct_1/external_accounts", NumberedKeys.key(1), null,
        "{\"external_account\":{\"object\":\"bank_account\",\"country\":\"BG\",\"currency\":\"EUR\","
            + "\"holder_name\":\"Shop Ltd\",\"numbers\":{\"scheme\":\"iban\",\"iban\":\"BG80BNBG96611020345678\"}},"
            + "\"default_for_currency\":true}");
  }

  @Test
  void paymentMethodDomains() {
    post(exchange("{\"id\":\"pmd_1\",\"domain_name\":\"shop.example\"}", () -> client.paymentMethodDomains()
        .create(new PaymentMethodDomainCreateRequest().domainName("shop.example"))),
        "/v1/payment_method_domains", NumberedKeys.key(1), null, "{\"domain_name\":\"shop.example\"}");
  }

  @Test
  void listPaymentMethodDomains() {
    get(exchange("{\"items\":[]}", () -> client.paymentMethodDomains().list()), "GET", "/v1/payment_method_domains", null);
  }
}
