package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.math.BigDecimal;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lands on another endpoint: today {@code payments().get("%2e%2e")} sent {@code GET /api/v1/}
 * with the secret token (paths below carry the sandbox's prefix). A {@code tx_id} that cannot be one path segment is rejected before sending,
 * when the payment is created as well as when it is read (a payment the SDK could never look up again
 * could not be resolved after an unknown outcome); any other {@code tx_id} round-trips exactly.
 */
class PromptCashPathSegmentTest extends PromptCashTestBase {

  private String[] paths() {
    return Arrays.stream(sandbox.mockServer().retrieveRecordedRequests(request()))
        .map(r -> r.getMethod().getValue() + " " + r.getPath().getValue()).toArray(String[]::new);
  }

  private static void rejected(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
        .extracting(Violation::field, Violation::rule).containsExactly(tuple("tx_id", "pathSegment")));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {".", "..", "%2e%2e", "%2E.", ".%2e", "%2E%2E", "%2e", "%252e%252e", "../create-payment",
      "a/..", "..;x", "..\\x"})
  void aDotSegmentTxIdNeverLeavesTheClient(String txId) {
    rejected(() -> client.payments().get(txId));
    rejected(() -> client.payments().getFresh(txId));
    rejected(() -> client.payments().create(CreatePaymentRequest.builder(txId, BigDecimal.ONE, "USD").build()));

    assertThat(paths()).isEmpty();
  }

  @Test
  void aTxIdWithPercentSignsRoundTripsAsOneSegment() {
    client.payments().create(CreatePaymentRequest.builder("x%2Fy 100%", BigDecimal.ONE, "USD").build());

    assertThat(client.payments().get("x%2Fy 100%").getTxId()).isEqualTo("x%2Fy 100%");
    String prefix = PromptCashSimulator.PATH_PREFIX;
    assertThat(paths()).containsExactly("POST " + prefix + "/create-payment",
        "GET " + prefix + "/get-payment/x%252Fy%20100%25");
  }
}
