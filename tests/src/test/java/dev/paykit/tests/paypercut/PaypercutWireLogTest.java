package dev.paykit.tests.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.Webhook;
import dev.paykit.paypercut.model.WebhookCreateRequest;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.tests.support.WireLog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optional wire log shows requests and answers, but never the secret key or a webhook's signing secret. */
class PaypercutWireLogTest extends PaypercutSandboxTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("paypercut");

  @Test
  void theKeyAndTheSigningSecretNeverReachTheLog() {
    PaypercutClient logging = clientBuilder().wireLogging(true).build();

    Webhook hook = logging.forAccount(PaypercutSimulator.PLATFORM_ACCOUNT).webhookEndpoints().create(
        new WebhookCreateRequest().name("shop").url("http://127.0.0.1:9/hooks")
            .enabledEvents(List.of(EventType.PAYMENT_INTENT_CAPTURED)));

    assertThat(hook.getSecret()).startsWith("whsec_"); // the caller gets it
    String log = wireLog.text();
    assertThat(log).contains("POST " + sim.baseUrl() + "/v1/webhooks", "HTTP/1.1 200", "Idempotency-Key",
        "Paypercut-Account: " + PaypercutSimulator.PLATFORM_ACCOUNT, "Authorization: [REDACTED]");
    assertThat(log).doesNotContain(PaypercutSimulator.TEST_KEY).doesNotContain(hook.getSecret())
        .doesNotContainPattern("whsec_[0-9a-f]{8}");
  }

  @Test
  void theWireLogIsOffByDefault() {
    client.accounts().retrieveCurrent();
    assertThat(wireLog.isEmpty()).isTrue();
  }
}
