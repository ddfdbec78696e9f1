package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.PrunnyResult;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.AccountBalance;
import dev.paykit.prunny.model.AccountOpening;
import dev.paykit.prunny.model.AccountType;
import dev.paykit.prunny.model.AgencyDetails;
import dev.paykit.prunny.model.AuthorizationPrompt;
import dev.paykit.prunny.model.Customer;
import dev.paykit.prunny.model.CustomerPage;
import dev.paykit.prunny.model.HoldFundsRequest;
import dev.paykit.prunny.model.Mandate;
import dev.paykit.prunny.model.MandateCancellation;
import dev.paykit.prunny.model.MandatePayment;
import dev.paykit.prunny.model.MandateRequest;
import dev.paykit.prunny.model.MandateResult;
import dev.paykit.prunny.model.MandateStatus;
import dev.paykit.prunny.model.NameEnquiryRequest;
import dev.paykit.prunny.model.NameEnquiryResponse;
import dev.paykit.prunny.model.OpenAccountRequest;
import dev.paykit.prunny.model.ResponseCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/**
 * The field names on the wire are Open Banking Nigeria's, where OBN's field table, schema and example
 * agree (the hold's {@code account}, {@code mandateID}, {@code customerID}, {@code authDetails[].Message},
 * {@code mandate_status}, {@code next_possible_charge_date}, the opening's {@code Process}, OBN's
 * {@code maximumInFlowLimit} and {@code longitue}); Java keeps readable names. The answers below are OBN's
 * own examples (status set to {@code 00} where OBN's example says "success"). Spellings OBN itself uses
 * elsewhere, and the ones this SDK used to send, are also read; the wire name wins when both are present.
 */
class PrunnyObnWireNamesTest extends ScriptedPrunnyTestBase {

  private static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-11-21T10:00:00Z");

  private void answer(String path, String body) {
    answer(path, 200, body, Times.unlimited());
  }

  /** The only request that reached {@code path}: its method, and its body exactly as sent. */
  private String onlyBody(String path, String method) {
    HttpRequest[] sent = sent(path);
    assertThat(sent).hasSize(1);
    assertThat(sent[0].getMethod().getValue()).isEqualTo(method);
    byte[] raw = sent[0].getBodyAsRawBytes();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }

  // ---- requests: what reaches the provider ----

  @Test
  void holdSendsTheAccountAsObnsAccountField() {
    answer("/v1/transactions/holdfund", "{\"status\":\"00\",\"message\":\"ok\",\"data\":{\"transactionRef\":\"TX-H1\"}}");

    TransferResult r = prunny.client.funds().hold(new HoldFundsRequest().referenceId("hold-1")
        .accountNumber("9876543210").amount(new BigDecimal("10000.00")).currency("NGN")
        .narration("Hold fund narration").startHoldDate(TODAY).endHoldDate(TODAY.plusDays(30))
        .transactionDate(TODAY));

    assertThat(onlyBody("/v1/transactions/holdfund", "POST")).isEqualTo("{\"referenceId\":\"hold-1\","
        + "\"account\":\"9876543210\",\"amount\":10000.00,\"currency\":\"NGN\",\"narration\":\"Hold fund narration\","
        + "\"startHoldDate\":\"2026-11-21T10:00:00Z\",\"endHoldDate\":\"2026-12-21T10:00:00Z\","
        + "\"transactionDate\":\"2026-11-21T10:00:00Z\"}");
    assertThat(r.isCompleted()).isTrue();
    assertThat(r.transactionRef()).isEqualTo("TX-H1");
  }

