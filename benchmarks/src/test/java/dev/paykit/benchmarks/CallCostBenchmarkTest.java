package dev.paykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call-cost benchmark measures successful calls only: every variant, run once against the loopback
 * server in this JVM, returns the typed answer (not an exception the counter swallowed), and the server
 * read exactly one request per call.
 */
class CallCostBenchmarkTest {

  @Test
  void everyVariantReturnsItsTypedAnswerAndSendsOneRequest() throws Exception {
    CallCostBenchmark bench = new CallCostBenchmark();
    bench.setUp();
    try {
      Map<String, Object> results = bench.callEach();
      assertThat(results).hasSize(14);
      results.forEach((name, result) -> assertThat(result).as(name).isNotInstanceOf(Throwable.class));
      assertThat(results.get("pc_get_paykit")).isInstanceOf(dev.paykit.promptcash.model.PaymentResponse.class);
      assertThat(results.get("pc_create_paykit"))
          .isInstanceOf(dev.paykit.promptcash.model.CreatePaymentResponse.class);
      assertThat(results.get("prunny_account_paykit")).isInstanceOf(dev.paykit.prunny.model.AccountResponse.class);
      assertThat(results.get("prunny_transfer_paykit"))
          .isInstanceOf(dev.paykit.prunny.model.TransactionResponse.class);
      assertThat(((dev.paykit.prunny.model.TransactionResponse) results.get("prunny_transfer_paykit")).getData()
          .getTransactionRef()).isEqualTo("TRX-2025112110000001");
      assertThat(results.get("stripe_create")).isInstanceOf(com.stripe.model.PaymentIntent.class);
      assertThat(((com.stripe.model.PaymentIntent) results.get("stripe_retrieve")).getAmount()).isEqualTo(2500L);
      LoopbackServer.Counts seen = bench.localCounts();
      assertThat(seen.gets() + seen.posts()).isEqualTo(14);
      assertThat(seen.problems()).isZero();
    } finally {
      bench.closeForTest();
    }
  }
}
