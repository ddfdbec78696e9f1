package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.PrunnyHttp.intraTransfer;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.sandbox.SandboxHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Prunny's idempotency: saved first answers, conflicts, what is not saved, and referenceId reuse. */
class PrunnyIdempotencyTest extends PrunnySimulatorTestBase {
  private static final String INTRA = "/v1/transactions/singletransferwithbank";
  private static final String PAY_BABATUNDE =
      intraTransfer("ref-1", ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, "2500.00");

  @Test
  void theSameKeyReplaysTheFirstAnswerByteForByteAndDebitsOnce() {
    HttpResponse<String> first = http.post(INTRA, "key-1", PAY_BABATUNDE);
    HttpResponse<String> second = http.post(INTRA, "key-1", PAY_BABATUNDE);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497500.00");
    assertThat(sandbox.prunny().requestsWithKey("key-1")).isEqualTo(2);
  }

  @Test
  void whitespaceAndPropertyOrderDoNotMakeADifferentRequest() {
    http.post(INTRA, "key-1", PAY_BABATUNDE);
    List<String> fields = new ArrayList<>();
    json(PAY_BABATUNDE).fields().forEachRemaining(f -> fields.add("\"" + f.getKey() + "\" :  " + f.getValue()));
    Collections.reverse(fields);

    HttpResponse<String> replay = http.post(INTRA, "key-1", "{\n  " + String.join(",\n  ", fields) + "\n}");

    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void failuresAreSavedTooAndReplayedEvenAfterTheCauseIsGone() {
    http.post("/v1/transactions/holdfund", "hold-1", PrunnyHttp.hold("lien", ACCOUNT_ADAEZE, "499000.00"));
    HttpResponse<String> refused = http.post(INTRA, "key-1", PAY_BABATUNDE);
    http.post("/v1/transactions/releasefund", "release-1",
        PrunnyHttp.release("lien", ACCOUNT_ADAEZE, "499000.00"));

    HttpResponse<String> replay = http.post(INTRA, "key-1", PAY_BABATUNDE);

    assertThat(json(refused).get("status").asText()).isEqualTo("51");
    assertThat(replay.body()).isEqualTo(refused.body());
    assertThat(sandbox.prunny().transferCount()).isZero();
  }

  @Test
  void theSameKeyWithADifferentBodyIs409AndChangesNothing() {
    HttpResponse<String> first = http.post(INTRA, "key-1", PAY_BABATUNDE);

    HttpResponse<String> other = http.post(INTRA, "key-1", PAY_BABATUNDE.replace("2500.00", "2600.00"));

    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(json(other).get("status").asInt()).isEqualTo(409);
    assertThat(json(other).get("errorCode").asText()).isEqualTo("26");
    assertThat(json(other).get("message").asText()).contains("key-1").contains("different request");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(http.post(INTRA, "key-1", PAY_BABATUNDE).body()).as("the 409 was not saved")
        .isEqualTo(first.body());
  }

  @Test
  void theSameKeyOnAnotherOperationIs409() {
    http.post(INTRA, "key-1", PAY_BABATUNDE);

    HttpResponse<String> other = http.post("/v1/transactions/singleInterbankTransfer", "key-1", PAY_BABATUNDE);

    assertThat(other.statusCode()).isEqualTo(409);
  }

  @Test
  void aTransactionWithoutAKeyIs400AndExecutesNothing() {
    HttpResponse<String> response = http.post(INTRA, null, PAY_BABATUNDE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains("Idempotency-Key");
    assertThat(sandbox.prunny().transfers()).isEmpty();
  }

  @Test
  void nameEnquiryNeedsNoKey() {
    String enquiry = "{\"accountNumber\": \"" + ACCOUNT_BABATUNDE + "\"}";

    assertThat(http.post("/v1/transactions/nameenquiry", null, enquiry).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestThatFailedValidationIsNotSaved() {
    HttpResponse<String> invalid = http.post(INTRA, "key-1", PAY_BABATUNDE.replace("2500.00", "25.001"));

    HttpResponse<String> valid = http.post(INTRA, "key-1", PAY_BABATUNDE);

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(json(valid).get("status").asText()).isEqualTo("00");
    assertThat(valid.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void anInjectedFailureIsNotSavedSoTheRetryExecutes() {
    sandbox.prunny().failNext(1, 503);

    HttpResponse<String> failed = http.post(INTRA, "key-1", PAY_BABATUNDE);
    HttpResponse<String> retry = http.post(INTRA, "key-1", PAY_BABATUNDE);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(json(retry).get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(sandbox.prunny().requestsWithKey("key-1")).isEqualTo(2);
  }

  /** The outcome-unknown case: processed, answer lost; the retry with the key gets the saved 00. */
  @Test
  void aDroppedAnswerIsSavedAndTheRetryWithTheSameKeyGetsItWithoutASecondDebit() {
    sandbox.prunny().dropConnectionAfterProcessingNext(1);

    assertThatThrownBy(() -> SandboxHttp.sendRaw(http.postRequest(INTRA, "key-1", PAY_BABATUNDE)))
        .isInstanceOf(IOException.class);
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);

    HttpResponse<String> retry = http.post(INTRA, "key-1", PAY_BABATUNDE);

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json(retry).get("status").asText()).isEqualTo("00");
    assertThat(json(retry).get("data").get("transactionRef").asText())
        .isEqualTo(sandbox.prunny().transfers().get(0).transactionRef());
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497500.00");
  }

  @Test
  void aReferenceIdUsedBeforeIs94UnderANewKey() {
    http.post(INTRA, "key-1", PAY_BABATUNDE);

    HttpResponse<String> again = http.post(INTRA, "key-2", PAY_BABATUNDE);

    assertThat(json(again).get("status").asText()).isEqualTo("94");
    assertThat(json(again).get("data").get("errorMessage").asText()).contains("ref-1");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497500.00");
  }

  @Test
  void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(() -> http.post(INTRA, "race", PAY_BABATUNDE));
      }
      List<String> okBodies = new ArrayList<>();
      for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
        HttpResponse<String> response = result.get();
        assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
        if (response.statusCode() == 200) {
          okBodies.add(response.body());
        }
      }
      assertThat(okBodies).isNotEmpty().allMatch(okBodies.get(0)::equals);
      assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
