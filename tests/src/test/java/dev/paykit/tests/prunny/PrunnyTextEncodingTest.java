package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;

/**
 * An unpaired surrogate in a JSON body or a path parameter is rejected before sending (JSON encoders
 * turn it into {@code ?} or fail half-way); a surrogate pair is sent losslessly.
 */
class PrunnyTextEncodingTest extends ScriptedPrunnyTestBase {

  private static void rejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
        .extracting(Violation::field, Violation::rule).containsExactly(tuple(field, "encoding")));
  }

  @Test
  void loneSurrogatesInABodyOrAPathNeverLeaveTheClient() {
    rejected(() -> prunny.client.transfers().intraBank(
        ScriptedPrunny.transfer("ref-1", "10.00").sourceNarration("rent \uD800")), "sourceNarration");
    rejected(() -> prunny.client.transfers().intraBank(
        ScriptedPrunny.transfer("ref-\uDFFF", "10.00")), "referenceId");
    rejected(() -> prunny.client.customers().get("c-\uDBFF"), "customerId");

    assertThat(server.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void aSurrogatePairIsSentLosslessly() throws IOException {
    answer("/v1/transactions/singletransferwithbank", 200, "{\"status\":\"00\",\"data\":{\"transactionRef\":\"TX-1\"}}",
        Times.unlimited());

    prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00").sourceNarration("rent \uD83C\uDFE0"));

    String body = new String(sent("/v1/transactions/singletransferwithbank")[0].getBodyAsRawBytes(),
        StandardCharsets.UTF_8);
    // Jackson writes the pair as a JSON escape, which any JSON reader decodes to the same two chars
    assertThat(body).contains("\"sourceNarration\":\"rent \\uD83C\\uDFE0\"");
    assertThat(new ObjectMapper().readTree(body).path("sourceNarration").asText()).isEqualTo("rent \uD83C\uDFE0");
  }
}
