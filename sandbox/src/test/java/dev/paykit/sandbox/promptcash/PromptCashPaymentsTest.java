package dev.paykit.sandbox.promptcash;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptCashPaymentsTest extends PromptCashSimulatorTestBase {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.ofHours(7));

  @BeforeEach
  void pinClock() {
    sandbox.promptCash().clock(CLOCK);
  }

  private static HttpResponse<String> create(String txId, String amount, String currency) {
    return http.post("/create-payment", form("token", PromptCashSimulator.PUBLIC_TOKEN,
        "tx_id", txId, "amount", amount, "currency", currency, "desc", "Blue mug",
        "return", "https://shop.example/done"));
  }

  @Test
  void createsAPendingPaymentAndAnswersTheStoredOneForTheSameTxId() {
    HttpResponse<String> first = create("order-1", "12.50", "USD");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    // Amounts are plain JSON numbers with the scale kept: 12.50 USD / 243.000 = 0.05144033 BCH.
    assertThat(first.body()).contains("\"amount_fiat\":12.50", "\"amount_crypto\":0.05144033");
    JsonNode body = json(first);
    assertThat(body.get("existing").asBoolean()).isFalse();
    JsonNode payment = body.get("payment");
    assertThat(payment.get("id").asLong()).isEqualTo(1);
    assertThat(payment.get("tx_id").asText()).isEqualTo("order-1");
    assertThat(payment.get("status").asText()).isEqualTo("PENDING");
    assertThat(payment.get("fiat_currency").asText()).isEqualTo("USD");
    assertThat(payment.get("crypto_currency").asText()).isEqualTo("BCH");
    assertThat(payment.get("amount_fiat").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    assertThat(payment.get("amount_crypto").decimalValue()).isEqualTo(new BigDecimal("0.05144033"));
    assertThat(payment.get("remaining_amount_crypto").decimalValue())
        .isEqualTo(new BigDecimal("0.05144033"));
    assertThat(payment.get("paid_amount_crypto").decimalValue()).isZero();
    assertThat(payment.get("description").asText()).isEqualTo("Blue mug");
    assertThat(payment.get("return_url").asText()).isEqualTo("https://shop.example/done");
    assertThat(payment.get("callback_url").asText()).isEmpty();
    assertThat(payment.get("created_at").asText()).isEqualTo("2026-01-01T07:00:00+07:00");
    assertThat(payment.get("paid").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(payment.get("confirmations").asInt()).isZero();
    assertThat(payment.get("hash").asText()).isEmpty();
    String address = payment.get("address").asText();
    assertThat(address).matches("bitcoincash:q[02-9ac-hj-np-z]{41}");
    assertThat(payment.get("payment_link").asText()).isEqualTo(address + "?amount=0.05144033");
    assertThat(payment.get("qr_url").asText()).endsWith(".png");

    JsonNode repeat = json(create("order-1", "99.00", "EUR"));
    assertThat(repeat.get("existing").asBoolean()).isTrue();
    assertThat(repeat.get("payment")).isEqualTo(payment);
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  void writesTinyCryptoAmountsWithoutExponent() {
    HttpResponse<String> response = create("dust", "0.00000001", "BCH");

    assertThat(response.body()).contains("\"amount_crypto\":0.00000001")
        .contains("?amount=0.00000001\"").doesNotContain("E-");
  }

  @Test
  void getPaymentAnswersTheStoredPaymentWrappedInData() {
    create("order/7 a+b", "1", "USD");

    HttpResponse<String> response = http.get("/get-payment/order/7%20a+b?force=true");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = json(response).get("data");
    assertThat(data.get("tx_id").asText()).isEqualTo("order/7 a+b");
    // Re-read the simulator's copy the same way, so both sides use the same number node types.
    assertThat(data).isEqualTo(json(sandbox.promptCash().payment("order/7 a+b").orElseThrow().toString()));
  }

  @Test
  void unknownPaymentIs404() {
    HttpResponse<String> response = http.get("/get-payment/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"payment not found\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"token", "tx_id", "amount", "currency"})
  void missingRequiredFieldIs400NamingIt(String field) {
    String[] pairs = {"token", PromptCashSimulator.PUBLIC_TOKEN, "tx_id", "t1", "amount", "1.00",
        "currency", "USD"};
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i].equals(field)) {
        body.append(body.length() == 0 ? "" : "&").append(form(pairs[i], pairs[i + 1]));
      }
    }

    HttpResponse<String> response = http.post("/create-payment", body.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).contains(field);
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  /** 1E+3 is what BigDecimal#toString() can produce: a client must send toPlainString(). */
  @ParameterizedTest
  @ValueSource(strings = {"1E+3", "1e3", "1.5E2", "-5", "+5", "1,000", " 12", "12.", ".5", "NaN", "0", "0.00"})
  void amountThatIsNotAPositivePlainDecimalIs400(String amount) {
    HttpResponse<String> response = create("t-" + amount, amount, "USD");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).contains("amount");
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  @Test
  void wrongPublicTokenIs401() {
    HttpResponse<String> response = http.post("/create-payment",
        form("token", "1-someoneElse", "tx_id", "t1", "amount", "1", "currency", "USD"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).contains("public token");
  }

  @Test
  void jsonBodyIs400() {
    HttpResponse<String> response = SandboxHttp.send(
        http.request("/create-payment", PromptCashSimulator.SECRET_TOKEN)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\":\"1-sandboxPub\"}"))
            .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).contains("application/x-www-form-urlencoded");
  }

  @Test
  void setPaymentStatusPaidRecordsThePaymentTime() {
    create("order-2", "2.43", "USD");
    Clock later = Clock.fixed(Instant.parse("2026-01-01T00:05:00Z"), ZoneOffset.UTC);
    sandbox.promptCash().clock(later);

    sandbox.promptCash().setPaymentStatus("order-2", "PAID");

    JsonNode data = json(http.get("/get-payment/order-2")).get("data");
    assertThat(data.get("status").asText()).isEqualTo("PAID");
    assertThat(data.get("paid").asText()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(data.get("paid_amount_crypto").decimalValue()).isEqualTo(new BigDecimal("0.01000000"));
    assertThat(data.get("remaining_amount_crypto").decimalValue()).isZero();
    assertThat(data.get("created_at").asText()).isEqualTo("2026-01-01T07:00:00+07:00");
  }

  @Test
  void setPaymentStatusRejectsUnknownStatusOrPayment() {
    create("order-3", "1", "USD");

    assertThatThrownBy(() -> sandbox.promptCash().setPaymentStatus("order-3", "SETTLED"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.promptCash().setPaymentStatus("missing", "PAID"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inspectionReturnsACopy() {
    create("order-4", "1", "USD");

    ((com.fasterxml.jackson.databind.node.ObjectNode) sandbox.promptCash().payment("order-4")
        .orElseThrow()).put("status", "PAID");

    assertThat(sandbox.promptCash().payment("order-4").orElseThrow().get("status").asText())
        .isEqualTo("PENDING");
    assertThat(sandbox.promptCash().payment("other")).isEmpty();
  }
}
