package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.prunny.Fixtures.BANK_FIRST_BANK;
import static dev.paykit.sandbox.prunny.Fixtures.BANK_GTB;
import static dev.paykit.sandbox.prunny.Fixtures.FIRST_BANK_ACCOUNT;
import static dev.paykit.sandbox.prunny.Fixtures.FIRST_BANK_ACCOUNT_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.GTB_ACCOUNT;
import static dev.paykit.sandbox.prunny.Fixtures.GTB_ACCOUNT_NAME;
import static dev.paykit.tests.prunny.PrunnyWireTest.fields;
import static dev.paykit.tests.prunny.PrunnyWireTest.only;
import static dev.paykit.tests.prunny.PrunnyWireTest.read;
import static dev.paykit.tests.prunny.PrunnyWireTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.AuthorizationPrompt;
import dev.paykit.prunny.model.BulkInterBankTransferItem;
import dev.paykit.prunny.model.BulkInterBankTransferRequest;
import dev.paykit.prunny.model.BulkIntraBankTransferRequest;
import dev.paykit.prunny.model.BulkTransferItem;
import dev.paykit.prunny.model.InterBankTransferRequest;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.prunny.model.NameEnquiryResult;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.prunny.model.TransactionStatus;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Every Prunny transfer operation: the exact request that reached the sandbox, the typed result, the money. */
class PrunnyWireTransfersTest extends PrunnySandboxTestBase {

  /** The NIP session id the sandbox gives its first transaction at the pinned clock. */
  private static final String SESSION_1 = "000999261121100000000000000001";

  private static IntraBankTransferRequest toBabatunde(String referenceId, String amount) {
    BigDecimal a = new BigDecimal(amount);
    return new IntraBankTransferRequest().amount(a).channel("Mobile").currency("NGN")
        .destinationAccount(ACCOUNT_BABATUNDE).destinationAccountName("Babatunde Adeyemi")
        .destinationNarration("Rent share").referenceId(referenceId).sourceAccount(ACCOUNT_ADAEZE)
        .sourceAccountName("Adaeze Okafor").sourceAmount(a).sourceCurrency("NGN").sourceNarration("Rent");
  }

  private static String toBabatundeJson(String referenceId, String amount) {
    return "{\"amount\":" + amount + ",\"channel\":\"Mobile\",\"currency\":\"NGN\",\"destinationAccount\":\""
        + ACCOUNT_BABATUNDE + "\",\"destinationAccountName\":\"Babatunde Adeyemi\",\"destinationNarration\":"
        + "\"Rent share\",\"referenceId\":\"" + referenceId + "\",\"sourceAccount\":\"" + ACCOUNT_ADAEZE + "\","
        + "\"sourceAccountName\":\"Adaeze Okafor\",\"sourceAmount\":" + amount + ",\"sourceCurrency\":\"NGN\","
        + "\"sourceNarration\":\"Rent\"}";
  }

  private void assertCompleted(TransferResult r, String transactionRef) {
    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.COMPLETED);
    assertThat(r.responseCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(r.transactionRef()).isEqualTo(transactionRef);
    assertThat(r.idempotencyKey()).isEqualTo(key(1));
  }

  @Test
  void nameEnquirySendsNoKeyAndOnlyTheBankCodeItIsGiven() {
    NameEnquiryResult internal = client.transfers().nameEnquiry(ACCOUNT_CHIAMAKA, null);
    NameEnquiryResult external = client.transfers().nameEnquiry(GTB_ACCOUNT, BANK_GTB);

    HttpRequest[] sent = sent("/v1/transactions/nameenquiry");
    assertThat(sent).hasSize(2);
    for (int i = 0; i < 2; i++) {
      HttpRequest r = only(new HttpRequest[] {sent[i]}, "POST", "/v1/transactions/nameenquiry");
      assertThat(r.containsHeader(PrunnySimulator.IDEMPOTENCY_HEADER)).isFalse();
      assertThat(r.getHeader("Content-Type")).containsExactly("application/json");
    }
    assertThat(body(sent[0])).isEqualTo("{\"accountNumber\":\"" + ACCOUNT_CHIAMAKA + "\"}");
    assertThat(body(sent[1])).isEqualTo("{\"accountNumber\":\"" + GTB_ACCOUNT + "\",\"bankCode\":\"058\"}");
    assertThat(internal.getAccountName()).isEqualTo("Chiamaka Eze");
    assertThat(internal.getBvn()).isEqualTo("22298765432");
    assertThat(fields(internal.getExpansionFields())).containsExactly("bankName=Prunny");
    assertThat(external.getAccountName()).isEqualTo(GTB_ACCOUNT_NAME);
    assertThat(fields(external.getExpansionFields())).containsExactly("bankName=Guaranty Trust Bank");
    assertThat(sim.transferCount()).isZero();
  }

