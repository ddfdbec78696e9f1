package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Refunds: never more than was captured, by payment or payment intent, and their lists. */
class PaypercutRefundsTest extends PaypercutSimulatorTestBase {
  private static final String REFUNDS = "/v1/refunds";

  private static String refund(String field, String id, Long amount) {
    return "{\"" + field + "\": \"" + id + "\"" + (amount == null ? "" : ", \"amount\": " + amount) + "}";
  }

  @Test
  void withoutAnAmountTheWholeCapturedAmountIsRefunded() {
    String payment = paidIntent(2500, "eur").get("latest_payment").asText();

    JsonNode refund = http.post(REFUNDS, refund("payment", payment, null)).ok();

    assertThat(refund.get("id").asText()).isEqualTo("re_0000000001");
    assertThat(refund.get("amount").asLong()).isEqualTo(2500);
    assertThat(refund.get("status").asText()).isEqualTo("succeeded");
    assertThat(refund.get("payment").asText()).isEqualTo(payment);
    assertThat(refund.get("currency").toString()).isEqualTo("{\"iso\":\"eur\",\"scale\":2}");
    JsonNode after = http.get("/v2/payments/" + payment).ok();
    assertThat(after.get("amount_refunded").asLong()).isEqualTo(2500);
    assertThat(after.get("latest_status").asText()).isEqualTo("refunded");
    assertInvalid(http.post(REFUNDS, refund("payment", payment, null)).send(), "charge_already_refunded", "payment");
    assertThat(http.get(REFUNDS + "/" + refund.get("id").asText()).ok()).isEqualTo(refund);
  }

  @Test
  void partialRefundsAddUpToTheCapturedAmountAndNeverBeyond() {
    String payment = paidIntent(1000, "eur").get("latest_payment").asText();

    http.post(REFUNDS, refund("payment", payment, 300L)).ok();
    assertThat(http.get("/v2/payments/" + payment).ok().get("latest_status").asText()).isEqualTo("partially_refunded");
    assertInvalid(http.post(REFUNDS, refund("payment", payment, 701L)).send(), "amount_too_large", "amount");
    JsonNode rest = http.post(REFUNDS, refund("payment", payment, null)).ok();

    assertThat(rest.get("amount").asLong()).isEqualTo(700);
    assertThat(paypercut.payments()).singleElement().satisfies(p -> {
      assertThat(p.amountRefunded()).isEqualTo(1000);
      assertThat(p.latestStatus()).isEqualTo("refunded");
    });
    assertInvalid(http.post(REFUNDS, refund("payment", payment, 1L)).send(), "charge_already_refunded", "payment");
  }

  @Test
  void byPaymentIntentOnlyTheCapturedPartCanBeRefunded() {
    String intent = authorizedIntent(1000, "eur").get("id").asText();
    assertInvalid(http.post(REFUNDS, refund("payment_intent", intent, null)).send(),
        "payment_unexpected_state", "payment_intent");
    http.post("/v1/payment_intents/" + intent + "/capture", "{\"amount_to_capture\": 600}").ok();

    assertInvalid(http.post(REFUNDS, refund("payment_intent", intent, 601L)).send(), "amount_too_large", "amount");
    JsonNode refund = http.post(REFUNDS, refund("payment_intent", intent, null)).ok();

    assertThat(refund.get("amount").asLong()).isEqualTo(600);
    assertThat(refund.get("payment_intent").asText()).isEqualTo(intent);
  }

  @Test
  void aDeclinedOrUnconfirmedPaymentHasNothingToRefund() {
    http.post("/v1/payment_intents", PaypercutHttp.intent(1000, "eur", PaypercutSimulator.CARD_DECLINED, true,
        "automatic")).send();
    String declined = paypercut.payments().get(0).id();
    String unconfirmed = http.post("/v1/payment_intents", PaypercutHttp.intent(1000, "eur")).ok()
        .get("id").asText();

    assertInvalid(http.post(REFUNDS, refund("payment", declined, null)).send(), "payment_unexpected_state", "payment");
    assertInvalid(http.post(REFUNDS, refund("payment_intent", unconfirmed, null)).send(),
        "payment_unexpected_state", "payment_intent");
  }

  @Test
  void theRefundMustNameAPaymentThatExistsAndMatchesItsIntent() {
    String first = paidIntent(1000, "eur").get("latest_payment").asText();
    String other = paidIntent(1000, "eur").get("id").asText();

    assertInvalid(http.post(REFUNDS, "{\"amount\": 5}").send(), "parameter_missing", "payment");
    assertInvalid(http.post(REFUNDS, refund("payment", "pay_nope", null)).send(), "resource_missing", "payment");
    assertInvalid(http.post(REFUNDS, "{\"payment\": \"" + first + "\", \"payment_intent\": \"" + other + "\"}").send(),
        "parameter_invalid", "payment_intent");
    assertInvalid(http.post(REFUNDS, "{\"payment\": \"" + first + "\", \"reason\": \"changed_mind\"}").send(),
        "parameter_invalid", "reason");
    assertThat(paypercut.payments()).allSatisfy(p -> assertThat(p.amountRefunded()).isZero());
  }

  @Test
  void refundsAreListedMostRecentFirstAndFilteredByCurrency() {
    String eur = paidIntent(1000, "eur").get("latest_payment").asText();
    String usd = paidIntent(1000, "usd").get("latest_payment").asText();
    http.post(REFUNDS, refund("payment", eur, 100L)).ok();
    http.post(REFUNDS, refund("payment", usd, 200L)).ok();
    http.post(REFUNDS, refund("payment", eur, 300L)).ok();

    JsonNode all = http.get(REFUNDS).ok();
    JsonNode euros = http.get(REFUNDS + "?currency=EUR&status=succeeded").ok();

    assertThat(all.get("items")).extracting(r -> r.get("amount").asLong()).containsExactly(300L, 200L, 100L);
    assertThat(all.get("last_key").isNull()).isTrue();
    assertThat(euros.get("items")).extracting(r -> r.get("amount").asLong()).containsExactly(300L, 100L);
    assertThat(http.get(REFUNDS + "?status=pending").ok().get("items")).isEmpty();
  }
}
