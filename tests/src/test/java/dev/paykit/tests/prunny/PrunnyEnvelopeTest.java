package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_CURRENT;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.CUSTOMER_ADAEZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.InsufficientFundsException;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.api.AccountsApi;
import dev.paykit.prunny.model.Account;
import dev.paykit.prunny.model.AccountBalance;
import dev.paykit.prunny.model.AccountBalanceResponse;
import dev.paykit.prunny.model.AccountPage;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.prunny.model.StatementTransaction;
import dev.paykit.prunny.model.TransactionStatus;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.LogEventRequestAndResponse;

/**
 * Prunny's envelope is the spec's {@code x-paykit-envelope}: whether the sandbox carries a payload in
 * {@code responseData} (Prunny's key) or {@code data} (OBN's), the generated models' {@code getData()} and
 * the facades have it, codes still decide the outcome, and paging reads the items.
 */
class PrunnyEnvelopeTest extends PrunnySandboxTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";

  /** The JSON the sandbox answered to the last request at this path (below /prunny). */
  private JsonNode answered(String path) {
    LogEventRequestAndResponse[] exchanges = sandbox.mockServer()
        .retrieveRecordedRequestsAndResponses(request().withPath(PrunnySimulator.PATH_PREFIX + path));
    assertThat(exchanges).as("exchanges at " + path).isNotEmpty();
    try {
      return JSON.readTree(exchanges[exchanges.length - 1].getHttpResponse().getBodyAsRawBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void payloadOnlyUnder(JsonNode answer, String key) {
    String other = key.equals("data") ? "responseData" : "data";
    assertThat(answer.hasNonNull(key)).as(answer + " has " + key).isTrue();
    assertThat(answer.has(other)).as(answer + " has no " + other).isFalse();
  }

  @Test
  void singleObjectsAnsweredInResponseDataOnlyReachGetData() {
    sim.payloadKey("responseData");

    AccountBalanceResponse raw = client.api(AccountsApi.class).getAccountBalance(ACCOUNT_ADAEZE_CURRENT);
    payloadOnlyUnder(answered("/v1/accounts/balance/" + ACCOUNT_ADAEZE_CURRENT), "responseData");
    AccountBalance balance = client.accounts().balance(ACCOUNT_ADAEZE_CURRENT);
    Account account = client.accounts().get(ACCOUNT_BABATUNDE);
    payloadOnlyUnder(answered("/v1/accounts/" + ACCOUNT_BABATUNDE), "responseData");

    assertThat(raw.getStatus()).isEqualTo(ResponseCode.APPROVED);
    assertThat(raw.getData().getAccountNumber()).isEqualTo(ACCOUNT_ADAEZE_CURRENT);
    assertThat(raw.getData().getAvailableBalance()).isEqualByComparingTo(sim.availableBalance(ACCOUNT_ADAEZE_CURRENT));
    assertThat(balance.getAvailableBalance()).isEqualByComparingTo(sim.availableBalance(ACCOUNT_ADAEZE_CURRENT));
    assertThat(account.getAccountNumber()).isEqualTo(ACCOUNT_BABATUNDE);
  }

  @Test
  void aTransferAnsweredInResponseDataOnlyKeepsItsReferenceAndItsStatusQueryReadsToo() {
    sim.payloadKey("responseData");

    TransferResult r = client.transfers().intraBank(PrunnySafetyTest.pay("env-1", ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_NAME,
        ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "40.00"));
    payloadOnlyUnder(answered(TRANSFER), "responseData");
    TransactionStatus status = client.transfers().status(r.transactionRef());

    assertThat(r.isCompleted()).isTrue();
    assertThat(r.transactionRef()).isEqualTo(sim.transfers().get(0).transactionRef());
    assertThat(status.getStatusCode()).isEqualTo(ResponseCode.APPROVED);
    payloadOnlyUnder(answered("/v1/transactions/confirmation/" + r.transactionRef()), "responseData");
  }

  @Test
  void code97InAResponseDataOnlyAnswerNamesTheTransactionItCarries() {
    sim.payloadKey("responseData");
    sim.respondNextWithCode(1, "97");

    assertThatThrownBy(() -> client.transfers().intraBank(PrunnySafetyTest.pay("env-97", ACCOUNT_ADAEZE,
        ACCOUNT_ADAEZE_NAME, ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "40.00")))
        .isInstanceOfSatisfying(TransferOutcomeUnknownException.class, e -> {
          assertThat(e.transactionRef()).isEqualTo(sim.transfers().get(0).transactionRef());
          assertThat(e.details().providerCode()).isEqualTo("97");
        });
    JsonNode answer = answered(TRANSFER);
    payloadOnlyUnder(answer, "responseData");
    assertThat(answer.get("responseData").get("transactionRef").asText()).isEqualTo(sim.transfers().get(0).transactionRef());
  }

  @Test
  void aFailureCodeWithAResponseDataPayloadIsStillItsTypedException() {
    sim.payloadKey("responseData");
    sim.respondNextWithCode(1, "51");

    assertThatThrownBy(() -> client.transfers().intraBank(PrunnySafetyTest.pay("env-51", ACCOUNT_ADAEZE,
        ACCOUNT_ADAEZE_NAME, ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "40.00")))
        .isInstanceOfSatisfying(InsufficientFundsException.class,
            e -> assertThat(e.details().providerCode()).isEqualTo("51"));
    assertThat(sim.transferCount()).isZero();
  }

  @Test
  void pageItemsAnsweredInDataOnlyReachGetDataAndThePager() {
    sim.payloadKey("data");

    AccountPage page = client.accounts().list(CUSTOMER_ADAEZE, 1, 1);
    payloadOnlyUnder(answered("/v1/accounts"), "data");
    List<StatementTransaction> lines = client.accounts().statementAutoPaging(ACCOUNT_ADAEZE, null, null, 10)
        .stream().toList();
    payloadOnlyUnder(answered("/v1/transactions/" + ACCOUNT_ADAEZE + "/statement"), "data");

    assertThat(page.getData()).extracting(Account::getAccountNumber).containsExactly(ACCOUNT_ADAEZE);
    assertThat(lines).hasSize(25);
    assertThat(lines).extracting(StatementTransaction::getReferenceId).doesNotHaveDuplicates();
  }

  @Test
  void bySandboxDefaultSinglesComeInDataAndPagesInResponseDataAndBothReachGetData() {
    AccountBalance balance = client.accounts().balance(ACCOUNT_ADAEZE);
    payloadOnlyUnder(answered("/v1/accounts/balance/" + ACCOUNT_ADAEZE), "data");
    AccountPage page = client.accounts().list(CUSTOMER_ADAEZE, null, null);
    payloadOnlyUnder(answered("/v1/accounts"), "responseData");

    assertThat(balance.getAvailableBalance()).isEqualByComparingTo(sim.availableBalance(ACCOUNT_ADAEZE));
    assertThat(page.getData()).extracting(Account::getAccountNumber)
        .containsExactlyInAnyOrder(ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_CURRENT);
  }
}
