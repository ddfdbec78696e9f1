package dev.paykit.sandbox.paypercut;

import static dev.paykit.sandbox.paypercut.PaypercutHttp.intent;
import static dev.paykit.sandbox.paypercut.PaypercutHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.sandbox.SandboxHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Idempotency keys: replays, conflicts, keys in use, what is saved, and their scope. */
class PaypercutIdempotencyTest extends PaypercutSimulatorTestBase {
  private static final String INTENTS = "/v1/payment_intents";
  private static final String PAY = intent(1000, "eur", PaypercutSimulator.CARD_VISA, true, "automatic");

  @Test
  void theSameKeyReplaysTheFirstAnswerByteForByteAndBooksOnce() {
    HttpResponse<String> first = http.post(INTENTS, PAY).key("order-1").send();
    HttpResponse<String> second = http.post(INTENTS, PAY).key("order-1").send();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(paypercut.paymentIntents()).hasSize(1);
    assertThat(paypercut.payments()).hasSize(1);
    assertThat(paypercut.requestsWithKey("order-1")).isEqualTo(2);
  }

  @Test
  void spacingAndPropertyOrderDoNotMakeAnotherRequest() {
    http.post(INTENTS, PAY).key("order-1").ok();

    HttpResponse<String> replay = http.post(INTENTS, "{ \"capture_method\" : \"automatic\",\n \"confirm\": true,"
        + " \"payment_method\": \"pm_card_visa\", \"currency\": \"eur\", \"amount\": 1000 }").key("order-1").send();

    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void theSameKeyWithAnotherBodyOrPathIsAnIdempotencyErrorAndDoesNothing() {
    HttpResponse<String> first = http.post(INTENTS, PAY).key("order-1").send();

    assertError(http.post(INTENTS, PAY.replace("1000", "1001")).key("order-1").send(), 400,
        "idempotency_error", "idempotency_key_reused", "Idempotency-Key");
    assertError(http.post("/v1/customers", "{}").key("order-1").send(), 400,
        "idempotency_error", "idempotency_key_reused", "Idempotency-Key");
    assertThat(paypercut.paymentIntents()).hasSize(1);
    assertThat(http.post(INTENTS, PAY).key("order-1").send().body()).as("the conflicts were not saved")
        .isEqualTo(first.body());
  }

  @Test
  void aCardErrorIsSavedAndReplayed() {
    String declining = intent(1000, "eur", PaypercutSimulator.CARD_DECLINED, true, "automatic");
    HttpResponse<String> first = http.post(INTENTS, declining).key("order-1").send();

    HttpResponse<String> replay = http.post(INTENTS, declining).key("order-1").send();

    assertThat(first.statusCode()).isEqualTo(400);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(paypercut.payments()).hasSize(1);
  }

  @Test
  void aStateErrorIsSavedToo() {
    String id = paidIntent(1000, "eur").get("id").asText();
    HttpResponse<String> first = http.post(INTENTS + "/" + id + "/capture", null).key("capture-1").send();

    HttpResponse<String> replay = http.post(INTENTS + "/" + id + "/capture", null).key("capture-1").send();

    assertInvalid(first, "payment_intent_unexpected_state", null);
    assertThat(replay.body()).isEqualTo(first.body());
  }

  @Test
  void aRequestThatFailedValidationIsNotSaved() {
    HttpResponse<String> invalid = http.post(INTENTS, "{\"currency\": \"eur\"}").key("order-1").send();
    HttpResponse<String> missing = http.post(INTENTS, "{\"amount\": 1, \"currency\": \"eur\", \"customer\": \"cus_x\"}")
        .key("order-2").send();

    HttpResponse<String> valid = http.post(INTENTS, PAY).key("order-1").send();
    HttpResponse<String> valid2 = http.post(INTENTS, PAY).key("order-2").send();

    assertInvalid(invalid, "parameter_missing", "amount");
    assertInvalid(missing, "resource_missing", "customer");
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(valid2.statusCode()).isEqualTo(200);
    assertThat(paypercut.paymentIntents()).hasSize(2);
  }

  @Test
  void aKeyInUseIs409AndActsNot() {
    paypercut.keyInUseNext(1);

    HttpResponse<String> busy = http.post(INTENTS, PAY).key("order-1").send();
    HttpResponse<String> later = http.post(INTENTS, PAY).key("order-1").send();

    assertError(busy, 409, "idempotency_error", "idempotency_key_in_use", "Idempotency-Key");
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(later.headers().firstValue("Idempotent-Replayed")).as("the 409 saved nothing").isEmpty();
    assertThat(paypercut.paymentIntents()).hasSize(1);
  }

  @Test
  void keyInUseOnlyHitsKeyedPosts() {
    paypercut.keyInUseNext(1);

    assertThat(http.post(INTENTS, PAY).send().statusCode()).as("no key").isEqualTo(200);
    assertThat(http.get(INTENTS + "/pi_0000000001").key("order-1").send().statusCode()).as("GET").isEqualTo(200);
    assertThat(http.post(INTENTS, PAY).key("order-1").send().statusCode()).isEqualTo(409);
  }

  @Test
  void postsWithoutAKeySimplyActEachTime() {
    http.post(INTENTS, PAY).ok();
    http.post(INTENTS, PAY).ok();

    assertThat(paypercut.paymentIntents()).hasSize(2);
  }

  @Test
  void keysBelongToTheAccount() {
    String connected = connectedAccount();

    http.post(INTENTS, PAY).key("order-1").ok();
    HttpResponse<String> other = http.post(INTENTS, PAY).key("order-1").account(connected).send();

    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(paypercut.paymentIntents()).extracting(PaymentIntent::account)
        .containsExactly(PaypercutSimulator.PLATFORM_ACCOUNT, connected);
  }

  @Test
  void aKeyMustBeAtMost255CharactersOfTheDocumentedSet() {
    assertInvalid(http.post(INTENTS, PAY).key("k".repeat(256)).send(), "parameter_invalid", "Idempotency-Key");
    assertInvalid(http.post(INTENTS, PAY).key("order 1").send(), "parameter_invalid", "Idempotency-Key");
    assertInvalid(http.post(INTENTS, PAY).key("order/1").send(), "parameter_invalid", "Idempotency-Key");
    assertThat(paypercut.paymentIntents()).isEmpty();

    assertThat(http.post(INTENTS, PAY).key("aZ09:_-.".repeat(31) + "abcdefg").send().statusCode()).isEqualTo(200);
  }

  @Test
  void getAndDeleteIgnoreKeys() {
    String id = http.post(INTENTS, PAY).ok().get("id").asText();

    assertThat(http.get(INTENTS + "/" + id).key("not a valid key!").send().statusCode()).isEqualTo(200);
    assertThat(http.get(INTENTS + "/" + id).key("not a valid key!").send().headers()
        .firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aCutAnswerAfterProcessingIsReplayedOnRetryWithTheKey() {
    paypercut.dropConnectionAfterProcessingNext(1);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(http.post(INTENTS, PAY).key("order-1").build()))
        .isInstanceOf(IOException.class);
    HttpResponse<String> retry = http.post(INTENTS, PAY).key("order-1").send();

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(paypercut.paymentIntents()).hasSize(1);
  }

  @Test
  void aCutAnswerBeforeProcessingDidNothingAndTheRetryActs() {
    paypercut.dropConnectionBeforeProcessingNext(1);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(http.post(INTENTS, PAY).key("order-1").build()))
        .isInstanceOf(IOException.class);
    assertThat(paypercut.paymentIntents()).isEmpty();
    HttpResponse<String> retry = http.post(INTENTS, PAY).key("order-1").send();

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(paypercut.paymentIntents()).hasSize(1);
  }

  @Test
  void anInjected500IsNotSavedAndTheRetryActs() {
    paypercut.failNext(1, 500);

    assertError(http.post(INTENTS, PAY).key("order-1").send(), 500, "api_error", null, null);
    HttpResponse<String> retry = http.post(INTENTS, PAY).key("order-1").send();

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(paypercut.paymentIntents()).hasSize(1);
    assertThat(paypercut.requestsWithKey("order-1")).isEqualTo(2);
  }

  /** Many clients racing with one key: exactly one intent; every other answer is a replay or a 409. */
  @Test
  void concurrentRequestsWithOneKeyBookOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(() -> http.post(INTENTS, PAY).key("race").send());
      }
      String body = null;
      for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
        HttpResponse<String> response = result.get();
        if (response.statusCode() == 409) {
          assertThat(json(response).get("code").asText()).isEqualTo("idempotency_key_in_use");
          continue;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        body = body == null ? response.body() : body;
        assertThat(response.body()).isEqualTo(body);
      }
      assertThat(paypercut.paymentIntents()).hasSize(1);
      assertThat(paypercut.payments()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