  @Test
  void openAccountSendsTheAgentsLongitudeAsObnsLongitueAndReadsProcess() {
    answer("/v1/accounts/open", "{\"status\":\"00\",\"message\":\"Request process successfully\",\"data\":{"
        + "\"requestId\":\"SUPERAGENT0013456\",\"accountNumber\":\"2739132000\",\"customerId\":\"CI12345678\","
        + "\"accountOpeningDate\":\"2018-09-04 17:45:55\",\"Process\":\"Batch\",\"processCode\":\"00\","
        + "\"processMessage\":\"Account opened successfully\"}}");
    OpenAccountRequest request = new OpenAccountRequest().requestId("SUPERAGENT0013456").accountTypeId("savings")
        .firstName("Ado").otherName("Sule").surname("John").salutation("Mr").gender("M").dateOfBirth("01/12/1990")
        .bvn("22112345678").street("21, Orimolade Crescent").country("NG").nationality("NG")
        .customerId("CI12345678").phone("08030000000").email("ado.john@example.com")
        .agency(new AgencyDetails().agentId("AG-1").longitude(new BigDecimal("3.3792")).latitude(new BigDecimal("6.5244")));

    PrunnyResult<AccountOpening> r = prunny.client.accounts().open(request);

    assertThat(onlyBody("/v1/accounts/open", "POST")).isEqualTo("{\"requestId\":\"SUPERAGENT0013456\","
        + "\"accountTypeId\":\"savings\",\"firstName\":\"Ado\",\"otherName\":\"Sule\",\"surname\":\"John\","
        + "\"salutation\":\"Mr\",\"gender\":\"M\",\"dateOfBirth\":\"01/12/1990\",\"bvn\":\"22112345678\","
        + "\"street\":\"21, Orimolade Crescent\",\"country\":\"NG\",\"nationality\":\"NG\","
        + "\"customerId\":\"CI12345678\",\"phone\":\"08030000000\",\"email\":\"ado.john@example.com\","
        + "\"agency\":{\"agentId\":\"AG-1\",\"longitue\":3.3792,\"latitude\":6.5244}}");
    assertThat(r.isCompleted()).isTrue();
    assertThat(r.data().getProcess()).isEqualTo("Batch");
    assertThat(r.data().getCustomerId()).isEqualTo("CI12345678");
  }

  // ---- answers: what the provider sends is read ----

  @Test
  void aCustomersIdIsReadFromObnsCustomerID() {
    answer("/v1/customers/1234567890", "{\"status\":\"00\",\"message\":\"The process was completed successully\","
        + "\"data\":{\"customerID\":\"1234567890\",\"customerName\":{\"firstName\":\"Ado\",\"lastName\":\"John\","
        + "\"otherNames\":\"Sule\"},\"bvn\":\"22112345678\",\"dateOfBirth\":\"01/12/1990\",\"status\":\"Active\"}}");

    Customer c = prunny.client.customers().get("1234567890");

    assertThat(sent("/v1/customers/1234567890")).singleElement()
        .satisfies(r -> assertThat(r.getMethod().getValue()).isEqualTo("GET"));
    assertThat(c.getCustomerId()).isEqualTo("1234567890");
    assertThat(c.getCustomerName().getFirstName()).isEqualTo("Ado");
    assertThat(c.getStatus()).isEqualTo("Active");
  }

  @Test
  void customersByBvnReadTheirIdsFromCustomerID() {
    answer("/v1/customers/bvn/22112345678", "{\"status\":\"00\",\"message\":\"ok\",\"responseData\":["
        + "{\"customerID\":\"C-1\",\"bvn\":\"22112345678\"},{\"customerID\":\"C-2\",\"bvn\":\"22112345678\"}]}");

    CustomerPage page = prunny.client.customers().listByBvn("22112345678", null, null);

    assertThat(page.getData()).extracting(Customer::getCustomerId).containsExactly("C-1", "C-2");
  }

  @Test
  void aNewMandatesIdAndPromptMessagesAreReadFromMandateIDAndMessage() {
    answer("/v1/directdebit/create", "{\"status\":\"00\",\"message\":\"The process was completed successfully\","
        + "\"data\":{\"mandateStatus\":\"pending\",\"mandateID\":\"MD-1576946953591\","
        + "\"transactionRef\":\"TX-1576946953591\",\"validTill\":\"2019-12-13\",\"statusWebHook\":0,"
        + "\"expiryMinutes\":70000,\"authDetails\":[{\"type\":\"otp\",\"label\":\"6-digit OTP\","
        + "\"Message\":\"Kindly enter the OTP sent to ****1412 to complete the transaction\"},"
        + "{\"type\":\"password\",\"label\":\"internet banking password\","
        + "\"Message\":\"Kindly enter your internet banking password\"}]}}");

    PrunnyResult<MandateResult> r = prunny.client.mandates().create(mandate());

    assertThat(onlyBody("/v1/directdebit/create", "POST")).isEqualTo(MANDATE_JSON);
    assertThat(r.requiresAuthorization()).isTrue();
    assertThat(r.data().getMandateId()).isEqualTo("MD-1576946953591");
    assertThat(r.data().getMandateStatus()).isEqualTo(MandateStatus.PENDING);
    assertThat(r.data().getAuthDetails()).extracting(AuthorizationPrompt::getMessage).containsExactly(
        "Kindly enter the OTP sent to ****1412 to complete the transaction",
        "Kindly enter your internet banking password");
  }

