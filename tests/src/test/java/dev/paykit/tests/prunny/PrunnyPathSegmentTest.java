package dev.paykit.tests.prunny;

import dev.paykit.core.RequestOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.math.BigDecimal;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lands on another endpoint: a dot segment in any encoding is rejected before sending (today
 * {@code mandates().pay("..")} sent {@code POST /v1/pay} with the caller's key), and any other path
 * value reaches the server as exactly one segment. Asserts on the paths the scripted server recorded.
 */
class PrunnyPathSegmentTest extends ScriptedPrunnyTestBase {

  private static final BigDecimal AMOUNT = new BigDecimal("100.00");

  @BeforeEach
  void answerEverything() {
    server.when(request()).respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"00\",\"message\":\"ok\",\"data\":{\"transactionRef\":\"TX-1\"}}"));
  }

  private String[] paths() {
    return Arrays.stream(server.retrieveRecordedRequests(request()))
        .map(r -> r.getMethod().getValue() + " " + r.getPath().getValue()).toArray(String[]::new);
  }

  private static void rejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
        .extracting(Violation::field, Violation::rule).contains(tuple(field, "pathSegment")));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {".", "..", "%2e%2e", "%2E.", ".%2e", "%2E%2E", "%2e", "%252e%252e", "../pay",
      "..%2Fpay", "x/../..", "..;", "..\\"})
  void aDotSegmentNeverLeavesTheClient(String value) {
    rejected(() -> prunny.client.mandates().pay(value, AMOUNT), "mandateId");
    rejected(() -> prunny.client.mandates().cancel(value, RequestOptions.ofIdempotencyKey("key-1")), "mandateId");
    rejected(() -> prunny.client.mandates().get("1010119934", value), "mandateId");
    rejected(() -> prunny.client.transfers().status(value), "transactionReference");
    rejected(() -> prunny.client.funds().held("1010119934", value), "referenceId");
    rejected(() -> prunny.client.customers().get(value), "customerId");
    rejected(() -> prunny.client.accounts().getType(value), "accountTypeId");

    assertThat(paths()).isEmpty();
  }

  @Test
  void aPercentInAReferenceIsSentEncodedSoTheServerReadsTheReferenceItself() {
    catchThrowable(() -> prunny.client.mandates().pay("M%2F1", AMOUNT));
    catchThrowable(() -> prunny.client.transfers().status("TX 100%"));
    catchThrowable(() -> prunny.client.funds().held("1010119934", "LIEN/2026/0001"));
    catchThrowable(() -> prunny.client.customers().get("c...1"));

    assertThat(paths()).containsExactly(
        "POST /v1/directdebit/M%252F1/pay",
        "GET /v1/transactions/confirmation/TX%20100%25",
        "GET /v1/transactions/heldfund/1010119934/LIEN%2F2026%2F0001",
        "GET /v1/customers/c...1");
  }
}
