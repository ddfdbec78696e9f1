package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.tests.prunny.PrunnyWireTest.fields;
import static dev.paykit.tests.prunny.PrunnyWireTest.only;
import static dev.paykit.tests.prunny.PrunnyWireTest.query;
import static dev.paykit.tests.prunny.PrunnyWireTest.read;
import static dev.paykit.tests.prunny.PrunnyWireTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.HeldFunds;
import dev.paykit.prunny.model.HoldFundsRequest;
import dev.paykit.prunny.model.Mandate;
import dev.paykit.prunny.model.MandateCancellation;
import dev.paykit.prunny.model.MandatePayment;
import dev.paykit.prunny.model.MandateRequest;
import dev.paykit.prunny.model.MandateResult;
import dev.paykit.prunny.model.MandateStatus;
import dev.paykit.prunny.model.ReleaseFundsRequest;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Every Prunny hold and mandate operation: the exact request that reached the sandbox, the typed result. */
class PrunnyWireFundsAndMandatesTest extends PrunnySandboxTestBase {

  private static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-11-21T10:00:00Z");
  private static final String HOLD_JSON = "{\"referenceId\":\"hold-1\",\"account\":\"" + ACCOUNT_ADAEZE
      + "\",\"amount\":20000.00,\"currency\":\"NGN\",\"narration\":\"Loan collateral\","
      + "\"startHoldDate\":\"2026-11-21T10:00:00Z\",\"endHoldDate\":\"2026-11-28T10:00:00Z\","
      + "\"transactionDate\":\"2026-11-21T10:00:00Z\"}";
  private static final String MANDATE_ID = "MDT00000001";
  private static final String MANDATE_PATH = "/v1/directdebit/" + ACCOUNT_ADAEZE + "/" + MANDATE_ID;

  private static HoldFundsRequest hold() {
    return new HoldFundsRequest().referenceId("hold-1").accountNumber(ACCOUNT_ADAEZE)
        .amount(new BigDecimal("20000.00")).currency("NGN").narration("Loan collateral").startHoldDate(TODAY)
        .endHoldDate(TODAY.plusDays(7)).transactionDate(TODAY);
  }

  private static MandateRequest gym(String maximumAmount) {
    return new MandateRequest().referenceId("mandate-1").description("Gym membership")
        .sourceAccount(ACCOUNT_ADAEZE).sourceAccountName("Adaeze Okafor").maximumAmount(new BigDecimal(maximumAmount))
        .maximumTransactions(12).sourceCurrency("NGN").sourceNarration("Gym")
        .startDate(OffsetDateTime.parse("2026-11-21T00:00:00Z")).endDate(OffsetDateTime.parse("2027-11-21T00:00:00Z"))
        .frequency("monthly").merchantAccount(ACCOUNT_BABATUNDE).merchantAccountName("Babatunde Adeyemi")
        .merchantCurrency("NGN");
  }

  private static String gymJson(String maximumAmount) {
    return "{\"referenceId\":\"mandate-1\",\"description\":\"Gym membership\",\"sourceAccount\":\"" + ACCOUNT_ADAEZE
        + "\",\"sourceAccountName\":\"Adaeze Okafor\",\"maximumAmount\":" + maximumAmount + ","
        + "\"maximumTransactions\":12,\"sourceCurrency\":\"NGN\",\"sourceNarration\":\"Gym\","
        + "\"startDate\":\"2026-11-21T00:00:00Z\",\"endDate\":\"2027-11-21T00:00:00Z\",\"frequency\":\"monthly\","
        + "\"merchantAccount\":\"" + ACCOUNT_BABATUNDE + "\",\"merchantAccountName\":\"Babatunde Adeyemi\","
        + "\"merchantCurrency\":\"NGN\"}";
  }

  private String createMandate() {
    return client.mandates().create(gym("50000.00"), RequestOptions.ofIdempotencyKey("mandate-setup")).data().getMandateId();
  }