  @Test
  void intraBankTransferSendsPlainDecimalsUnderAKeyAndMovesTheMoney() {
    TransferResult r = client.transfers().intraBank(toBabatunde("intra-1", "2500.00"));

    write(sent("/v1/transactions/singletransferwithbank"), "POST", "/v1/transactions/singletransferwithbank",
        key(1), toBabatundeJson("intra-1", "2500.00"));
    assertCompleted(r, "PRN000000000001");
    assertThat(r.referenceId()).isEqualTo("intra-1");
    assertThat(r.authPrompts()).isEmpty();
    assertThat(fields(r.expansionFields())).containsExactly("environment=sandbox", "sessionId=" + SESSION_1);
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497500.00");
    assertThat(sim.availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("252500.00");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void interBankTransferSendsTheDestinationBank() {
    BigDecimal amount = new BigDecimal("15000.50");
    TransferResult r = client.transfers().interBank(new InterBankTransferRequest().amount(amount).channel("Internet")
        .currency("NGN").destinationAccount(GTB_ACCOUNT).destinationBankCode(BANK_GTB)
        .destinationBankName("Guaranty Trust Bank").destinationAccountName(GTB_ACCOUNT_NAME)
        .destinationNarration("Invoice 77").referenceId("inter-1").sourceAccount(ACCOUNT_ADAEZE)
        .sourceAccountName("Adaeze Okafor").sourceAmount(amount).sourceCurrency("NGN").sourceNarration("Invoice"));

    write(sent("/v1/transactions/singleInterbankTransfer"), "POST", "/v1/transactions/singleInterbankTransfer",
        key(1), "{\"amount\":15000.50,\"channel\":\"Internet\",\"currency\":\"NGN\",\"destinationAccount\":\""
        + GTB_ACCOUNT + "\",\"destinationBankCode\":\"058\",\"destinationBankName\":\"Guaranty Trust Bank\","
        + "\"destinationAccountName\":\"Ifeoma Nwankwo\",\"destinationNarration\":\"Invoice 77\",\"referenceId\":"
        + "\"inter-1\",\"sourceAccount\":\"" + ACCOUNT_ADAEZE + "\",\"sourceAccountName\":\"Adaeze Okafor\","
        + "\"sourceAmount\":15000.50,\"sourceCurrency\":\"NGN\",\"sourceNarration\":\"Invoice\"}");
    assertCompleted(r, "PRN000000000001");
    assertThat(fields(r.expansionFields())).containsExactly("environment=sandbox", "sessionId=" + SESSION_1);
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("484999.50");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void bulkIntraBankTransferSendsEveryItemWithItsAmount() {
    TransferResult r = client.transfers().bulkIntraBank(new BulkIntraBankTransferRequest().batchId("batch-1")
        .channel("Mobile").transactions(List.of(
            new BulkTransferItem().destinationAccount(ACCOUNT_BABATUNDE).destinationAccountName("Babatunde Adeyemi")
                .destinationNarration("Share 1").amount(new BigDecimal("1000.00")),
            new BulkTransferItem().destinationAccount(ACCOUNT_CHIAMAKA).destinationAccountName("Chiamaka Eze")
                .destinationNarration("Share 2").amount(new BigDecimal("500.00"))))
        .referenceId("bulk-intra-1").sourceAccount(ACCOUNT_ADAEZE).sourceAccountName("Adaeze Okafor")
        .sourceAmount(new BigDecimal("1500.00")).sourceCurrency("NGN").sourceNarration("Shares"));

    write(sent("/v1/transactions/multiIntrabankTransfer"), "POST", "/v1/transactions/multiIntrabankTransfer",
        key(1), "{\"batchId\":\"batch-1\",\"channel\":\"Mobile\",\"transactions\":[{\"destinationAccount\":\""
        + ACCOUNT_BABATUNDE + "\",\"destinationAccountName\":\"Babatunde Adeyemi\",\"destinationNarration\":"
        + "\"Share 1\",\"amount\":1000.00},{\"destinationAccount\":\"" + ACCOUNT_CHIAMAKA + "\","
        + "\"destinationAccountName\":\"Chiamaka Eze\",\"destinationNarration\":\"Share 2\",\"amount\":500.00}],"
        + "\"referenceId\":\"bulk-intra-1\",\"sourceAccount\":\"" + ACCOUNT_ADAEZE + "\",\"sourceAccountName\":"
        + "\"Adaeze Okafor\",\"sourceAmount\":1500.00,\"sourceCurrency\":\"NGN\",\"sourceNarration\":\"Shares\"}");
    assertCompleted(r, "PRN000000000001");
    assertThat(r.referenceId()).isEqualTo("bulk-intra-1");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("498500.00");
    assertThat(sim.availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("251000.00");
    assertThat(sim.availableBalance(ACCOUNT_CHIAMAKA)).isEqualByComparingTo("1500.00");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void bulkInterBankTransferWritesAnExponentAmountPlainAndLeavesOutItemAmountsNotGiven() {
    TransferResult r = client.transfers().bulkInterBank(new BulkInterBankTransferRequest().batchId("batch-2")
        .channel("Internet").transactions(List.of(
            new BulkInterBankTransferItem().destinationAccount(GTB_ACCOUNT).destinationAccountName(GTB_ACCOUNT_NAME)
                .destinationBankCode(BANK_GTB).destinationNarration("Payout"),
            new BulkInterBankTransferItem().destinationAccount(FIRST_BANK_ACCOUNT)
                .destinationAccountName(FIRST_BANK_ACCOUNT_NAME).destinationBankCode(BANK_FIRST_BANK)
                .destinationNarration("Payout")))
        .referenceId("bulk-inter-1").sourceAccount(ACCOUNT_ADAEZE).sourceAccountName("Adaeze Okafor")
        .sourceAmount(new BigDecimal("3E+3")).sourceCurrency("NGN").sourceNarration("Payouts"));

    write(sent("/v1/transactions/multipleinterbankTransfer"), "POST", "/v1/transactions/multipleinterbankTransfer",
        key(1), "{\"batchId\":\"batch-2\",\"channel\":\"Internet\",\"transactions\":[{\"destinationAccount\":\""
        + GTB_ACCOUNT + "\",\"destinationAccountName\":\"Ifeoma Nwankwo\",\"destinationBankCode\":\"058\","
        + "\"destinationNarration\":\"Payout\"},{\"destinationAccount\":\"" + FIRST_BANK_ACCOUNT + "\","
        + "\"destinationAccountName\":\"Musa Ibrahim\",\"destinationBankCode\":\"011\",\"destinationNarration\":"
        + "\"Payout\"}],\"referenceId\":\"bulk-inter-1\",\"sourceAccount\":\"" + ACCOUNT_ADAEZE + "\","
        + "\"sourceAccountName\":\"Adaeze Okafor\",\"sourceAmount\":3000,\"sourceCurrency\":\"NGN\","
        + "\"sourceNarration\":\"Payouts\"}");
    assertCompleted(r, "PRN000000000001");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("497000.00");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void completeTransactionSendsTheOtpAndOnlyThenTheMoneyMoves() {
    // exactly the OTP threshold (100000.00) asks for an OTP
    TransferResult pending = client.transfers().intraBank(toBabatunde("big-1", "100000.00"), RequestOptions.ofIdempotencyKey("big-1-key"));
    assertThat(pending.outcome()).isEqualTo(TransferResult.Outcome.AUTHORIZATION_REQUIRED);
    assertThat(pending.responseCode()).isEqualTo(ResponseCode.IN_PROGRESS);
    assertThat(pending.transactionRef()).isEqualTo("PRN000000000001");
    assertThat(pending.authPrompts()).extracting(AuthorizationPrompt::getType).containsExactly("OTP");
    assertThat(sent("/v1/transactions/singletransferwithbank")[0].getHeader("Idempotency-Key"))
        .containsExactly("big-1-key");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
    assertThat(sim.transferCount()).isZero();

    TransferResult done = client.transfers().complete(pending.transactionRef(), "complete-1",
        PrunnySimulator.SANDBOX_OTP);

    write(sent("/v1/transactions/complete"), "POST", "/v1/transactions/complete", key(1),
        "{\"requestRef\":\"complete-1\",\"transactionRef\":\"PRN000000000001\","
        + "\"authDetails\":[{\"type\":\"OTP\",\"value\":\"123456\"}]}");
    assertCompleted(done, "PRN000000000001");
    assertThat(done.referenceId()).isEqualTo("complete-1");
    assertThat(fields(done.expansionFields())).containsExactly("environment=sandbox", "sessionId=" + SESSION_1);
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("400000.00");
    assertThat(sim.availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("350000.00");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void getTransactionStatusSendsTheReferenceInThePath() {
    TransferResult r = client.transfers().intraBank(toBabatunde("intra-2", "10.00"), RequestOptions.ofIdempotencyKey("intra-2-key"));

    TransactionStatus s = client.transfers().status(r.transactionRef());

    read(sent("/v1/transactions/confirmation/PRN000000000001"), "/v1/transactions/confirmation/PRN000000000001");
    assertThat(s.getStatusCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(s.getStatus()).isNotBlank();
    assertThat(fields(s.getExpansionFields())).containsExactly("sessionId=" + SESSION_1);
  }
}
