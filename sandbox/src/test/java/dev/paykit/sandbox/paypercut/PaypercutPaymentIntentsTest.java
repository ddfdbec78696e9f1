package dev.paykit.sandbox.paypercut;

import static dev.paykit.sandbox.paypercut.PaypercutHttp.intent;
import static dev.paykit.sandbox.paypercut.PaypercutHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payment intent status machine, its Payments, declines and the checks of its fields. */
class PaypercutPaymentIntentsTest extends PaypercutSimulatorTestBase {
  private static final String INTENTS = "/v1/payment_intents";

  @Test
  void createdWithoutAPaymentMethodItRequiresOne() {
    JsonNode intent = http.post(INTENTS, intent(1050, "EUR")).ok();

    assertThat(intent.get("id").asText()).isEqualTo("pi_0000000001");
    assertThat(intent.get("status").asText()).isEqualTo("requires_payment_method");
    assertThat(intent.get("amount").asLong()).isEqualTo(1050);
    assertThat(intent.get("currency").toString()).isEqualTo("{\"iso\":\"eur\",\"scale\":2}");
    assertThat(intent.get("capture_method").asText()).isEqualTo("automatic");
    assertThat(intent.get("amount_capturable").asLong()).isZero();
    assertThat(intent.get("amount_received").asLong()).isZero();
    assertThat(intent.get("latest_payment").isNull()).isTrue();
    assertThat(intent.get("created").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(intent.get("livemode").asBoolean()).isFalse();
    assertThat(http.get(INTENTS + "/pi_0000000001").ok()).isEqualTo(intent);
    assertThat(paypercut.payments()).isEmpty();
  }

  @Test
  void theScaleIsTheCurrencysNumberOfDecimals() {
    assertThat(http.post(INTENTS, intent(500, "jpy")).ok().get("currency").toString())
        .isEqualTo("{\"iso\":\"jpy\",\"scale\":0}");
    assertThat(http.post(INTENTS, intent(500, "KWD")).ok().get("currency").toString())
        .isEqualTo("{\"iso\":\"kwd\",\"scale\":3}");
  }

  @Test
  void confirmingWithAPayingCardCapturesAtOnce() {
    JsonNode created = http.post(INTENTS, "{\"amount\": 2000, \"currency\": \"eur\", \"payment_method\": \""
        + PaypercutSimulator.CARD_VISA + "\"}").ok();
    assertThat(created.get("status").asText()).isEqualTo("requires_confirmation");

    JsonNode confirmed = http.post(INTENTS + "/" + created.get("id").asText() + "/confirm", null).ok();

    assertThat(confirmed.get("status").asText()).isEqualTo("succeeded");
    assertThat(confirmed.get("amount_received").asLong()).isEqualTo(2000);
    assertThat(confirmed.get("amount_capturable").asLong()).isZero();
    assertThat(confirmed.get("payment_method").asText()).isEqualTo(PaypercutSimulator.CARD_VISA);
    String paymentId = confirmed.get("latest_payment").asText();
    JsonNode payment = http.get("/v2/payments/" + paymentId).ok();
    assertThat(payment.get("status").asText()).isEqualTo("succeeded");
    assertThat(payment.get("latest_status").asText()).isEqualTo("captured");
    assertThat(payment.get("captured").asBoolean()).isTrue();
    assertThat(payment.get("paid").asBoolean()).isTrue();
    assertThat(payment.get("amount").asLong()).isEqualTo(2000);
    assertThat(payment.get("amount_captured").asLong()).isEqualTo(2000);
    assertThat(payment.get("amount_refunded").asLong()).isZero();
    assertThat(payment.get("formatted_amount").asText()).isEqualTo("20.00 EUR");
    assertThat(payment.get("payment_intent").asText()).isEqualTo(created.get("id").asText());
    assertThat(payment.get("payment_method_details").get("card").get("last4").asText()).isEqualTo("4242");
    assertThat(http.get("/v1/payments/" + paymentId).ok()).as("v1 answers the same object").isEqualTo(payment);
    assertThat(paypercut.payments()).singleElement().satisfies(p -> {
      assertThat(p.amountCaptured()).isEqualTo(2000);
      assertThat(p.captured()).isTrue();
    });
  }

  @Test
  void confirmTrueOnCreateConfirmsAtOnce() {
    JsonNode intent = paidIntent(700, "usd");

    assertThat(intent.get("status").asText()).isEqualTo("succeeded");
    assertThat(paypercut.paymentIntents()).singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo("succeeded"));
  }

