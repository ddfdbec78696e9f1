package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferResult;
import dev.paykit.sandbox.PrunnyFixtures;
import dev.paykit.sandbox.PrunnySimulator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The wire log never shows the API key or the customer's OTP (a format: password field of the spec). */
class PrunnyWireLogTest extends PrunnySandboxTestBase {

  private final Logger wire = (Logger) LoggerFactory.getLogger("dev.paykit.wire.prunny");
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
  void theKeyAndTheOtpAreRedacted() {
    PrunnyClient logging = clientBuilder().wireLogging(true).build();
    TransferResult r = logging.transfers().intraBank(PrunnySafetyTest.pay("fees", PrunnyFixtures.ACCOUNT_ADAEZE,
        PrunnyFixtures.ACCOUNT_ADAEZE_NAME, PrunnyFixtures.ACCOUNT_BABATUNDE, PrunnyFixtures.ACCOUNT_BABATUNDE_NAME,
        "150000.00"));
    logging.transfers().complete(r.transactionRef(), "fees-otp", PrunnySimulator.SANDBOX_OTP);

    String log = captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    assertThat(log).contains("/v1/transactions/complete", "\"transactionRef\"", "Authorization: [REDACTED]");
    assertThat(log).doesNotContain(PrunnySimulator.API_KEY).doesNotContain(PrunnySimulator.SANDBOX_OTP);
  }
}
