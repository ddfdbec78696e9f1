package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ValidationException;
import dev.paykit.prunny.model.BulkIntraBankTransferRequest;
import dev.paykit.prunny.model.BulkTransferItem;
import dev.paykit.prunny.model.HoldFundsRequest;
import dev.paykit.prunny.model.InterBankTransferRequest;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented formats (BVN, NUBAN/OFI, 255-character text, two-decimal money) are enforced before sending. */
class PrunnyValidationTest extends ScriptedPrunnyTestBase {


  @AfterEach
  void nothingWasSent() {
    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }

  static Stream<Arguments> transferViolations() {
    return Stream.<Arguments>of(
        broken("amount multipleOf", r -> r.amount(new BigDecimal("10.005"))),
        broken("amount exclusiveMinimum", r -> r.amount(new BigDecimal("0.00"))),
        broken("amount exclusiveMinimum", r -> r.amount(new BigDecimal("-5.00"))),
        broken("amount required", r -> r.amount(null)),
        broken("sourceAccount pattern", r -> r.sourceAccount("12345")),
        broken("sourceAccount pattern", r -> r.sourceAccount("01234567890")),
        broken("destinationAccount pattern", r -> r.destinationAccount("0123456789012345")),
        broken("destinationAccount pattern", r -> r.destinationAccount("01234abcde")),
        broken("sourceNarration maxLength", r -> r.sourceNarration("n".repeat(256))),
        broken("referenceId maxLength", r -> r.referenceId("r".repeat(256))),
        broken("referenceId minLength", r -> r.referenceId("")),
        broken("currency pattern", r -> r.currency("naira")),
        broken("channel required", r -> r.channel(null)));
  }

  private static Arguments broken(String violation, UnaryOperator<IntraBankTransferRequest> change) {
    return Arguments.of(violation, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transferViolations")
  void transferConstraints(String violation, UnaryOperator<IntraBankTransferRequest> change) {
    assertViolations(() -> prunny.client.transfers().intraBank(change.apply(ScriptedPrunny.transfer("r-1", "10.00"))),
        violation);
  }

  @Test
  void fifteenDigitOfiAccountsAndTwoDecimalAmountsAreAccepted() {
    server.when(request()).respond(org.mockserver.model.HttpResponse.response()
        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"00\",\"data\":{\"transactionRef\":\"T1\"}}"));
    prunny.client.transfers().intraBank(ScriptedPrunny.transfer("r-1", "10.50").destinationAccount("012345678901234"));
    assertThat(server.retrieveRecordedRequests(request())).hasSize(1);
    server.reset(); // so the after-each check still holds
  }

  @Test
  void interBankNeedsAValidBankCode() {
    InterBankTransferRequest r = new InterBankTransferRequest().referenceId("r").amount(BigDecimal.TEN)
        .currency("NGN").sourceAmount(BigDecimal.TEN).sourceCurrency("NGN").sourceAccount("0123456789")
        .sourceAccountName("A").sourceNarration("n").destinationAccount("0123456789")
        .destinationAccountName("B").destinationNarration("n").destinationBankName("X").channel("API")
        .destinationBankCode("58A");
    assertViolations(() -> prunny.client.transfers().interBank(r), "destinationBankCode pattern");
  }

  @Test
  void everyViolationOfANestedBodyIsNamed() {
    BulkIntraBankTransferRequest bulk = new BulkIntraBankTransferRequest().batchId("b").channel("API")
        .referenceId("r").sourceAccount("0123456789").sourceAccountName("A").sourceAmount(new BigDecimal("1.001"))
        .sourceCurrency("NGN").sourceNarration("n")
        .transactions(List.of(new BulkTransferItem().destinationAccount("1").destinationAccountName("B")
            .destinationNarration("n").amount(BigDecimal.ONE)));
    assertViolations(() -> prunny.client.transfers().bulkIntraBank(bulk),
        "sourceAmount multipleOf", "transactions[0].destinationAccount pattern");
    assertViolations(() -> prunny.client.transfers().bulkIntraBank(bulk.transactions(List.of()).sourceAmount(BigDecimal.ONE)),
        "transactions minItems");
  }

  @Test
  void bvnAccountNumberAndDateParameters() {
    assertViolations(() -> prunny.client.customers().listByBvn("32345678901", null, null), "bvn pattern");
    assertViolations(() -> prunny.client.customers().listByBvn("1234567890", null, null), "bvn pattern");
    assertViolations(() -> prunny.client.accounts().balance("123"), "accountNumber pattern");
    assertViolations(() -> prunny.client.accounts().list("C1", 0, 500), "page minimum", "limit maximum");
    assertViolations(() -> prunny.client.transfers().nameEnquiry("0123456789", "12"), "bankCode pattern");
    assertViolations(() -> prunny.client.funds().hold(new HoldFundsRequest().referenceId("h").accountNumber("0123456789")
        .amount(new BigDecimal("1.999")).currency("NGN").startHoldDate(java.time.OffsetDateTime.parse("2026-11-21T00:00:00Z")).endHoldDate(java.time.OffsetDateTime.parse("2026-11-22T00:00:00Z"))
        .transactionDate(java.time.OffsetDateTime.parse("2026-11-21T00:00:00Z"))), "amount multipleOf");
  }

  @Test
  void aCallersIdempotencyKeyIsChecked() {
    assertViolations(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("r", "1.00"), RequestOptions.ofIdempotencyKey("k".repeat(256))),
        "Idempotency-Key maxLength");
    assertViolations(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("r", "1.00"), RequestOptions.ofIdempotencyKey("bad key!")),
        "Idempotency-Key pattern");
  }

  @Test
  void statementDatesAreFormattedForTheWire() {
    server.when(request()).respond(org.mockserver.model.HttpResponse.response()
        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"00\",\"responseData\":[]}"));
    prunny.client.accounts().statement("0123456789", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), null, null);
    var sent = server.retrieveRecordedRequests(request())[0];
    assertThat(sent.getFirstQueryStringParameter("from")).isEqualTo("31012026");
    assertThat(sent.getFirstQueryStringParameter("to")).isEqualTo("01022026");
    server.reset();
  }

  /**
   * A header value HTTP cannot carry (a line break, a control or non-ASCII character) is a violation of its
   * field before anything is built; it used to reach OkHttp, fail there, and come back as an "unexpected
   * response" that was retried although nothing had been sent.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Jos\u00e9", "a\r\nX-Injected: 1", "tab\u0000nul"})
  void aHeaderValueThatHttpCannotCarryIsAViolationOfItsField(String customerId) {
    assertViolations(() -> prunny.client.accounts().list(customerId, null, null), "customerId headerText");
  }

  private static void assertViolations(ThrowingCallable call, String... expected) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).as(e.getMessage())
            .containsExactlyInAnyOrder(expected));
  }
}
