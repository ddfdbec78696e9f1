package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Payouts from the payout account: booking, the disbursement request's approval, both status operations. */
class PrunePayoutsTest extends PruneSimulatorTestBase {
  private static final String DISBURSE = "/v1/payout/disburse";

  private String disburse(String amount, String reference) {
    JsonNode body = success(http.postJson(DISBURSE, PruneHttp.disburse(amount, reference)), 202);
    assertThat(body.get("message").asText()).isEqualTo("Transfer initiated successfully");
    return body.at("/data/id").asText();
  }

  private JsonNode request(String id) {
    return success(http.get("/v1/payout/disburse/requests/" + id + "/status"), 200).at("/data/trxRequest");
  }

  private String transactionStatus(String id) {
    return success(http.get("/v1/accounts/transactions/" + id + "/status"), 200).get("data").asText();
  }

  @Test
  void aTrustedBusinesssPayoutIsApprovedAtOnceAndPendingUntilConfirmed() {
    JsonNode t = success(http.postJson(DISBURSE, PruneHttp.disburse("1500.00", "refund-7")), 202).get("data");

    String id = t.get("id").asText();
    assertThat(id).matches("00000000-0000-4000-8000-[0-9]{12}");
    assertThat(t.get("status").asText()).isEqualTo("PENDING");
    assertThat(t.get("type").asText()).isEqualTo("DEBIT");
    assertThat(t.get("payoutAccountId").asText()).isEqualTo(PruneSimulator.PAYOUT_ACCOUNT);
    assertThat(t.get("dpsId").isIntegralNumber()).isTrue();
    assertThat(t.get("recipientBankCountry").asText()).isEqualTo("Germany");
    assertThat(prune.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo("98500.00");
    JsonNode request = request(id);
    assertThat(request.get("id").asText()).isEqualTo(id);
    assertThat(request.get("status").asText()).isEqualTo("APPROVED");
    assertThat(request.get("beneficiaryFullName").asText()).isEqualTo("Erika Mustermann");
    assertThat(request.get("destinationIBAN").asText()).isEqualTo(PruneSimulator.IBAN_COMMERZBANK);
    assertThat(request.get("amount").toString()).isEqualTo("1500.00");
    assertThat(request.get("reference").asText()).isEqualTo("refund-7");
    assertThat(request.get("destinationFirstName").isNull()).isTrue();

    prune.confirmTransaction(id);

    assertThat(transactionStatus(id)).isEqualTo("CONFIRMED");
    assertThat(prune.payouts()).singleElement().satisfies(b -> {
      assertThat(b.status()).isEqualTo("CONFIRMED");
      assertThat(b.requestStatus()).isEqualTo("APPROVED");
      assertThat(b.fromAccount()).isEqualTo(PruneSimulator.PAYOUT_ACCOUNT);
    });
    assertThat(prune.transfers()).isEmpty();
  }

  @Test
  void anUntrustedBusinesssPayoutWaitsForApproval() {
    prune.trustedBusiness(false);
    String id = disburse("100.00", "p1");

    assertThat(request(id).get("status").asText()).isEqualTo("PENDING");
    assertThatThrownBy(() -> prune.confirmTransaction(id)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("approvePayout first");

    prune.approvePayout(id);
    prune.confirmTransaction(id);

    assertThat(request(id).get("status").asText()).isEqualTo("APPROVED");
    assertThat(transactionStatus(id)).isEqualTo("CONFIRMED");
  }

  @Test
  void aRejectedPayoutIsCancelledAndItsMoneyComesBack() {
    prune.trustedBusiness(false);
    String id = disburse("100.00", "p1");

    prune.rejectPayout(id, "not approved by compliance");

    assertThat(request(id).get("status").asText()).isEqualTo("REJECTED");
    assertThat(transactionStatus(id)).isEqualTo("CANCELLED");
    assertThat(prune.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo("100000.00");
    assertThatThrownBy(() -> prune.approvePayout(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedPayoutIsRejectedAndItsMoneyComesBack() {
    String id = disburse("100.00", "p1");

    prune.failTransaction(id, "beneficiary account closed");

    assertThat(transactionStatus(id)).isEqualTo("REJECTED");
    assertThat(prune.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo("100000.00");
  }

  @Test
  void thePayoutAccountsBalanceLimitsPayouts() {
    prune.setBalance(PruneSimulator.PAYOUT_ACCOUNT, new java.math.BigDecimal("50.00"));

    assertThat(failure(http.postJson(DISBURSE, PruneHttp.disburse("50.01", "p")), 400).get("message").asText())
        .startsWith("Insufficient funds");
    disburse("50.00", "p");
    assertThat(prune.balance(PruneSimulator.PAYOUT_ACCOUNT)).isEqualByComparingTo("0.00");
  }

  @Test
  void everyFieldIsRequired() {
    String message = failure(http.postJson(DISBURSE, "{\"amount\": 10}"), 400).get("message").asText();

    assertThat(message).contains("beneficiaryFullName is required", "destinationIBAN is required",
        "destinationBIC is required", "destinationCountry is required", "destinationBank is required",
        "reference is required", "reason is required");
    assertThat(prune.payouts()).isEmpty();
  }

  @Test
  void aTransfersIdIsNoDisbursementRequest() {
    success(http.postJson("/v1/accounts/send", PruneHttp.send(PruneSimulator.IBAN_EUR, "1.00", "t")), 202);

    failure(http.get("/v1/payout/disburse/requests/1001/status"), 404);
    assertThatThrownBy(() -> prune.approvePayout("1001")).isInstanceOf(IllegalArgumentException.class);
  }
}