  @Test
  void holdFundsSendsTheHoldAndLowersOnlyTheAvailableBalance() {
    TransferResult r = client.funds().hold(hold());

    write(sent("/v1/transactions/holdfund"), "POST", "/v1/transactions/holdfund", key(1), HOLD_JSON);
    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.COMPLETED);
    assertThat(r.transactionRef()).isEqualTo("PRN000000000001");
    assertThat(r.referenceId()).isEqualTo("hold-1");
    assertThat(fields(r.expansionFields())).containsExactly("environment=sandbox",
        "sessionId=000999261121100000000000000001");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("480000.00");
    assertThat(sim.ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
    assertThat(sim.transferCount()).isZero();
  }

  @Test
  void releaseFundsSendsTheReleaseAndGivesThePartBack() {
    client.funds().hold(hold(), RequestOptions.ofIdempotencyKey("hold-setup"));

    TransferResult r = client.funds().release(new ReleaseFundsRequest().referenceId("hold-1")
        .accountNumber(ACCOUNT_ADAEZE).amount(new BigDecimal("5000.00")).currency("NGN")
        .releaseHoldDate(TODAY).transactionDate(TODAY));

    write(sent("/v1/transactions/releasefund"), "POST", "/v1/transactions/releasefund", key(1),
        "{\"referenceId\":\"hold-1\",\"accountNumber\":\"" + ACCOUNT_ADAEZE + "\",\"amount\":5000.00,"
        + "\"currency\":\"NGN\",\"releaseHoldDate\":\"2026-11-21T10:00:00Z\","
        + "\"transactionDate\":\"2026-11-21T10:00:00Z\"}");
    assertThat(r.outcome()).isEqualTo(TransferResult.Outcome.COMPLETED);
    assertThat(r.responseCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(r.transactionRef()).isEqualTo("PRN000000000002");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("485000.00");
    assertThat(sim.ledgerBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("500000.00");
  }

  @Test
  void getHeldFundsSendsAccountAndReferenceAsPathSegments() {
    client.funds().hold(hold(), RequestOptions.ofIdempotencyKey("hold-setup-1"));
    client.funds().hold(hold().referenceId("LIEN/2026/0001"), RequestOptions.ofIdempotencyKey("hold-setup-2"));

    HeldFunds h = client.funds().held(ACCOUNT_ADAEZE, "hold-1");

    String path = "/v1/transactions/heldfund/" + ACCOUNT_ADAEZE + "/hold-1";
    read(sent(path), path);
    assertThat(h.getReferenceId()).isEqualTo("hold-1");
    assertThat(h.getAmount()).isEqualByComparingTo("20000.00");
    assertThat(h.getNarration()).isEqualTo("Loan collateral");
    assertThat(h.getStartHoldDate()).isEqualTo(TODAY);
    assertThat(h.getEndHoldDate()).isEqualTo(TODAY.plusDays(7));
    assertThat(fields(h.getExpansionFields())).containsExactly("transactionRef=PRN000000000001");

    // A referenceId is free text (spec: Reference, no pattern), so its "/" must go out as %2F to stay one path
    // segment. Fails until fixed: Feign's @RequestLine default decodeSlash=true sends a raw "/" and the GET
    // reaches /heldfund/{account}/LIEN/2026/0001, which is no operation (404).
    Throwable failure = catchThrowable(() -> client.funds().held(ACCOUNT_ADAEZE, "LIEN/2026/0001"));
    HttpRequest slashed = only(sent("/v1/transactions/heldfund/" + ACCOUNT_ADAEZE + "/LIEN.*"), "GET",
        "/v1/transactions/heldfund/" + ACCOUNT_ADAEZE + "/LIEN%2F2026%2F0001");
    assertThat(slashed.containsHeader(PrunnySimulator.IDEMPOTENCY_HEADER)).isFalse();
    assertThat(failure).isNull();
  }

  @Test
  void createMandateSendsTheTermsAndReturnsAValidMandate() {
    var created = client.mandates().create(gym("50000.00"));
    assertThat(created.isCompleted()).isTrue();
    MandateResult m = created.data();

    write(sent("/v1/directdebit/create"), "POST", "/v1/directdebit/create", key(1), gymJson("50000.00"));
    assertThat(m.getMandateId()).isEqualTo(MANDATE_ID);
    assertThat(m.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(m.getTransactionRef()).isEqualTo("PRN000000000001");
    assertThat(m.getNextPossibleChargeDate()).isEqualTo("2026-11-21");
    assertThat(m.getStatusWebHook()).isNull();
    assertThat(fields(m.getExpansionFields())).containsExactly("sessionId=000999261121100000000000000001");
  }

  @Test
  void payMandateSendsTheAmountAndDebitsTheSourceForTheMerchant() {
    String mandateId = createMandate();

    var paid = client.mandates().pay(mandateId, new BigDecimal("12500.00"));
    assertThat(paid.isCompleted()).isTrue();
    MandatePayment p = paid.data();

    String path = "/v1/directdebit/" + MANDATE_ID + "/pay";
    write(sent(path), "POST", path, key(1), "{\"amount\":12500.00}");
    assertThat(p.getTransactionRef()).isEqualTo("PRN000000000002");
    assertThat(p.getReferenceId()).isEqualTo("mandate-1");
    assertThat(p.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(p.getAmountDebited()).isEqualByComparingTo("12500.00");
    assertThat(p.getNextPossibleChargeDate()).isEqualTo("2026-12-21");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("487500.00");
    assertThat(sim.availableBalance(ACCOUNT_BABATUNDE)).isEqualByComparingTo("262500.00");
    assertThat(sim.transferCount()).isEqualTo(1);
  }

  @Test
  void getMandateSendsAccountAndMandateIdInThePath() {
    createMandate();

    Mandate m = client.mandates().get(ACCOUNT_ADAEZE, MANDATE_ID);

    read(sent(MANDATE_PATH), MANDATE_PATH);
    assertThat(m.getMandateId()).isEqualTo(MANDATE_ID);
    assertThat(m.getReferenceId()).isEqualTo("mandate-1");
    assertThat(m.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(m.getMaximumAmount()).isEqualByComparingTo("50000.00");
    assertThat(m.getMaximumTransactions()).isEqualTo(12);
    assertThat(m.getStartDate()).isEqualTo(OffsetDateTime.parse("2026-11-21T00:00:00Z"));
    assertThat(m.getMerchantAccount()).isEqualTo(ACCOUNT_BABATUNDE);
    assertThat(fields(m.getExpansionFields())).containsExactly("debitsMade=0");
  }

  @Test
  void updateMandateSendsANewBodyWithPutAndTheNewMaximumApplies() {
    createMandate();

    MandateResult m = client.mandates().update(ACCOUNT_ADAEZE, MANDATE_ID, gym("75000.00")).data();

    write(sent(MANDATE_PATH), "PUT", MANDATE_PATH, key(1), gymJson("75000.00"));
    assertThat(m.getMandateId()).isEqualTo(MANDATE_ID);
    assertThat(m.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(m.getTransactionRef()).isEqualTo("PRN000000000002");
    // 60000.00 is above the first maximum (50000.00) and within the new one
    assertThat(client.mandates().pay(MANDATE_ID, new BigDecimal("60000.00")).data().getAmountDebited())
        .isEqualByComparingTo("60000.00");
    assertThat(sim.availableBalance(ACCOUNT_ADAEZE)).isEqualByComparingTo("440000.00");
  }

  @Test
  void cancelMandateSendsNoBodyUnderAKeyAndTheMandateIsCancelled() {
    createMandate();

    MandateCancellation c = client.mandates().cancel(MANDATE_ID).data();

    String path = "/v1/directdebit/" + MANDATE_ID + "/cancel";
    HttpRequest r = only(sent(path), "POST", path);
    assertThat(query(r)).isEmpty();
    assertThat(r.getHeader(PrunnySimulator.IDEMPOTENCY_HEADER)).containsExactly(key(1));
    assertThat(r.containsHeader("Content-Type")).isFalse();
    assertThat(body(r)).isEmpty();
    assertThat(c.getMandateStatus()).isEqualTo(MandateStatus.CANCELLED);
    assertThat(c.getReferenceId()).isEqualTo("mandate-1");
    assertThat(c.getTransactionRef()).isEqualTo("PRN000000000002");
    assertThat(c.getNextPossibleChargeDate()).isNull();
    assertThat(client.mandates().get(ACCOUNT_ADAEZE, MANDATE_ID).getMandateStatus())
        .isEqualTo(MandateStatus.CANCELLED);
  }
}
