package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.PrunnyClient;
import dev.paykit.tests.support.WireLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.matchers.Times;

/**
 * The wire log masks Prunny's sensitive fields (the authorization {@code value}, e.g. an OTP or a
 * password, and the API key) whole, also when the JSON value holds escaped quotes or backslashes:
 * today everything after {@code \"} leaked.
 */
class PrunnyWireLogEscapesTest extends ScriptedPrunnyTestBase {

  @RegisterExtension
  final WireLog wireLog = new WireLog("prunny");

  @Test
  void anAuthorizationValueWithEscapedQuotesIsMaskedWholeOnTheWayOutAndBack() {
    answer("/v1/transactions/complete", 200, "{\"status\":\"00\",\"message\":\"ok\",\"data\":{\"statusCode\":\"00\","
        + "\"transactionRef\":\"TX-1\",\"value\":\"echo\\\\\\\"LEAK-3\\u0022LEAK-4\"}}", Times.unlimited());
    PrunnyClient logging = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY).baseUrl(baseUrl())
        .clock(prunny.clock).wireLogging(true).build();

    logging.transfers().complete("TX-1", "req-1", "pa\"ss\\LEAK-1\"LEAK-2");

    String log = wireLog.text();
    assertThat(log).contains("\"value\":\"[REDACTED]\"", "Authorization: [REDACTED]");
    assertThat(log).doesNotContain("LEAK").doesNotContain(ScriptedPrunny.API_KEY);
  }
}
