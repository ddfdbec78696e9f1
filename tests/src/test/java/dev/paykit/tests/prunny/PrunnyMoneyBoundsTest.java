package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.matchers.Times;

/**
 * Nothing is sent whose answer the client cannot read back: an amount above OBN's 12 major digits (or
 * below a kobo) is rejected before sending, naming the field; the largest amount goes through exactly.
 */
class PrunnyMoneyBoundsTest extends ScriptedPrunnyTestBase {

  private static void rejected(ThrowingCallable call, String... fieldRules) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
        .extracting(v -> v.field() + " " + v.rule()).containsExactly(fieldRules));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1E+1000, maximum", "1E+1000000000, maximum", "1000000000000.00, maximum",
      "1E-1000, multipleOf", "1E-1000000000, multipleOf"})
  void anAmountTheClientCouldNotReadBackIsRejectedBeforeSending(String amount, String rule) {
    rejected(() -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", amount)),
        "amount " + rule, "sourceAmount " + rule);
    rejected(() -> prunny.client.mandates().pay("M1", new BigDecimal(amount)), "amount " + rule);

    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void theLargestAmountIsSentExactly() {
    answer("/v1/transactions/singletransferwithbank", 200, "{\"status\":\"00\",\"data\":{\"transactionRef\":\"TX-1\"}}",
        Times.unlimited());

    prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "999999999999.99"));

    String body = new String(sent("/v1/transactions/singletransferwithbank")[0].getBodyAsRawBytes(),
        StandardCharsets.UTF_8);
    assertThat(body).contains("\"amount\":999999999999.99,", "\"sourceAmount\":999999999999.99,");
  }
}
