package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.PrunnyHttp.complete;
import static dev.paykit.sandbox.prunny.PrunnyHttp.intraTransfer;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.SandboxHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transfers from the OTP threshold up: 09 with an OTP prompt, then completion. */
class PrunnyOtpTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final String INTRA = "/v1/transactions/singletransferwithbank";
  private static final String COMPLETE = "/v1/transactions/complete";
  private static final AtomicReference<Instant> NOW = new AtomicReference<>(T0);
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static PaykitSandbox sandbox;
  private static PrunnyHttp http;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    http = new PrunnyHttp(sandbox.prunny().baseUrl(), NOW::get);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    at(T0);
  }

  private static void at(Instant instant) {
    NOW.set(instant);
    sandbox.prunny().clock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static JsonNode post(String path, String body) {
    HttpResponse<String> response = http.post(path, "key-" + KEYS.incrementAndGet(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** Asks for 100000.00 (the default threshold) from Adaeze to Babatunde; returns the transactionRef. */
  private static String pendingTransfer() {
    JsonNode answer = post(INTRA, intraTransfer("ref-otp", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "100000.00"));
    assertThat(answer.get("status").asText()).isEqualTo("09");
    return answer.get("data").get("transactionRef").asText();
  }

  private static String statusCode(String ref) {
    return json(http.get("/v1/transactions/confirmation/" + ref)).get("data").get("statusCode").asText();
  }

  @Test
  void fromTheThresholdUpATransferAsksForAnOtpAndMovesNothing() {
    JsonNode answer = post(INTRA, intraTransfer("ref-otp", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "100000.00"));

    assertThat(answer.get("status").asText()).isEqualTo("09");
    JsonNode data = answer.get("data");
    assertThat(data.get("transactionRef").asText()).matches("PRN[0-9]{12}");
    assertThat(data.get("validTill").asText()).isEqualTo("2026-11-21T10:05:00+00:00");
    assertThat(data.get("expiryMinutes").asInt()).isEqualTo(5);
    JsonNode prompt = data.get("authDetails").get(0);
    assertThat(prompt.get("type").asText()).isEqualTo("OTP");
    assertThat(prompt.get("label").asText()).isNotBlank();
    assertThat(prompt.get("Message").asText()).contains("****0017");
    assertThat(data.has("errorCode")).isFalse();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
    assertThat(sandbox.prunny().transferCount()).isZero();
    assertThat(sandbox.prunny().transfers().get(0).statusCode()).isEqualTo("09");
    assertThat(statusCode(data.get("transactionRef").asText())).isEqualTo("09");
  }

  @Test
  void justBelowTheThresholdNoOtpIsAsked() {
    JsonNode answer = post(INTRA, intraTransfer("r", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "99999.99"));

    assertThat(answer.get("status").asText()).isEqualTo("00");
  }

  @Test
  void theThresholdIsConfigurable() {
    sandbox.prunny().otpThreshold(new BigDecimal("50.00"));

    assertThat(post(INTRA, intraTransfer("r", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "50.00")).get("status").asText())
        .isEqualTo("09");
  }

  @Test
  void theSandboxOtpCompletesTheTransfer() {
    String ref = pendingTransfer();

    JsonNode answer = post(COMPLETE, complete(ref, PrunnySimulator.SANDBOX_OTP));

    assertThat(answer.get("status").asText()).isEqualTo("00");
    assertThat(answer.get("data").get("transactionRef").asText()).isEqualTo(ref);
    assertThat(answer.get("data").get("statusCode").asText()).isEqualTo("00");
    assertThat(answer.get("data").get("error").isNull()).isTrue();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("400000.00");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("350000.00");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(statusCode(ref)).isEqualTo("00");
  }

  @Test
  void aWrongOtpAnswers21AndTheTransferStillWaits() {
    String ref = pendingTransfer();

    JsonNode wrong = post(COMPLETE, complete(ref, "000000"));

    assertThat(wrong.get("status").asText()).isEqualTo("21");
    assertThat(wrong.get("message").asText()).contains("wrong OTP").contains("2 attempt(s) left");
    assertThat(statusCode(ref)).isEqualTo("09");
    assertThat(post(COMPLETE, complete(ref, PrunnySimulator.SANDBOX_OTP)).get("status").asText()).isEqualTo("00");
  }

  @Test
  void theThirdWrongOtpFailsTheTransfer() {
    String ref = pendingTransfer();
    post(COMPLETE, complete(ref, "000000"));
    post(COMPLETE, complete(ref, "000000"));

    JsonNode third = post(COMPLETE, complete(ref, "000000"));

    assertThat(third.get("status").asText()).isEqualTo("12");
    assertThat(third.get("data").get("error").asText()).contains("3 times");
    assertThat(statusCode(ref)).isEqualTo("12");
    assertThat(post(COMPLETE, complete(ref, PrunnySimulator.SANDBOX_OTP)).get("status").asText()).isEqualTo("12");
    assertThat(sandbox.prunny().transferCount()).isZero();
  }

  @Test
  void anUnknownTransactionRefIs12() {
    JsonNode answer = post(COMPLETE, complete("PRN999999999999", PrunnySimulator.SANDBOX_OTP));

    assertThat(answer.get("status").asText()).isEqualTo("12");
    assertThat(answer.get("data").get("statusCode").asText()).isEqualTo("12");
    assertThat(answer.get("data").get("error").asText()).contains("PRN999999999999");
  }

  @Test
  void aCompletionAfterValidTillFailsTheTransfer() {
    String ref = pendingTransfer();
    at(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));

    JsonNode late = post(COMPLETE, complete(ref, PrunnySimulator.SANDBOX_OTP));

    assertThat(late.get("status").asText()).isEqualTo("12");
    assertThat(late.get("message").asText()).contains("expired");
    assertThat(statusCode(ref)).isEqualTo("12");
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
  }

  @Test
  void theStatusQueryAloneNoticesAnExpiredOtp() {
    String ref = pendingTransfer();
    at(T0.plus(Duration.ofMinutes(6)));

    assertThat(statusCode(ref)).isEqualTo("12");
  }

  @Test
  void fundsAreCheckedAgainWhenTheOtpArrives() {
    String ref = pendingTransfer();
    post("/v1/transactions/holdfund", PrunnyHttp.hold("lien-1", ACCOUNT_ADAEZE, "450000.00"));

    JsonNode answer = post(COMPLETE, complete(ref, PrunnySimulator.SANDBOX_OTP));

    assertThat(answer.get("status").asText()).isEqualTo("51");
    assertThat(statusCode(ref)).isEqualTo("51");
    assertThat(sandbox.prunny().ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
  }

  @Test
  void completionNeedsAnOtpItem() {
    String ref = pendingTransfer();
    String password = """
        {"requestRef": "r", "transactionRef": "%s", "authDetails": [{"type": "password", "value": "x"}]}"""
        .formatted(ref);

    HttpResponse<String> response = http.post(COMPLETE, "key-x", password);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("OTP");
  }
}
