package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.tests.support.WireLog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optional wire log shows requests and responses, but never the secret token or a signature. */
class PromptCashWireLogTest extends PromptCashTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("promptcash");

  @Test
  void wireLogIsRedacted() {
    sim.enforceSignatures(true);
    PromptCashClient logging = clientBuilder().wireLogging(true).build();

    logging.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());

    String log = wireLog.text();
    assertThat(log).contains("POST " + sim.baseUrl() + "/create-payment", "tx_id=order-1", "HTTP/1.1 200");
    assertThat(log).contains("Authorization: [REDACTED]", "signature=[REDACTED]");
    assertThat(log).doesNotContain(SECRET);
    assertThat(log).doesNotContainPattern("signature=[0-9a-f]{64}");
  }

  @Test
  void wireLogIsOffByDefault() {
    client.payments().create(CreatePaymentRequest.builder("order-1", BigDecimal.ONE, "USD").build());
    assertThat(wireLog.isEmpty()).isTrue();
  }
}
