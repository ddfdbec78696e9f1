package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The optional wire log shows requests and responses, but never the secret token or a signature. */
class PromptCashWireLogTest extends PromptCashTestBase {

  private final Logger wire = (Logger) LoggerFactory.getLogger("dev.paykit.wire.promptcash");
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  @BeforeEach
  void capture() {
    captured.start();
    wire.addAppender(captured);
    wire.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    wire.detachAppender(captured);
    wire.setLevel(null);
  }

  @Test
  void wireLogIsRedacted() {
    sim.enforceSignatures(true);
    PromptCashClient logging = clientBuilder().wireLogging(true).build();

    logging.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build());

    String log = captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    assertThat(log).contains("POST " + sim.baseUrl() + "/create-payment", "tx_id=order-1", "HTTP/1.1 200");
    assertThat(log).contains("Authorization: [REDACTED]", "signature=[REDACTED]");
    assertThat(log).doesNotContain(SECRET);
    assertThat(log).doesNotContainPattern("signature=[0-9a-f]{64}");
  }

  @Test
  void wireLogIsOffByDefault() {
    client.payments().create(CreatePaymentRequest.builder("order-1", BigDecimal.ONE, "USD").build());
    assertThat(captured.list).isEmpty();
  }
}
