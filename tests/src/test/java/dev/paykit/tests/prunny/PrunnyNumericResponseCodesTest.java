package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.InsufficientFundsException;
import dev.paykit.prunny.InvalidBeneficiaryAccountException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.Account;
import dev.paykit.prunny.model.AccountPage;
import dev.paykit.prunny.model.NameEnquiryRequest;
import dev.paykit.prunny.model.NameEnquiryResponse;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.prunny.model.TransactionStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/**
 * A response code sent as a JSON number reads as the table's code ({@code 0} is {@code 00}, {@code 9} is
 * {@code 09}) in every field whose schema is ResponseCode: the envelope's {@code status}, a status query's
 * and a completion's {@code data.statusCode}, a name enquiry's {@code responseCode}. Fields that are not
 * response codes (an account's {@code status}) are left as sent.
 */
class PrunnyNumericResponseCodesTest extends ScriptedPrunnyTestBase {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";

  private static final String TRANSFER_JSON = "{\"amount\":10.00,\"channel\":\"API\",\"currency\":\"NGN\","
      + "\"destinationAccount\":\"0987654321\",\"destinationAccountName\":\"Chike Eze\","
      + "\"destinationNarration\":\"rent\",\"referenceId\":\"ref-1\",\"sourceAccount\":\"0123456789\","
      + "\"sourceAccountName\":\"Ada Obi\",\"sourceAmount\":10.00,\"sourceCurrency\":\"NGN\","
      + "\"sourceNarration\":\"rent\"}";

  private void answer(String path, String body) {
    answer(path, 200, body, Times.unlimited());
  }

  private static String body(HttpRequest r) {
    byte[] raw = r.getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "status {0} -> {1}, {2}")
  @CsvSource({"0, APPROVED, COMPLETED", "1, STATUS_UNKNOWN, PENDING", "9, IN_PROGRESS, PENDING",
      "103, DEBIT_OK, COMPLETED"})
  void aTransfersNumericStatusIsTheTablesCode(int status, ResponseCode code, TransferResult.Outcome outcome) {
    answer(TRANSFER, "{\"status\":" + status + ",\"message\":\"code " + status + "\","
        + "\"data\":{\"transactionRef\":\"TX-" + status + "\"}}");

    TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));

    assertThat(sent(TRANSFER)).singleElement().satisfies(req -> assertThat(body(req)).isEqualTo(TRANSFER_JSON));
    assertThat(r.responseCode()).isEqualTo(code);
    assertThat(r.outcome()).isEqualTo(outcome);
    assertThat(r.transactionRef()).isEqualTo("TX-" + status);
  }

  @Test
  void numericFailureCodesStillThrowTheirTypedException() {
    answer(TRANSFER, "{\"status\":100,\"message\":\"Invalid Beneficiary Account\"}");

    assertThatThrownBy(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")))
        .isInstanceOfSatisfying(InvalidBeneficiaryAccountException.class,
            e -> assertThat(e.providerCode()).contains("100"));
  }

  @Test
  void aStatusQuerysNumericStatusCodeIsTheTablesCode() {
    answer("/v1/transactions/confirmation/TX-1", "{\"status\":0,\"message\":\"ok\","
        + "\"data\":{\"status\":\"Successful\",\"statusCode\":0}}");

    TransactionStatus s = prunny.client.transfers().awaitFinalStatus("TX-1");

    assertThat(sent("/v1/transactions/confirmation/TX-1")).singleElement()
        .satisfies(req -> assertThat(body(req)).isEmpty());
    assertThat(s.getStatusCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(s.getStatus()).isEqualTo("Successful");
    assertThat(prunny.sleeper.waits()).isEmpty();
  }

  @Test
  void aStatusQuerysNumericInProgressCodeIsPending() {
    answer("/v1/transactions/confirmation/TX-9", "{\"status\":0,\"message\":\"ok\","
        + "\"data\":{\"status\":\"Processing\",\"statusCode\":9}}");

    assertThat(prunny.client.transfers().status("TX-9").getStatusCode()).isEqualTo(ResponseCode.IN_PROGRESS);
  }

  @Test
  void aCompletionsNumericStatusCodeDecidesItsOutcome() {
    answer("/v1/transactions/complete", "{\"status\":0,\"message\":\"ok\","
        + "\"data\":{\"transactionRef\":\"TX-1\",\"status\":\"Successful\",\"statusCode\":0}}");

    TransferResult r = prunny.client.transfers().complete("TX-1", "req-1", "123456");

    assertThat(sent("/v1/transactions/complete")).singleElement().satisfies(req -> assertThat(body(req))
        .isEqualTo("{\"requestRef\":\"req-1\",\"transactionRef\":\"TX-1\","
            + "\"authDetails\":[{\"type\":\"OTP\",\"value\":\"123456\"}]}"));
    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.COMPLETED);
    assertThat(r.responseCode()).isEqualTo(ResponseCode.APPROVED);
  }

  @Test
  void aCompletionsNumericFailureStatusCodeThrows() {
    answer("/v1/transactions/complete", "{\"status\":0,\"message\":\"ok\","
        + "\"data\":{\"transactionRef\":\"TX-1\",\"status\":\"No sufficient funds\",\"statusCode\":51}}");

    assertThatThrownBy(() -> prunny.client.transfers().complete("TX-1", "req-1", "123456"))
        .isInstanceOf(InsufficientFundsException.class);
  }

  @Test
  void aNameEnquirysNumericResponseCodeIsTheTablesCode() {
    answer("/v1/transactions/nameenquiry", "{\"status\":0,\"message\":\"ok\",\"responseCode\":0,"
        + "\"data\":{\"accountNumber\":\"0123456789\",\"accountName\":\"Ada Obi\"}}");

    NameEnquiryResponse r = prunny.client.api(TransfersApi.class)
        .nameEnquiry(new NameEnquiryRequest().accountNumber("0123456789"));

    assertThat(sent("/v1/transactions/nameenquiry")).singleElement()
        .satisfies(req -> assertThat(body(req)).isEqualTo("{\"accountNumber\":\"0123456789\"}"));
    assertThat(r.getStatus()).isEqualTo(ResponseCode.APPROVED);
    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.APPROVED);
  }

  @Test
  void aPagesNumericStatusIsTheTablesCodeAndAnAccountsOwnStatusIsLeftAsSent() {
    answer("/v1/accounts", "{\"status\":0,\"message\":\"ok\",\"responseData\":["
        + "{\"accountNumber\":\"0123456789\",\"status\":1}]}");

    AccountPage page = prunny.client.accounts().list("C-1", null, null);

    assertThat(page.getStatus()).isEqualTo(ResponseCode.APPROVED);
    assertThat(page.getData()).extracting(Account::getStatus).containsExactly("1");
  }
}
