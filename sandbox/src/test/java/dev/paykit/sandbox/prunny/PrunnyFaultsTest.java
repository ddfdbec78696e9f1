package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.PrunnyHttp.intraTransfer;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** respondNextWithCode: outcome-unknown answers settled by status queries, and injected failures. */
class PrunnyFaultsTest extends PrunnySimulatorTestBase {
  private static final String INTRA = "/v1/transactions/singletransferwithbank";
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static JsonNode transfer(String referenceId, String amount) {
    HttpResponse<String> response = http.post(INTRA, "key-" + KEYS.incrementAndGet(),
        intraTransfer(referenceId, ACCOUNT_ADAEZE, ACCOUNT_BABATUNDE, amount));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static String statusCode(String ref) {
    JsonNode answer = json(http.get("/v1/transactions/confirmation/" + ref));
    assertThat(answer.get("status").asText()).as("the query itself").isEqualTo("00");
    return answer.get("data").get("statusCode").asText();
  }

  /** The caller cannot tell from 97 whether money moved; polling the status query tells it. */
  @Test
  void a97TransferIsExecutedAndSettlesAfterTwoStatusQueries() {
    sandbox.prunny().respondNextWithCode(1, "97");

    JsonNode answer = transfer("ref-97", "1000.00");

    assertThat(answer.get("status").asText()).isEqualTo("97");
    assertThat(answer.get("message").asText()).startsWith("Timeout waiting for a response from destination");
    assertThat(answer.get("data").has("errorCode")).as("not a failure: outcome unknown").isFalse();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("499000.00");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(1);
    String ref = answer.get("data").get("transactionRef").asText();
    assertThat(statusCode(ref)).isEqualTo("09");
    assertThat(statusCode(ref)).isEqualTo("09");
    assertThat(statusCode(ref)).isEqualTo("00");
    assertThat(statusCode(ref)).isEqualTo("00");
  }

  @Test
  void pollsUntilSettledIsConfigurable() {
    sandbox.prunny().pollsUntilSettled(0).respondNextWithCode(1, "01");

    JsonNode answer = transfer("ref-01", "1000.00");

    assertThat(answer.get("status").asText()).isEqualTo("01");
    assertThat(statusCode(answer.get("data").get("transactionRef").asText())).isEqualTo("00");
  }

  @Test
  void onlyTheNextNTransfersAreAffected() {
    sandbox.prunny().respondNextWithCode(2, "09");

    assertThat(transfer("a", "10.00").get("status").asText()).isEqualTo("09");
    assertThat(transfer("b", "10.00").get("status").asText()).isEqualTo("09");
    assertThat(transfer("c", "10.00").get("status").asText()).isEqualTo("00");
    assertThat(sandbox.prunny().transferCount()).isEqualTo(3);
  }

  @Test
  void anInjected09SkipsTheOtpStepLikeATransferAlreadySent() {
    sandbox.prunny().respondNextWithCode(1, "09");

    JsonNode answer = transfer("big", "150000.00");

    assertThat(answer.get("data").has("authDetails")).isFalse();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("350000.00");
  }

  @Test
  void realChecksStillComeFirstForUnknownOutcomeCodes() {
    sandbox.prunny().respondNextWithCode(1, "97");

    JsonNode answer = transfer("too-much", "600000.00");

    assertThat(answer.get("status").asText()).isEqualTo("51");
    assertThat(transfer("next", "10.00").get("status").asText()).as("the code was used up").isEqualTo("00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"96", "51", "12", "100"})
  void otherCodesFailTheTransferWithoutExecutingIt(String code) {
    sandbox.prunny().respondNextWithCode(1, code);

    JsonNode answer = transfer("ref-" + code, "1000.00");

    assertThat(answer.get("status").asText()).isEqualTo(code);
    assertThat(answer.get("data").get("errorCode").asText()).isEqualTo(code);
    assertThat(statusCode(answer.get("data").get("transactionRef").asText())).isEqualTo(code);
    assertThat(sandbox.prunny().transferCount()).isZero();
    assertThat(sandbox.prunny().availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
  }

  @Test
  void holdsAndReadsDoNotUseUpInjectedCodes() {
    sandbox.prunny().respondNextWithCode(1, "96");
    http.post("/v1/transactions/holdfund", "hold", PrunnyHttp.hold("l", ACCOUNT_ADAEZE, "1.00"));
    http.get("/v1/accounts/balance/" + ACCOUNT_ADAEZE);

    assertThat(transfer("t", "10.00").get("status").asText()).isEqualTo("96");
  }

  @Test
  void resetForgetsQueuedCodesAndSettings() {
    sandbox.prunny().respondNextWithCode(3, "97");
    sandbox.prunny().pollsUntilSettled(5);

    sandbox.reset();
    sandbox.prunny().clock(Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(transfer("t", "10.00").get("status").asText()).isEqualTo("00");
  }

  @Test
  void rejectsNonsenseArguments() {
    PrunnySimulator prunny = sandbox.prunny();

    assertThatThrownBy(() -> prunny.respondNextWithCode(1, "00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.respondNextWithCode(1, "42")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.respondNextWithCode(-1, "97")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.pollsUntilSettled(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.otpThreshold(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.availableBalance("9999999999")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> prunny.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
  }
}
