package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferResult;
import dev.paykit.sandbox.prunny.Fixtures;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.tests.support.WireLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire log never shows the API key or the customer's OTP (a format: password field of the spec). */
class PrunnyWireLogTest extends PrunnySandboxTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("prunny");

  @Test
  void theKeyAndTheOtpAreRedacted() {
    PrunnyClient logging = clientBuilder().wireLogging(true).build();
    TransferResult r = logging.transfers().intraBank(PrunnySafetyTest.pay("fees", Fixtures.ACCOUNT_ADAEZE,
        Fixtures.ACCOUNT_ADAEZE_NAME, Fixtures.ACCOUNT_BABATUNDE, Fixtures.ACCOUNT_BABATUNDE_NAME,
        "150000.00"));
    logging.transfers().complete(r.transactionRef(), "fees-otp", PrunnySimulator.SANDBOX_OTP);

    String log = wireLog.text();
    assertThat(log).contains("/v1/transactions/complete", "\"transactionRef\"", "Authorization: [REDACTED]");
    assertThat(log).doesNotContain(PrunnySimulator.API_KEY).doesNotContain(PrunnySimulator.SANDBOX_OTP);
  }
}
