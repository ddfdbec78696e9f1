package dev.paykit.paypercut;

import static dev.paykit.paypercut.WebhookVectors.PI_CAPTURED;
import static dev.paykit.paypercut.WebhookVectors.PI_CAPTURED_V1;
import static dev.paykit.paypercut.WebhookVectors.SECRET;
import static dev.paykit.paypercut.WebhookVectors.SIGNED_AT;
import static dev.paykit.paypercut.WebhookVectors.UNKNOWN_TYPE;
import static dev.paykit.paypercut.WebhookVectors.UNKNOWN_TYPE_V1;
import static dev.paykit.paypercut.WebhookVectors.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.SignatureVerificationException.Reason;
import dev.paykit.paypercut.model.Account;
import dev.paykit.paypercut.model.CheckoutSession;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.ExternalAccount;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentStatus;
import dev.paykit.paypercut.testing.WebhookSigner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a verified delivery reads as: the event's fields, {@code data.object} typed by the event type, and
 * the payloads that are authentic but not events. Bodies other than {@link WebhookVectors}' are signed
 * with {@link WebhookSigner}, itself checked against the OpenSSL vectors in {@code WebhookSignerTest}.
 */
class WebhookEventTest {

  private static final PaypercutWebhooks WEBHOOKS = PaypercutWebhooks.builder().secret(SECRET)
      .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).build();

  private static WebhookEvent read(String body) {
    return WEBHOOKS.verify(WebhookSigner.header(SECRET, SIGNED_AT, body), body);
  }

  private static String event(String type, String object) {
    return "{\"id\":\"evt_X\",\"type\":\"" + type + "\",\"created\":\"2026-01-21T10:30:48Z\",\"livemode\":true,"
        + "\"data\":{\"object\":" + object + "}}";
  }

  private static SignatureVerificationException malformed(String body) {
    try {
      read(body);
    } catch (SignatureVerificationException e) {
      assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(e.getMessage()).contains("authentic webhook body, but");
      return e;
    }
    throw new AssertionError("accepted: " + body);
  }

  // ---- the event's own fields -----------------------------------------------------------------------

  @Test
  void readsEveryFieldOfTheEventKeepingTheOffset() {
    WebhookEvent e = WEBHOOKS.verify(header(PI_CAPTURED_V1), PI_CAPTURED);

    assertThat(e.id()).isEqualTo("evt_01K688H80Z3199KETHDJ4ZAFPS");
    assertThat(e.type()).isEqualTo("payment_intent.captured");
    assertThat(e.knownType()).isEqualTo(EventType.PAYMENT_INTENT_CAPTURED);
    assertThat(e.created()).isEqualTo(OffsetDateTime.of(2026, 1, 21, 10, 30, 48, 0, ZoneOffset.ofHours(2)));
    assertThat(e.created().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(e.livemode()).isFalse();
    assertThat(e.account()).contains("acct_01K6ACCT");
    assertThat(e.apiVersion()).contains("v1");
    assertThat(e.deliveryId()).isEmpty();
    assertThat(e.data().get("object").get("id").textValue()).isEqualTo("pi_01K688H80Z");
    assertThat(e.dataObject().get("amount").longValue()).isEqualTo(1050L);
  }

  @Test
  void nullOrAbsentAccountAndApiVersionAreEmpty() {
    WebhookEvent e = WEBHOOKS.verify(header(UNKNOWN_TYPE_V1), UNKNOWN_TYPE);
    WebhookEvent absent = read(event("invoice.paid", "{\"id\":\"in_1\"}"));

    assertThat(e.account()).isEmpty();
    assertThat(e.apiVersion()).isEmpty();
    assertThat(absent.account()).isEmpty();
    assertThat(absent.apiVersion()).isEmpty();
  }

  @Test
  void aTypedObjectWithoutWhatItsModelRequiresIsNoEvent() {
    SignatureVerificationException e = catchThrowableOfType(SignatureVerificationException.class,
        () -> read(event("payment_intent.captured", "{}")));
    assertThat(e.reason()).isEqualTo(SignatureVerificationException.Reason.MALFORMED_PAYLOAD);
    assertThat(e.getMessage()).contains("lacks id, amount, currency, status");
  }

  @ParameterizedTest
  @CsvSource({
      "checkout_session.completed, CHECKOUT_SESSION_COMPLETED",
      "payment_intent.authorized, PAYMENT_INTENT_AUTHORIZED",
      "payment_intent.captured, PAYMENT_INTENT_CAPTURED",
      "account.updated, ACCOUNT_UPDATED",
      "account.external_account.created, ACCOUNT_EXTERNAL_ACCOUNT_CREATED",
      "account.external_account.updated, ACCOUNT_EXTERNAL_ACCOUNT_UPDATED",
      "invoice.paid, INVOICE_PAID",
      "invoice.payment_failed, INVOICE_PAYMENT_FAILED",
      "payment_intent.canceled, UNKNOWN_DEFAULT_OPEN_API",
      "Payment_Intent.Captured, UNKNOWN_DEFAULT_OPEN_API",
      "refund.created, UNKNOWN_DEFAULT_OPEN_API",
  })
  void everyDocumentedTypeIsKnownAndAnyOtherStillReads(String wire, EventType known) {
    String object = wire.startsWith("payment_intent.")
        ? "{\"id\":\"obj_1\",\"amount\":1,\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\"}"
        : "{\"id\":\"obj_1\"}";
    WebhookEvent e = read(event(wire, object));

    assertThat(e.knownType()).isEqualTo(known);
    assertThat(e.type()).isEqualTo(wire);
  }

  @Test
  void anUnknownTypeKeepsItsNameAndItsUntypedObject() {
    WebhookEvent e = WEBHOOKS.verify(header(UNKNOWN_TYPE_V1), UNKNOWN_TYPE);

    assertThat(e.knownType()).isEqualTo(EventType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(e.type()).isEqualTo("payout.paid");
    assertThat(e.dataObject().get("amount").longValue()).isEqualTo(-250L);
    assertThat(e.paymentIntent()).isEmpty();
    assertThat(e.checkoutSession()).isEmpty();
    assertThat(e.updatedAccount()).isEmpty();
    assertThat(e.externalAccount()).isEmpty();
  }

  @Test
  void createdMayBeUnixSecondsAsSomeModelDescriptionsSay() {
    WebhookEvent e = read(event("invoice.paid", "{\"id\":\"in_1\"}").replace("\"2026-01-21T10:30:48Z\"", "1768991448"));

    assertThat(e.created()).isEqualTo(OffsetDateTime.of(2026, 1, 21, 10, 30, 48, 0, ZoneOffset.UTC));
  }

  @Test
  void decimalsInTheDataKeepTheirScale() {
    WebhookEvent e = read(event("invoice.paid", "{\"id\":\"in_1\",\"rate\":1.2500,\"fee\":-32.50}"));

    assertThat(e.dataObject().get("rate").decimalValue()).isEqualTo(new BigDecimal("1.2500"));
    assertThat(e.dataObject().get("rate").decimalValue().scale()).isEqualTo(4);
    assertThat(e.dataObject().get("fee").decimalValue().toPlainString()).isEqualTo("-32.50");
  }

  @Test
  void theDeliveryIdIsKeptOnlyWhenItIsPrintable() {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Paypercut-Signature", header(PI_CAPTURED_V1));
    byte[] body = PI_CAPTURED.getBytes(StandardCharsets.UTF_8);

    headers.put("Paypercut-Delivery-Id", "  dlv_01K6  ");
    assertThat(WEBHOOKS.verify(headers::get, body).deliveryId()).contains("dlv_01K6");
    headers.put("Paypercut-Delivery-Id", "dlv\r\nX-Injected: 1");
    assertThat(WEBHOOKS.verify(headers::get, body).deliveryId()).isEmpty();
    headers.put("Paypercut-Delivery-Id", "d".repeat(256));
    assertThat(WEBHOOKS.verify(headers::get, body).deliveryId()).isEmpty();
    headers.put("Paypercut-Delivery-Id", " ");
    assertThat(WEBHOOKS.verify(headers::get, body).deliveryId()).isEmpty();
  }

  // ---- data.object typed per family -----------------------------------------------------------------

  @Test
  void aPaymentIntentEventCarriesAPaymentIntent() {
    WebhookEvent e = WEBHOOKS.verify(header(PI_CAPTURED_V1), PI_CAPTURED);

    PaymentIntent pi = e.paymentIntent().orElseThrow();
    assertThat(pi.getId()).isEqualTo("pi_01K688H80Z");
    assertThat(pi.getAmount()).isEqualTo(1050L);
    assertThat(pi.getCurrency().getIso()).isEqualTo("eur");
    assertThat(pi.getCurrency().getScale()).isEqualTo(2);
    assertThat(pi.getStatus()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
    assertThat(pi.getCreated().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(PaypercutMoney.toDecimal(pi.getAmount(), pi.getCurrency())).isEqualTo(new BigDecimal("10.50"));
    assertThat(e.checkoutSession()).isEmpty();
    assertThat(e.updatedAccount()).isEmpty();
    assertThat(e.externalAccount()).isEmpty();
  }

  @Test
  void aPaymentIntentTypePaykitDoesNotKnowStillReadsAsAPaymentIntent() {
    WebhookEvent e = read(event("payment_intent.canceled",
        "{\"id\":\"pi_2\",\"amount\":700,\"currency\":{\"iso\":\"JPY\",\"scale\":0},\"status\":\"canceled\"}"));

    assertThat(e.knownType()).isEqualTo(EventType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(e.paymentIntent().orElseThrow().getStatus()).isEqualTo(PaymentIntentStatus.CANCELED);
  }

  @Test
  void aCheckoutSessionEventCarriesACheckoutSession() {
    WebhookEvent e = WEBHOOKS.verify(header(WebhookVectors.CHECKOUT_UTF8_V1), WebhookVectors.CHECKOUT_UTF8);

    CheckoutSession cs = e.checkoutSession().orElseThrow();
    assertThat(cs.getId()).isEqualTo("cs_01");
    assertThat(cs.getAmountTotal()).isEqualTo(1500L);
    assertThat(cs.getStatus()).isEqualTo(CheckoutSession.StatusEnum.COMPLETE);
    assertThat(cs.getDescription()).isEqualTo("Caf\u00e9 \u2013 15 \u20ac");
    assertThat(e.livemode()).isTrue();
    assertThat(e.paymentIntent()).isEmpty();
  }

  @Test
  void anAccountUpdatedEventCarriesTheAccount() {
    WebhookEvent e = read(event("account.updated",
        "{\"id\":\"acct_1\",\"country\":\"BG\",\"details_submitted\":true,"
            + "\"requirements\":{\"currently_due\":[\"company.tax_id\"],\"disabled_reason\":null}}"));

    Account a = e.updatedAccount().orElseThrow();
    assertThat(a.getId()).isEqualTo("acct_1");
    assertThat(a.getCountry()).isEqualTo("BG");
    assertThat(a.getDetailsSubmitted()).isTrue();
    assertThat(a.getRequirements().getCurrentlyDue()).containsExactly("company.tax_id");
    assertThat(e.externalAccount()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"account.external_account.created", "account.external_account.updated"})
  void anExternalAccountEventCarriesTheBankAccount(String type) {
    WebhookEvent e = read(event(type,
        "{\"id\":\"ba_123\",\"object\":\"bank_account\",\"currency\":\"eur\",\"account_number\":\"**** 5678\","
            + "\"last4\":\"5678\"}"));

    ExternalAccount ba = e.externalAccount().orElseThrow();
    assertThat(ba.getId()).isEqualTo("ba_123");
    assertThat(ba.getObject()).isEqualTo("bank_account");
    assertThat(ba.getAccountNumber()).isEqualTo("**** 5678");
    assertThat(e.updatedAccount()).isEmpty();
  }

  @Test
  void invoiceEventsAreReadAsJsonOrAsTheCallersOwnType() {
    WebhookEvent e = read(event("invoice.payment_failed", "{\"id\":\"in_9\",\"amount_due\":4200,\"attempt_count\":2}"));

    assertThat(e.paymentIntent()).isEmpty();
    assertThat(e.dataObject().get("amount_due").longValue()).isEqualTo(4200L);
    Invoice invoice = e.dataObject(Invoice.class);
    assertThat(invoice.id()).isEqualTo("in_9");
    assertThat(invoice.amount_due()).isEqualTo(4200L);
  }

  /** A caller's own type for a family paykit does not model. */
  record Invoice(String id, long amount_due) {}

  @Test
  void anObjectThatDoesNotReadAsItsFamilysModelIsMalformedAtVerification() {
    SignatureVerificationException e = malformed(event("payment_intent.captured",
        "{\"id\":\"pi_1\",\"amount\":\"a lot\"}"));

    assertThat(e.getMessage()).contains("data.object of payment_intent.captured event evt_X does not read as PaymentIntent");
  }

  @Test
  void dataObjectAsAnUnfitTypeIsMalformedAndANullTypeIsRefused() {
    WebhookEvent e = read(event("invoice.paid", "{\"id\":\"in_1\",\"amount_due\":\"x\"}"));

    assertThatThrownBy(() -> e.dataObject(Invoice.class))
        .isInstanceOfSatisfying(SignatureVerificationException.class,
            x -> assertThat(x.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD))
        .hasMessageContaining("does not read as Invoice");
    assertThatThrownBy(() -> e.dataObject(null)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- immutability ---------------------------------------------------------------------------------

  @Test
  void changingWhatAnAccessorReturnedChangesNothingInTheEvent() {
    WebhookEvent e = WEBHOOKS.verify(header(PI_CAPTURED_V1), PI_CAPTURED);

    e.paymentIntent().orElseThrow().setAmount(1L);
    ((ObjectNode) e.data()).remove("object");
    ((ObjectNode) e.dataObject()).put("amount", 2);
    ((ObjectNode) e.data().get("object")).put("amount", 3);

    assertThat(e.paymentIntent().orElseThrow().getAmount()).isEqualTo(1050L);
    assertThat(e.dataObject().get("amount").longValue()).isEqualTo(1050L);
    assertThat(e.data().has("object")).isTrue();
  }

  @Test
  void toStringNamesTheEventButShowsNoData() {
    WebhookEvent e = WEBHOOKS.verify(header(PI_CAPTURED_V1), PI_CAPTURED);

    assertThat(e.toString()).isEqualTo("WebhookEvent[id=evt_01K688H80Z3199KETHDJ4ZAFPS, type=payment_intent.captured,"
        + " created=2026-01-21T10:30:48+02:00, livemode=false, account=acct_01K6ACCT]");
  }

  // ---- authentic bodies that are not events ---------------------------------------------------------

  @Test
  void aBodyThatIsNotJsonOrNotAnObjectIsMalformed() {
    assertThat(malformed("not json").getMessage()).contains("it is not valid JSON");
    assertThat(malformed("[1,2]").getMessage()).contains("it is not a JSON object");
    assertThat(malformed("\"evt\"").getMessage()).contains("it is not a JSON object");
    assertThat(malformed("   ").getMessage()).contains("it is not a JSON object");
    assertThat(malformed(event("invoice.paid", "{\"id\":\"in_1\"}") + " {}").getMessage())
        .contains("it is not valid JSON");
  }

  @Test
  void everyMissingOrMistypedFieldIsNamedInOneMessage() {
    SignatureVerificationException e = malformed(
        "{\"id\":\"\",\"type\":7,\"livemode\":\"yes\",\"account\":12,\"data\":{}}");

    assertThat(e.getMessage()).contains("it is not a Paypercut event: id is blank; type is not a string; created is missing;"
        + " livemode is not a boolean; account is not a string; data.object is missing");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "\"id\":\"evt_X\",|id is missing",
      "\"id\":null,|id is missing",
      "\"type\":\"invoice.paid\",|type is missing",
      "\"created\":\"2026-01-21T10:30:48Z\",|created is missing",
      "\"livemode\":true,|livemode is missing",
  })
  void aMissingRequiredFieldIsNamed(String removed, String message) {
    String full = event("invoice.paid", "{\"id\":\"in_1\"}");
    String body = removed.startsWith("\"id\":null")
        ? full.replace("\"id\":\"evt_X\",", "\"id\":null,")
        : full.replace(removed, "");

    assertThat(malformed(body).getMessage()).contains(message);
  }

  @Test
  void dataAndItsObjectMustBeObjects() {
    String base = "{\"id\":\"evt_X\",\"type\":\"invoice.paid\",\"created\":\"2026-01-21T10:30:48Z\",\"livemode\":true";

    assertThat(malformed(base + "}").getMessage()).contains("data is missing");
    assertThat(malformed(base + ",\"data\":[]}").getMessage()).contains("data is not an object");
    assertThat(malformed(base + ",\"data\":{\"object\":null}}").getMessage()).contains("data.object is missing");
    assertThat(malformed(base + ",\"data\":{\"object\":\"in_1\"}}").getMessage()).contains("data.object is not an object");
  }

  @Test
  void aCreatedThatIsNeitherRfc3339NorSecondsIsMalformed() {
    assertThat(malformed(event("invoice.paid", "{}").replace("2026-01-21T10:30:48Z", "21/01/2026")).getMessage())
        .contains("created is not an RFC 3339 date-time");
    assertThat(malformed(event("invoice.paid", "{}").replace("2026-01-21T10:30:48Z", "2026-01-21T10:30:48")).getMessage())
        .contains("created is not an RFC 3339 date-time");
    assertThat(malformed(event("invoice.paid", "{}").replace("\"2026-01-21T10:30:48Z\"", "1.5")).getMessage())
        .contains("created is neither an RFC 3339 date-time nor Unix seconds");
  }

  @Test
  void extraFieldsAreIgnored() {
    JsonNode data = read(event("invoice.paid", "{\"id\":\"in_1\"}").replace("\"livemode\":true,",
        "\"livemode\":true,\"pending_webhooks\":1,\"request\":{\"id\":null},")).data();

    assertThat(data.get("object").get("id").textValue()).isEqualTo("in_1");
  }
}