  @Test
  void manualCaptureStopsAtRequiresCaptureWithAllOfTheAmountCapturable() {
    JsonNode intent = authorizedIntent(1000, "eur");

    assertThat(intent.get("status").asText()).isEqualTo("requires_capture");
    assertThat(intent.get("amount_capturable").asLong()).isEqualTo(1000);
    assertThat(intent.get("amount_received").asLong()).isZero();
    JsonNode payment = http.get("/v2/payments/" + intent.get("latest_payment").asText()).ok();
    assertThat(payment.get("status").asText()).isEqualTo("pending");
    assertThat(payment.get("latest_status").asText()).isEqualTo("authorized");
    assertThat(payment.get("captured").asBoolean()).isFalse();
    assertThat(payment.get("amount_captured").asLong()).isZero();
  }

  @Test
  void aPartialCaptureSucceedsWithTheCapturedAmountReceivedAndReleasesTheRest() {
    String id = authorizedIntent(1000, "eur").get("id").asText();

    JsonNode captured = http.post(INTENTS + "/" + id + "/capture", "{\"amount_to_capture\": 600}").ok();

    assertThat(captured.get("status").asText()).isEqualTo("succeeded");
    assertThat(captured.get("amount_received").asLong()).isEqualTo(600);
    assertThat(captured.get("amount_capturable").asLong()).isZero();
    assertThat(paypercut.payments()).singleElement().satisfies(p -> {
      assertThat(p.amountCaptured()).isEqualTo(600);
      assertThat(p.status()).isEqualTo("succeeded");
    });
    assertInvalid(http.post(INTENTS + "/" + id + "/capture", null).send(), "payment_intent_unexpected_state", null);
  }

  @Test
  void captureWithoutAnAmountTakesAllThatIsCapturable() {
    String id = authorizedIntent(1000, "eur").get("id").asText();

    JsonNode captured = http.post(INTENTS + "/" + id + "/capture", "{\"final_capture\": true}").ok();

    assertThat(captured.get("amount_received").asLong()).isEqualTo(1000);
  }

  @Test
  void captureOfMoreThanIsCapturableIs400AndChangesNothing() {
    String id = authorizedIntent(1000, "eur").get("id").asText();

    HttpResponse<String> response = http.post(INTENTS + "/" + id + "/capture", "{\"amount_to_capture\": 1001}").send();

    assertInvalid(response, "amount_too_large", "amount_to_capture");
    assertThat(http.get(INTENTS + "/" + id).ok().get("status").asText()).isEqualTo("requires_capture");
    assertThat(paypercut.payments().get(0).captured()).isFalse();
  }

  @Test
  void onlyAnAuthorizedIntentCanBeCaptured() {
    String id = http.post(INTENTS, intent(1000, "eur")).ok().get("id").asText();

    assertInvalid(http.post(INTENTS + "/" + id + "/capture", null).send(), "payment_intent_unexpected_state", null);
    String paid = paidIntent(1000, "eur").get("id").asText();
    assertInvalid(http.post(INTENTS + "/" + paid + "/capture", null).send(), "payment_intent_unexpected_state", null);
  }

  @Test
  void aSucceededIntentCannotBeConfirmedOrCanceled() {
    String id = paidIntent(1000, "eur").get("id").asText();

    assertInvalid(http.post(INTENTS + "/" + id + "/confirm", null).send(), "payment_intent_unexpected_state", null);
    assertInvalid(http.post(INTENTS + "/" + id + "/cancel", null).send(), "payment_intent_unexpected_state", null);
    assertThat(paypercut.payments()).hasSize(1);
  }

