package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.support.WireLog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire log masks Prompt.Cash's sensitive fields (token, signature, Authorization) whole, also
 * when a JSON value holds escaped quotes or backslashes and when a form value holds {@code %22}.
 */
class PromptCashWireLogEscapesTest extends PromptCashTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("promptcash");

  @Test
  void aTokenWithEscapedQuotesInAnAnswerIsMaskedWhole() {
    scripted.answerNext(1, PromptCashSimulator.PATH_PREFIX + "/get-payment/o-1", 200,
        "{\"data\":{\"tx_id\":\"o-1\",\"token\":\"pub\\\"LEAK-1\\\\\\\"LEAK-2\",\"status\":\"PAID\"}}");
    PromptCashClient logging = clientBuilder().wireLogging(true).build();

    assertThat(logging.payments().get("o-1").getToken()).isEqualTo("pub\"LEAK-1\\\"LEAK-2");

    String log = wireLog.text();
    assertThat(log).contains("\"token\":\"[REDACTED]\",\"status\":\"PAID\"").doesNotContain("LEAK");
  }

  @Test
  void aPublicTokenWithAQuoteIsMaskedInTheFormBody() {
    PromptCashClient logging = clientBuilder().publicToken("pub\"LEAK-3").wireLogging(true).build();

    try {
      logging.payments().create(CreatePaymentRequest.builder("o-2", BigDecimal.ONE, "USD").build());
    } catch (RuntimeException expected) {
      // the sandbox does not know this public token; only the log matters here
    }

    String log = wireLog.text();
    assertThat(log).contains("token=[REDACTED]&tx_id=o-2").doesNotContain("LEAK");
  }
}