  @Test
  void aTransfersPromptMessageIsReadFromObnsMessage() {
    answer("/v1/transactions/singletransferwithbank", "{\"status\":\"00\",\"message\":\"Kindly enter the OTP\","
        + "\"data\":{\"errors\":null,\"error\":null,\"transactionRef\":\"0000000000\",\"validTill\":\"yyyyMMddhhttss\","
        + "\"expiryMinutes\":9,\"statusWebHook\":0,\"authDetails\":[{\"type\":\"otp\",\"label\":\"6-digit OTP\","
        + "\"Message\":\"Kindly enter the OTP sent to ****1412 to complete the transaction\"}]}}");

    TransferResult r = prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));

    assertThat(r.requiresAuthorization()).isTrue();
    assertThat(r.authPrompts()).singleElement().satisfies(p -> {
      assertThat(p.getType()).isEqualTo("otp");
      assertThat(p.getMessage()).isEqualTo("Kindly enter the OTP sent to ****1412 to complete the transaction");
    });
  }

  @Test
  void anUpdatedMandateIsReadFromObnsUpdateExample() {
    // OBN's update example: mandateID, camel-case nextPossibleChargeDate and a lower-case authDetails "message"
    String path = "/v1/directdebit/1010119934/MD-1";
    answer(path, "{\"status\":\"00\",\"message\":\"Request process successfully\",\"data\":{"
        + "\"mandateStatus\":\"pending\",\"nextPossibleChargeDate\":\"2019-12-21T16:41:01.534Z\","
        + "\"mandateID\":\"MD-1\",\"transactionRef\":\"TX-2\",\"validTill\":70000,\"expiryMinutes\":9,"
        + "\"statusWebHook\":\"0\",\"authDetails\":[{\"type\":\"otp\",\"label\":\"6-digit OTP\","
        + "\"message\":\"Kindly enter the OTP\"}]}}");

    MandateResult m = prunny.client.mandates().update("1010119934", "MD-1", mandate()).data();

    assertThat(onlyBody(path, "PUT")).isEqualTo(MANDATE_JSON);
    assertThat(m.getMandateId()).isEqualTo("MD-1");
    assertThat(m.getMandateStatus()).isEqualTo(MandateStatus.PENDING);
    assertThat(m.getNextPossibleChargeDate()).isEqualTo("2019-12-21T16:41:01.534Z");
    assertThat(m.getAuthDetails()).extracting(AuthorizationPrompt::getMessage).containsExactly("Kindly enter the OTP");
  }

  @Test
  void aMandateDebitIsReadFromSnakeCaseStatusAndNextChargeDate() {
    answer("/v1/directdebit/MD-1/pay", "{\"status\":\"00\",\"message\":\"The process was completed successully\","
        + "\"data\":{\"mandate_status\":\"valid\",\"referenceId\":\"ABCD1234\",\"amountDebited\":2000,"
        + "\"next_possible_charge_date\":\"2014-11-10T00:00:00.000Z\",\"transactionRef\":\"TX-3\"}}");

    PrunnyResult<MandatePayment> r = prunny.client.mandates().pay("MD-1", new BigDecimal("2000.00"));

    assertThat(onlyBody("/v1/directdebit/MD-1/pay", "POST")).isEqualTo("{\"amount\":2000.00}");
    assertThat(r.isCompleted()).isTrue();
    assertThat(r.data().getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(r.data().getNextPossibleChargeDate()).isEqualTo("2014-11-10T00:00:00.000Z");
    assertThat(r.data().getAmountDebited()).isEqualByComparingTo("2000");
    assertThat(r.data().getTransactionRef()).isEqualTo("TX-3");
  }

  @Test
  void aMandateIsReadFromSnakeCaseStatusAndNextChargeDate() {
    String path = "/v1/directdebit/1010119934/MAN1234567890";
    answer(path, "{\"status\":\"00\",\"message\":\"ok\",\"data\":{\"mandate_status\":\"valid\","
        + "\"referenceId\":\"ABCD1234\",\"mandateId\":\"MAN1234567890\",\"maximumAmount\":10000,"
        + "\"next_possible_charge_date\":\"2014-11-10T00:00:00.000Z\",\"frequency\":\"monthly\"}}");

    Mandate m = prunny.client.mandates().get("1010119934", "MAN1234567890");

    assertThat(onlyBody(path, "GET")).isEmpty();
    assertThat(m.getMandateId()).isEqualTo("MAN1234567890");
    assertThat(m.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(m.getNextPossibleChargeDate()).isEqualTo("2014-11-10T00:00:00.000Z");
  }

  @Test
  void aCancellationIsReadFromSnakeCaseStatusAndNextChargeDate() {
    answer("/v1/directdebit/MD-1/cancel", "{\"status\":\"00\",\"message\":\"ok\",\"data\":{"
        + "\"mandate_status\":\"cancelled\",\"next_possible_charge_date\":null,\"referenceId\":\"ABCD1234\","
        + "\"statusWebHook\":\"https://merchant.example/status/ABCD1234/\"}}");

    MandateCancellation c = prunny.client.mandates().cancel("MD-1").data();

    assertThat(onlyBody("/v1/directdebit/MD-1/cancel", "POST")).isEmpty();
    assertThat(c.getMandateStatus()).isEqualTo(MandateStatus.CANCELLED);
    assertThat(c.getNextPossibleChargeDate()).isNull();
    assertThat(c.getReferenceId()).isEqualTo("ABCD1234");
  }

  @Test
  void anAccountTypesInflowLimitIsReadFromObnsMaximumInFlowLimit() {
    answer("/v1/accounts/types/current", "{\"status\":\"00\",\"message\":\"ok\",\"data\":{"
        + "\"accountTypeId\":\"current\",\"accountTypeName\":\"ooo\",\"minimumBalance\":0,\"maximumBalance\":100,"
        + "\"maximumOutflowLimit\":100,\"maximumInFlowLimit\":250}}");

    AccountType t = prunny.client.accounts().getType("current");

    assertThat(t.getMaximumOutflowLimit()).isEqualByComparingTo("100");
    assertThat(t.getMaximumInflowLimit()).isEqualByComparingTo("250");
  }

  // ---- other spellings: read as well, never in preference to the wire name ----

  @Test
  void theSpellingsThisSdkUsedToExpectAreStillRead() {
    answer("/v1/customers/C-9", "{\"status\":\"00\",\"data\":{\"customerId\":\"C-9\"}}");
    answer("/v1/directdebit/MD-9/pay", "{\"status\":\"00\",\"data\":{\"mandateStatus\":\"valid\","
        + "\"nextPossibleChargeDate\":\"2026-12-21\",\"transactionRef\":\"TX-9\"}}");
    answer("/v1/directdebit/create", "{\"status\":\"00\",\"data\":{\"mandateId\":\"MD-9\",\"mandateStatus\":\"valid\","
        + "\"transactionRef\":\"TX-10\"}}");
    answer("/v1/accounts/open", "{\"status\":\"00\",\"data\":{\"requestId\":\"R-9\",\"process\":\"Realtime\"}}");
    answer("/v1/accounts/types/savings", "{\"status\":\"00\",\"data\":{\"maximumInflowLimit\":500}}");

    assertThat(prunny.client.customers().get("C-9").getCustomerId()).isEqualTo("C-9");
    MandatePayment p = prunny.client.mandates().pay("MD-9", new BigDecimal("1.00")).data();
    assertThat(p.getMandateStatus()).isEqualTo(MandateStatus.VALID);
    assertThat(p.getNextPossibleChargeDate()).isEqualTo("2026-12-21");
    assertThat(prunny.client.mandates().create(mandate()).data().getMandateId()).isEqualTo("MD-9");
    assertThat(prunny.client.accounts().open(new OpenAccountRequest().requestId("R-9").accountTypeId("savings")
        .firstName("Ado").otherName("").surname("John").salutation("Mr").gender("M").dateOfBirth("01/12/1990")
        .bvn("22112345678").street("1 Road").country("NG").nationality("NG").customerId("C-9")
        .phone("08030000000").email("ado@example.com")).data().getProcess()).isEqualTo("Realtime");
    assertThat(prunny.client.accounts().getType("savings").getMaximumInflowLimit()).isEqualByComparingTo("500");
  }

  @Test
  void theVariantSpellingsOfObnsOwnTablesAndExamplesAreRead() {
    // OBN's update schema: madateStatus; pay table: amountDebitted; balance table: unclearBalance;
    // name enquiry schema: responsecode, example: accountnumber; an account type schema: maximumOutFlowLimit;
    // the opening's table: ProcessCode; create's mandateID where get-mandate says mandateId
    answer("/v1/accounts/types/current", "{\"status\":\"00\",\"data\":{\"maximumOutFlowLimit\":100}}");
    answer("/v1/accounts/open", "{\"status\":\"00\",\"data\":{\"requestId\":\"R-1\",\"ProcessCode\":\"00\"}}");
    answer("/v1/directdebit/1010119934/MD-2", "{\"status\":\"00\",\"data\":{\"mandateID\":\"MD-2\"}}");
    answer("/v1/directdebit/1010119934/MD-1", "{\"status\":\"00\",\"data\":{\"madateStatus\":\"valid\","
        + "\"mandateID\":\"MD-1\",\"transactionRef\":\"TX-1\"}}");
    answer("/v1/directdebit/MD-1/pay", "{\"status\":\"00\",\"data\":{\"mandate_status\":\"valid\","
        + "\"amountDebitted\":2000,\"transactionRef\":\"TX-2\"}}");
    answer("/v1/accounts/balance/1010119934", "{\"status\":\"00\",\"data\":{\"accountNumber\":\"1010119934\","
        + "\"currency\":\"NGN\",\"availableBalance\":800000,\"unclearBalance\":1500}}");
    answer("/v1/transactions/nameenquiry", "{\"status\":\"00\",\"message\":\"ok\",\"responsecode\":\"00\","
        + "\"data\":{\"accountnumber\":\"2222000000\",\"accountName\":\"John Doe\",\"bvn\":\"25658545854\"}}");

    assertThat(prunny.client.mandates().update("1010119934", "MD-1", mandate()).data().getMandateStatus())
        .isEqualTo(MandateStatus.VALID);
    assertThat(prunny.client.mandates().pay("MD-1", new BigDecimal("2000.00")).data().getAmountDebited())
        .isEqualByComparingTo("2000");
    AccountBalance b = prunny.client.accounts().balance("1010119934");
    assertThat(b.getUnclearedBalance()).isEqualByComparingTo("1500");
    NameEnquiryResponse n = prunny.client.api(TransfersApi.class)
        .nameEnquiry(new NameEnquiryRequest().accountNumber("2222000000"));
    assertThat(n.getResponseCode()).isEqualTo(ResponseCode.APPROVED);
    assertThat(n.getData().getAccountNumber()).isEqualTo("2222000000");
    assertThat(n.getData().getAccountName()).isEqualTo("John Doe");
    assertThat(prunny.client.accounts().getType("current").getMaximumOutflowLimit()).isEqualByComparingTo("100");
    assertThat(prunny.client.accounts().open(new OpenAccountRequest().requestId("R-1").accountTypeId("savings")
        .firstName("Ado").otherName("").surname("John").salutation("Mr").gender("M").dateOfBirth("01/12/1990")
        .bvn("22112345678").street("1 Road").country("NG").nationality("NG").customerId("C-1")
        .phone("08030000000").email("ado@example.com")).data().getProcessCode()).isEqualTo("00");
    assertThat(prunny.client.mandates().get("1010119934", "MD-2").getMandateId()).isEqualTo("MD-2");
  }

  @Test
  void whenBothSpellingsArePresentTheWireNameWins() {
    answer("/v1/customers/C-1", "{\"status\":\"00\",\"data\":{\"customerId\":\"old\",\"customerID\":\"C-1\"}}");
    answer("/v1/directdebit/MD-1/pay", "{\"status\":\"00\",\"data\":{\"mandateStatus\":\"pending\","
        + "\"mandate_status\":\"valid\",\"transactionRef\":\"TX-1\"}}");

    assertThat(prunny.client.customers().get("C-1").getCustomerId()).isEqualTo("C-1");
    assertThat(prunny.client.mandates().pay("MD-1", new BigDecimal("1.00")).data().getMandateStatus())
        .isEqualTo(MandateStatus.VALID);
  }

  private static final String MANDATE_JSON = "{\"referenceId\":\"mandate-1\",\"description\":\"Gym membership\","
      + "\"sourceAccount\":\"1010119934\",\"sourceAccountName\":\"Solomon Grundy\",\"maximumAmount\":10000.00,"
      + "\"maximumTransactions\":10,\"sourceCurrency\":\"NGN\",\"startDate\":\"2026-11-21T00:00:00Z\","
      + "\"merchantAccount\":\"0123456789\",\"merchantAccountName\":\"Some Services Limited\","
      + "\"merchantCurrency\":\"NGN\"}";

  private static MandateRequest mandate() {
    return new MandateRequest().referenceId("mandate-1").description("Gym membership").sourceAccount("1010119934")
        .sourceAccountName("Solomon Grundy").maximumAmount(new BigDecimal("10000.00")).maximumTransactions(10)
        .sourceCurrency("NGN").startDate(OffsetDateTime.parse("2026-11-21T00:00:00Z")).merchantAccount("0123456789")
        .merchantAccountName("Some Services Limited").merchantCurrency("NGN");
  }
}