  @Test
  void cancelingAnAuthorizationReleasesIt() {
    String id = authorizedIntent(1000, "eur").get("id").asText();
    paypercut.advanceClock(java.time.Duration.ofMinutes(5));

    JsonNode canceled = http.post(INTENTS + "/" + id + "/cancel", null).ok();

    assertThat(canceled.get("status").asText()).isEqualTo("canceled");
    assertThat(canceled.get("canceled_at").asText()).isEqualTo("2026-11-21T10:05:00Z");
    assertThat(canceled.get("cancellation_reason").asText()).isEqualTo("requested_by_customer");
    assertThat(canceled.get("amount_capturable").asLong()).isZero();
    assertThat(paypercut.payments()).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo("failed");
      assertThat(p.latestStatus()).isEqualTo("canceled");
    });
    assertInvalid(http.post(INTENTS + "/" + id + "/cancel", null).send(), "payment_intent_unexpected_state", null);
    assertInvalid(http.post(INTENTS + "/" + id + "/capture", null).send(), "payment_intent_unexpected_state", null);
  }

  @Test
  void anUnconfirmedIntentCanBeCanceledWithAReason() {
    String id = http.post(INTENTS, intent(1000, "eur")).ok().get("id").asText();

    JsonNode canceled = http.post(INTENTS + "/" + id + "/cancel", "{\"cancellation_reason\": \"abandoned\"}").ok();

    assertThat(canceled.get("status").asText()).isEqualTo("canceled");
    assertThat(canceled.get("cancellation_reason").asText()).isEqualTo("abandoned");
    assertInvalid(http.post(INTENTS + "/" + id + "/confirm",
        "{\"payment_method\": \"pm_card_visa\"}").send(), "payment_intent_unexpected_state", null);
  }

  @ParameterizedTest
  @CsvSource({
      "pm_card_declined, generic_decline, try_again_later, 05, 02",
      "pm_card_insufficient_funds, insufficient_funds, try_again_later, 51, 02",
      "pm_card_do_not_try_again, do_not_honor, do_not_try_again, 05, 03",
      "pm_card_expired, expired_card, confirm_card_data, 54, 01"})
  void aDecliningCardAnswersTheCardErrorAndTheIntentWantsAnotherPaymentMethod(String card, String declineCode,
      String adviceCode, String networkCode, String networkAdvice) {
    String id = http.post(INTENTS, intent(1000, "eur")).ok().get("id").asText();

    HttpResponse<String> response = http.post(INTENTS + "/" + id + "/confirm",
        "{\"payment_method\": \"" + card + "\"}").send();

    JsonNode error = assertError(response, 400, "card_error", "card_declined", null);
    assertThat(error.get("decline_code").asText()).isEqualTo(declineCode);
    assertThat(error.get("advice_code").asText()).isEqualTo(adviceCode);
    assertThat(error.get("network_decline_code").asText()).isEqualTo(networkCode);
    assertThat(error.get("network_advice_code").asText()).isEqualTo(networkAdvice);
    JsonNode intent = http.get(INTENTS + "/" + id).ok();
    assertThat(intent.get("status").asText()).isEqualTo("requires_payment_method");
    assertThat(intent.get("payment_method").isNull()).isTrue();
    JsonNode payment = http.get("/v2/payments/" + intent.get("latest_payment").asText()).ok();
    assertThat(payment.get("status").asText()).isEqualTo("failed");
    assertThat(payment.get("failure_code").asText()).isEqualTo("card_declined");
    assertThat(payment.get("captured").asBoolean()).isFalse();
    assertThat(payment.get("outcome").get("network_decline_code").asText()).isEqualTo(networkCode);
  }

  @Test
  void afterADeclineAnotherCardCanPay() {
    HttpResponse<String> declined = http.post(INTENTS,
        intent(1000, "eur", PaypercutSimulator.CARD_DECLINED, true, "automatic")).send();
    assertError(declined, 400, "card_error", "card_declined", null);
    String id = paypercut.paymentIntents().get(0).id();

    JsonNode paid = http.post(INTENTS + "/" + id + "/confirm", "{\"payment_method\": \"pm_card_mastercard\"}").ok();

    assertThat(paid.get("status").asText()).isEqualTo("succeeded");
    assertThat(paypercut.payments()).extracting(Payment::status).containsExactly("failed", "succeeded");
    assertThat(paid.get("latest_payment").asText()).isEqualTo(paypercut.payments().get(1).id());
  }

  @Test
  void confirmingWithoutAPaymentMethodIsParameterMissing() {
    String id = http.post(INTENTS, intent(1000, "eur")).ok().get("id").asText();

    assertInvalid(http.post(INTENTS + "/" + id + "/confirm", "{}").send(), "parameter_missing", "payment_method");
    assertInvalid(http.post(INTENTS, "{\"amount\": 1, \"currency\": \"eur\", \"confirm\": true}").send(),
        "parameter_missing", "payment_method");
    assertThat(paypercut.payments()).isEmpty();
  }

  @Test
  void expandReturnsTheCustomerAndThePaymentMethodInPlaceOfTheirIds() {
    String customer = http.post("/v1/customers", "{\"name\": \"Ada\"}").ok().get("id").asText();
    String id = http.post(INTENTS, "{\"amount\": 100, \"currency\": \"eur\", \"customer\": \"" + customer
        + "\", \"payment_method\": \"pm_card_visa\"}").ok().get("id").asText();

    JsonNode plain = http.get(INTENTS + "/" + id).ok();
    JsonNode expanded = http.get(INTENTS + "/" + id + "?expand=customer&expand=payment_method").ok();

    assertThat(plain.get("customer").asText()).isEqualTo(customer);
    assertThat(expanded.get("customer").get("id").asText()).isEqualTo(customer);
    assertThat(expanded.get("customer").get("name").asText()).isEqualTo("Ada");
    assertThat(expanded.get("payment_method").get("card").get("brand").asText()).isEqualTo("visa");
    assertThat(http.get(INTENTS + "/" + id + "?expand[]=customer").ok().get("customer").isObject()).isTrue();
    assertInvalid(http.get(INTENTS + "/" + id + "?expand=latest_payment").send(), "parameter_invalid", "expand");
  }

  @Test
  void referencesMustExistInTheAccount() {
    assertInvalid(http.post(INTENTS, "{\"amount\": 1, \"currency\": \"eur\", \"customer\": \"cus_nope\"}").send(),
        "resource_missing", "customer");
    assertInvalid(http.post(INTENTS, "{\"amount\": 1, \"currency\": \"eur\", \"payment_method\": \"pm_nope\"}").send(),
        "resource_missing", "payment_method");
    assertThat(paypercut.paymentIntents()).isEmpty();
    assertError(http.get(INTENTS + "/pi_nope").send(), 404, "invalid_request_error", "resource_missing", "id");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"currency\": \"eur\"}|parameter_missing|amount",
      "{\"amount\": 100}|parameter_missing|currency",
      "{\"amount\": 0, \"currency\": \"eur\"}|parameter_invalid|amount",
      "{\"amount\": 100000000000, \"currency\": \"eur\"}|parameter_invalid|amount",
      "{\"amount\": \"100\", \"currency\": \"eur\"}|parameter_invalid|amount",
      "{\"amount\": 10.5, \"currency\": \"eur\"}|parameter_invalid|amount",
      "{\"amount\": 100, \"currency\": \"euro\"}|parameter_invalid|currency",
      "{\"amount\": 100, \"currency\": \"XYZ\"}|parameter_invalid|currency",
      "{\"amount\": 100, \"currency\": \"eur\", \"capture_method\": \"later\"}|parameter_invalid|capture_method",
      "{\"amount\": 100, \"currency\": \"eur\", \"statement_descriptor\": \"12345678901234567890123\"}"
          + "|parameter_invalid|statement_descriptor",
      "{\"amount\": 100, \"currency\": \"eur\", \"off_session\": true}|parameter_invalid|off_session",
      "{\"amount\": 100, \"currency\": \"eur\", \"metadata\": {\"order\": 7}}|parameter_invalid|metadata[order]",
      "{\"amount\": 100, \"currency\": \"eur\", \"amountToCapture\": 5}|parameter_unknown|amountToCapture",
      "[1, 2]|parameter_invalid|"})
  void badInputIs400NamingTheField(String body, String code, String param) {
    HttpResponse<String> response = http.post(INTENTS, body).send();

    assertInvalid(response, code, param == null || param.isEmpty() ? null : param);
    assertThat(paypercut.paymentIntents()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    assertInvalid(http.post(INTENTS, "{\"amount\": ").send(), "parameter_invalid", null);
    assertInvalid(http.post(INTENTS, "amount=1").header("Content-Type", "application/x-www-form-urlencoded")
        .send(), "parameter_invalid", null);
  }

  @Test
  void unknownFieldsOfTheCaptureBodyAreRefused() {
    String id = authorizedIntent(1000, "eur").get("id").asText();

    assertInvalid(http.post(INTENTS + "/" + id + "/capture", "{\"amountToCapture\": 5}").send(),
        "parameter_unknown", "amountToCapture");
    assertThat(json(http.get(INTENTS + "/" + id).send()).get("status").asText()).isEqualTo("requires_capture");
  }
}
