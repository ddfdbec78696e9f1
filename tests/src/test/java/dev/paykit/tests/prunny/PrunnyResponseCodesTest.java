package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.prunny.AccountAlreadyExistsException;
import dev.paykit.core.ApiException;
import dev.paykit.prunny.BlockFailedException;
import dev.paykit.core.DeclinedException;
import dev.paykit.prunny.DuplicateTransactionException;
import dev.paykit.core.InsufficientFundsException;
import dev.paykit.prunny.InvalidAccountException;
import dev.paykit.prunny.InvalidBeneficiaryAccountException;
import dev.paykit.prunny.InvalidSourceAccountException;
import dev.paykit.prunny.InvalidTransactionException;
import dev.paykit.core.LimitExceededException;
import dev.paykit.prunny.NoActionTakenException;
import dev.paykit.core.ServerException;
import dev.paykit.prunny.UnblockFailedException;
import dev.paykit.prunny.UnknownBankException;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.ResponseCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code of Prunny's table drives the outcome: success, pending, unknown, or a typed exception. */
class PrunnyResponseCodesTest extends ScriptedPrunnyTestBase {

  private static final String PATH = "/v1/transactions/singletransferwithbank";

  private void answer(int http, String body) {
    answer(PATH, http, body, org.mockserver.matchers.Times.unlimited());
  }

  private static String envelope(String code) {
    return "{\"status\":\"" + code + "\",\"message\":\"provider says " + code + "\","
        + "\"data\":{\"transactionRef\":\"TX-" + code + "\"},"
        + "\"expansionFields\":[{\"id\":\"branch\",\"description\":\"Branch\",\"type\":\"text\",\"value\":\"Yaba\"}]}";
  }

  static Stream<Arguments> failureCodes() {
    return Stream.of(
        Arguments.of("07", InvalidAccountException.class),
        Arguments.of("12", InvalidTransactionException.class),
        Arguments.of("16", UnknownBankException.class),
        Arguments.of("21", NoActionTakenException.class),
        Arguments.of("51", InsufficientFundsException.class),
        Arguments.of("61", LimitExceededException.class),
        Arguments.of("69", BlockFailedException.class),
        Arguments.of("70", UnblockFailedException.class),
        Arguments.of("94", DuplicateTransactionException.class),
        Arguments.of("96", ServerException.class),
        Arguments.of("98", AccountAlreadyExistsException.class),
        Arguments.of("99", InvalidSourceAccountException.class),
        Arguments.of("100", InvalidBeneficiaryAccountException.class),
        Arguments.of("101", BlockFailedException.class),
        Arguments.of("102", BlockFailedException.class));
  }

  @ParameterizedTest(name = "code {0} in a 200 envelope -> {1}")
  @MethodSource("failureCodes")
  void failureCodesInA200EnvelopeAreTypedExceptions(String code, Class<? extends ApiException> type) {
    answer(200, envelope(code));

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOfSatisfying(type, e -> {
          assertThat(e.providerCode()).contains(code);
          assertThat(e.providerMessage()).contains("provider says " + code);
          assertThat(e.provider()).isEqualTo("prunny");
        });
  }

  @ParameterizedTest(name = "errorCode {0} in a 4xx error body -> {1}")
  @MethodSource("failureCodes")
  void failureCodesInAnErrorBodyAreTheSameTypedExceptions(String code, Class<? extends ApiException> type) {
    answer(400, "{\"message\":\"declined: " + code + "\",\"status\":400,\"errorCode\":\"" + code + "\"}");
    prunny = new ScriptedPrunny(baseUrl());

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOfSatisfying(type, e -> assertThat(e.providerCode()).contains(code));
  }

  @Test
  void declinesAreNeverRetried() {
    answer(200, envelope("51"));

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOf(DeclinedException.class);
    assertThat(server.retrieveRecordedRequests(request().withPath(PATH))).hasSize(1);
  }

