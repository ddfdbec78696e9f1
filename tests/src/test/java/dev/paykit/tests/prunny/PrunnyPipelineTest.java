package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.InsufficientFundsException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.ResponseCode;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;

/** Prunny's headers per call and per attempt, and status polling, against a scripted server. */
class PrunnyPipelineTest extends ScriptedPrunnyTestBase {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";
  private static final String STATUS = "/v1/transactions/confirmation/TX-1";

  private static String status(String code) {
    return "{\"status\":\"00\",\"data\":{\"status\":\"s\",\"statusCode\":\"" + code + "\"}}";
  }

  @Test
  void aTransferKeepsItsKeyAcrossRetriesAndTimestampsEachAttemptAfresh() {
    answer(TRANSFER, 503, "{\"message\":\"busy\",\"status\":503}", Times.once());
    server.when(request().withPath(TRANSFER), Times.once()).error(HttpError.error().withDropConnection(true));
    answer(TRANSFER, 200, "{\"status\":\"00\",\"data\":{\"transactionRef\":\"TX-1\"}}", Times.unlimited());

    TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));
    prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-2", "10.00"));

    assertThat(r.isCompleted()).isTrue();
    assertThat(r.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
    HttpRequest[] attempts = sent(TRANSFER);
    assertThat(attempts).hasSize(4);
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("Idempotency-Key"))).containsExactly(
        "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
    // UTC, millisecond precision (the clock has microseconds), moved on by the 500 ms and 1 s backoffs
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("X-Request-Timestamp"))).containsExactly(
        "2026-11-21T10:00:00.123Z", "2026-11-21T10:00:00.623Z", "2026-11-21T10:00:01.623Z",
        "2026-11-21T10:00:01.623Z");
    for (HttpRequest a : attempts) {
      assertThat(a.getHeader("Authorization")).containsExactly("Bearer " + ScriptedPrunny.API_KEY);
      assertThat(a.getHeader("X-Request-Timestamp")).hasSize(1);
    }
  }

  @Test
  void theTimestampHeaderNameIsConfigurable() {
    answer(STATUS, 200, status("00"), Times.unlimited());
    PrunnyClient renamed = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY)
        .baseUrl(baseUrl()).clock(prunny.clock).timestampHeader("Timestamp").build();

    renamed.transfers().status("TX-1");

    assertThat(sent(STATUS)[0].getFirstHeader("Timestamp")).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(sent(STATUS)[0].containsHeader("X-Request-Timestamp")).isFalse();
  }

  @Test
  void aGetCarriesNoIdempotencyKey() {
    answer(STATUS, 200, status("00"), Times.unlimited());
    prunny.client.transfers().status("TX-1");
    assertThat(sent(STATUS)[0].containsHeader("Idempotency-Key")).isFalse();
  }

  @Test
  void awaitFinalStatusPollsWithBackoffUntilFinal() {
    answer(STATUS, 200, status("09"), Times.exactly(2));
    answer(STATUS, 200, status("00"), Times.unlimited());

    assertThat(prunny.client.transfers().awaitFinalStatus("TX-1").getStatusCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(sent(STATUS)).hasSize(3);
    assertThat(prunny.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void awaitFinalStatusThrowsTheFailureOfAFailedTransaction() {
    answer(STATUS, 200, status("01"), Times.once());
    answer(STATUS, 200, status("51"), Times.unlimited());

    assertThatThrownBy(() -> prunny.client.transfers().awaitFinalStatus("TX-1"))
        .isInstanceOfSatisfying(InsufficientFundsException.class, e -> assertThat(e.providerCode()).contains("51"));
  }

  @Test
  void awaitFinalStatusGivesUpAsUnknownWhenThePolicyIsSpent() {
    answer(STATUS, 200, status("09"), Times.unlimited());

    assertThatThrownBy(() -> prunny.client.transfers().awaitFinalStatus("TX-1"))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.transactionRef()).isEqualTo("TX-1");
          assertThat(e.getMessage()).contains("still not final after 4 status queries");
        });
    assertThat(sent(STATUS)).hasSize(4);
  }

  @Test
  void aLostConnectionThatTheRetriesCannotRecoverIsAnUnknownOutcomeWithTheKeyToRepeat() {
    server.when(request().withPath(TRANSFER), Times.unlimited()).error(HttpError.error().withDropConnection(true));
    PrunnyClient noRetry = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY)
        .baseUrl(baseUrl()).retryPolicy(RetryPolicy.none()).build();

    assertThatThrownBy(() -> noRetry.transfers().intraBank(ScriptedPrunny.transfer("ref-9", "10.00"), RequestOptions.ofIdempotencyKey("order-9-pay")))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("order-9-pay");
          assertThat(e.referenceId()).isEqualTo("ref-9");
          assertThat(e.getMessage()).contains("idempotency key order-9-pay");
        });
  }

  @Test
  void aPendingMandateDebitIsReportedPendingNotDone() {
    answer("/v1/directdebit/M1/pay", 200,
        "{\"status\":\"09\",\"message\":\"in progress\",\"data\":{\"transactionRef\":\"TX-M\",\"amountDebited\":5000.00}}",
        Times.unlimited());

    var r = prunny.client.mandates().pay("M1", new java.math.BigDecimal("5000.00"));

    assertThat(r.isPending()).isTrue();
    assertThat(r.isCompleted()).isFalse();
    assertThat(r.responseCode()).isEqualTo(ResponseCode.IN_PROGRESS);
    assertThat(r.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
  }

  /**
   * A request OkHttp refuses to build (here a timestamp header name with a space) was never sent: it is
   * not an unknown outcome, and it is not retried. It used to surface as an "unexpected response" whose
   * request "may have been processed", retried, then reported as an outcome unknown.
   */
  @Test
  void aRequestThatCannotBeBuiltIsNotSentAndNotAnUnknownOutcome() {
    PrunnyClient broken = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY).baseUrl(baseUrl())
        .clock(prunny.clock).timestampHeader("Request Timestamp")
        .retryPolicy(RetryPolicy.builder().sleeper(prunny.sleeper).random(() -> 0.0).build()).build();

    assertThatThrownBy(() -> broken.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOfSatisfying(dev.paykit.core.PaykitException.class, e -> {
          assertThat(e).isNotInstanceOf(dev.paykit.core.OutcomeUnknownException.class);
          assertThat(e.requestMayHaveBeenProcessed()).isFalse();
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("could not be built");
        });
    assertThat(sent(TRANSFER)).isEmpty();
    assertThat(prunny.sleeper.waits()).isEmpty();
  }

  /** A Feign interface of the application's own, with an operation the spec does not have. */
  interface OwnTransfers {
    @feign.RequestLine("POST /v1/transactions/instantTransfer")
    @feign.Headers("Content-Type: application/json")
    dev.paykit.prunny.model.TransactionResponse instant(dev.paykit.prunny.model.IntraBankTransferRequest body);

    /** A default method is the interface's own code: it still runs. */
    default String describe() {
      return "own transfers";
    }
  }

  /**
   * {@code feignBuilder()} targets any interface, but a method that is not an operation of the spec could
   * not be validated, authenticated or given the outcome rule: such an interface is refused when it is
   * built, before anything is sent. It used to go out unvalidated, without credentials, and fail with a
   * raw Feign exception after a reset.
   */
  @Test
  void aMethodTheSpecDoesNotDescribeIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> prunny.client.feignBuilder().target(OwnTransfers.class, baseUrl()))
        .isInstanceOfSatisfying(IllegalStateException.class, e ->
            assertThat(e.getMessage()).contains("POST /v1/transactions/instantTransfer")
                .contains("not an operation of the prunny spec"));
    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }
}
