package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import dev.paykit.tests.support.WireLog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optional wire log shows PT's requests and answers, never the password, a key or the session id. */
class PtApiWireLogTest extends PtApiSandboxTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("ptapi");

  @Test
  void thePasswordTheKeysAndTheSessionIdNeverReachTheWireLog() {
    sim.revokePrimaryKey(); // both keys are sent
    String session;
    try (PtApiClient logging = clientBuilder().wireLogging(true).build()) {
      logging.hierarchy().businesses();
      logging.cards().load(new LoadRequest().proxyKey(PtApiSimulator.CARD_JOE_SMITH)
          .amount(new BigDecimal("2.00")).referenceId("log-1"));
      session = body(sent(BUSINESSES)[0]).path("sessionId").asText();
      assertThat(logging.toString()).doesNotContain(session, PtApiSimulator.PASSWORD);
    }

    String log = wireLog.text();
    assertThat(session).isNotBlank();
    assertThat(log).contains("POST " + sim.baseUrl() + LOGIN, "POST " + sim.baseUrl() + LOAD,
        "\"referenceId\":\"log-1\"", "HTTP/1.1 204", PtApiSimulator.SUBSCRIPTION_KEY_HEADER + ": [REDACTED]");
    assertThat(log).doesNotContain(PtApiSimulator.PASSWORD, PtApiSimulator.PRIMARY_KEY, PtApiSimulator.SECONDARY_KEY,
        session);
  }

  @Test
  void theWireLogIsOffByDefault() {
    client.hierarchy().businesses();

    assertThat(wireLog.isEmpty()).isTrue();
  }
}