  @Test
  void approvedAndDebitOkComplete() {
    for (String code : new String[] {"00", "103"}) {
      server.reset();
      answer(200, envelope(code));
      TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-" + code, "10.00"));
      assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.COMPLETED);
      assertThat(r.responseCode()).isEqualTo(ResponseCode.fromValue(code));
      assertThat(r.transactionRef()).isEqualTo("TX-" + code);
      assertThat(r.expansionFields()).extracting(f -> f.getId() + "=" + f.getValue()).containsExactly("branch=Yaba");
    }
  }

  @Test
  void statusUnknownAndInProgressArePendingNeverSuccessOrFailure() {
    for (String code : new String[] {"01", "09"}) {
      server.reset();
      answer(200, envelope(code));
      TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-" + code, "10.00"));
      assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.PENDING);
      assertThat(r.isCompleted()).isFalse();
    }
  }

  @Test
  void aCodeOutsideTheTableIsPendingNotSuccess() {
    answer(200, envelope("25"));

    TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));
    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.PENDING);
    assertThat(r.responseCode()).isEqualTo(ResponseCode.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void destinationTimeoutIsAnUnknownOutcomeThatNamesTheStatusQuery() {
    answer(200, envelope("97"));

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-97", "10.00")))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.transactionRef()).isEqualTo("TX-97");
          assertThat(e.referenceId()).isEqualTo("ref-97");
          assertThat(e.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
          assertThat(e.getMessage()).contains("awaitFinalStatus(\"TX-97\")").contains("never resubmit");
          assertThat(e.providerCode()).contains("97");
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(server.retrieveRecordedRequests(request().withPath(PATH))).hasSize(1);
  }

  /**
   * Code 97 in a 200 envelope is decided by the core like every other unknown outcome, so an application
   * on the generated interface ({@code api(TransfersApi.class)}) gets it too: it used to get a plain
   * {@code TransactionResponse} (failure codes threw, 97 did not), i.e. no exception for a transfer whose
   * outcome nobody knows. The core's exception names the key; its cause keeps Prunny's transactionRef.
   */
  @Test
  void destinationTimeoutIsAnUnknownOutcomeForTheGeneratedInterfaceToo() {
    answer(200, envelope("97"));
    dev.paykit.prunny.api.TransfersApi api = prunny.client.api(dev.paykit.prunny.api.TransfersApi.class);

    assertThatThrownBy(() -> api.intraBankTransfer(null, ScriptedPrunny.transfer("ref-97", "10.00")))
        .isInstanceOfSatisfying(dev.paykit.core.OutcomeUnknownException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
          assertThat(e.reference()).isEqualTo("ref-97");
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.providerCode()).contains("97");
          assertThat(e.resolution()).contains("getTransactionStatus");
          assertThat(e.getCause()).isInstanceOfSatisfying(TransferOutcomeUnknownException.class,
              t -> assertThat(t.transactionRef()).isEqualTo("TX-97"));
        });
    assertThat(server.retrieveRecordedRequests(request().withPath(PATH))).hasSize(1);
  }

  /** A 97 to an OTP completion names the transaction being completed when the answer does not repeat it. */
  @Test
  void destinationTimeoutOfACompletionNamesTheTransactionBeingCompleted() {
    answer("/v1/transactions/complete", 200, "{\"status\":\"97\",\"message\":\"timeout\",\"data\":{\"status\":\"pending\"}}",
        org.mockserver.matchers.Times.unlimited());

    assertThatThrownBy(() -> prunny.client.transfers().complete("TX-5", "otp-5", "123456"))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.transactionRef()).isEqualTo("TX-5");
          assertThat(e.resolution()).contains("awaitFinalStatus(\"TX-5\")");
          assertThat(e.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
        });
  }

  @Test
  void code97InAnErrorBodyIsAnUnknownOutcomeWhateverTheStatus() {
    for (int http : new int[] {400, 504}) {
      server.reset();
      answer(http, "{\"message\":\"timeout at destination\",\"status\":" + http + ",\"errorCode\":\"97\"}");
      assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-97", "10.00"), RequestOptions.ofIdempotencyKey("k-97")))
          .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
            assertThat(e.idempotencyKey()).isEqualTo("k-97");
            assertThat(e.httpStatus()).isEqualTo(http);
          });
    }
  }

  @Test
  void aServerErrorThatOutlastsTheRetriesOfATransferIsAnUnknownOutcomeNamingTheKey() {
    answer(500, "{\"message\":\"System malfunction\",\"status\":500,\"errorCode\":\"96\"}");

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-500", "10.00")))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("00000000-0000-0000-0000-000000000001");
          assertThat(e.getMessage()).contains("idempotency key 00000000-0000-0000-0000-000000000001");
        });
    assertThat(server.retrieveRecordedRequests(request().withPath(PATH))).hasSize(3);
  }

  @Test
  void aCodeSentAsANumberIsReadAsTheTablesCode() {
    answer(200, "{\"status\":51,\"message\":\"No sufficient funds\"}");

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOf(InsufficientFundsException.class);
  }
}
