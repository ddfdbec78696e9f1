package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.model.AccountBalance;
import dev.paykit.prunny.model.HeldFunds;
import dev.paykit.prunny.model.MandatePayment;
import dev.paykit.prunny.model.StatementPage;
import dev.paykit.prunny.model.StatementTransaction;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.NottableString;

/**
 * Money keeps the scale it was sent with: {@code 2500.00} reads as {@code 2500.00} (scale 2), never
 * {@code 2.5E+3}; {@code -32.50} as {@code -32.50}; {@code 0.00} as {@code 0.00}.
 */
class PrunnyMoneyScaleTest extends ScriptedPrunnyTestBase {

  private void answer(String path, String body) {
    answer(path, 200, body, Times.unlimited());
  }

  private void assertMoney(BigDecimal amount, String text) {
    assertThat(amount.toPlainString()).isEqualTo(text);
    assertThat(amount.scale()).isEqualTo(2);
    assertThat(amount.toString()).isEqualTo(text);
  }

  private HttpRequest onlyGet(String path) {
    HttpRequest[] sent = sent(path);
    assertThat(sent).hasSize(1);
    assertThat(sent[0].getMethod().getValue()).isEqualTo("GET");
    assertThat(sent[0].getBodyAsRawBytes()).isNullOrEmpty();
    return sent[0];
  }

  @Test
  void aBalanceKeepsItsScale() {
    answer("/v1/accounts/balance/0123456789", "{\"status\":\"00\",\"message\":\"ok\",\"data\":{"
        + "\"accountNumber\":\"0123456789\",\"currency\":\"NGN\",\"decimal\":2,\"availableBalance\":2500.00,"
        + "\"clearedBalance\":-32.50,\"unclearedBalance\":0.00,\"holdBalance\":100000.10,"
        + "\"minimumBalance\":1000.00}}");

    AccountBalance b = prunny.client.accounts().balance("0123456789");

    onlyGet("/v1/accounts/balance/0123456789");
    assertMoney(b.getAvailableBalance(), "2500.00");
    assertMoney(b.getClearedBalance(), "-32.50");
    assertMoney(b.getUnclearedBalance(), "0.00");
    assertMoney(b.getHoldBalance(), "100000.10");
    assertMoney(b.getMinimumBalance(), "1000.00");
  }

  @Test
  void aStatementLineKeepsItsScaleIncludingANegativeAmount() {
    answer("/v1/transactions/0123456789/statement", "{\"status\":\"00\",\"message\":\"ok\",\"responseData\":["
        + "{\"accountNumber\":\"0123456789\",\"amount\":2500.00,\"currency\":\"NGN\",\"debitOrCredit\":\"Cr\","
        + "\"balanceAfter\":2467.50},"
        + "{\"accountNumber\":\"0123456789\",\"amount\":-32.50,\"currency\":\"NGN\",\"debitOrCredit\":\"Dr\","
        + "\"balanceAfter\":-32.50}]}");

    StatementPage page = prunny.client.accounts().statement("0123456789", null, null, 1, 2);

    HttpRequest r = onlyGet("/v1/transactions/0123456789/statement");
    Map<String, String> query = new TreeMap<>();
    r.getQueryStringParameterList().forEach(p -> query.put(p.getName().getValue(),
        String.join(",", p.getValues().stream().map(NottableString::getValue).toList())));
    assertThat(query).isEqualTo(Map.of("page", "1", "limit", "2"));
    StatementTransaction credit = page.getData().get(0);
    StatementTransaction debit = page.getData().get(1);
    assertMoney(credit.getAmount(), "2500.00");
    assertMoney(credit.getBalanceAfter(), "2467.50");
    assertMoney(debit.getAmount(), "-32.50");
    assertMoney(debit.getBalanceAfter(), "-32.50");
  }

  @Test
  void heldFundsAndMandateDebitsKeepTheirScale() {
    answer("/v1/transactions/heldfund/0123456789/hold-1", "{\"status\":\"00\",\"data\":{\"referenceId\":\"hold-1\","
        + "\"accountNumber\":\"0123456789\",\"amount\":20000.00,\"currency\":\"NGN\"}}");
    answer("/v1/directdebit/MD-1/pay", "{\"status\":\"00\",\"data\":{\"mandate_status\":\"valid\","
        + "\"amountDebited\":12500.00,\"transactionRef\":\"TX-1\"}}");

    HeldFunds h = prunny.client.funds().held("0123456789", "hold-1");
    MandatePayment p = prunny.client.mandates().pay("MD-1", new BigDecimal("12500.00")).data();

    onlyGet("/v1/transactions/heldfund/0123456789/hold-1");
    assertMoney(h.getAmount(), "20000.00");
    assertMoney(p.getAmountDebited(), "12500.00");
  }
}
