package dev.paykit.sandbox.promptcash;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** get-payments: filters, the from/to bounds and limit/offset paging. */
class PromptCashListingTest extends PromptCashSimulatorTestBase {
  /** p1..p5 are created at T0, T0+10 s, ... T0+40 s; p2 and p4 are in EUR, the rest USD. */
  private static final long T0 = 1_767_225_600L;

  @BeforeEach
  void createFivePayments() {
    for (int i = 1; i <= 5; i++) {
      sandbox.promptCash().clock(Clock.fixed(Instant.ofEpochSecond(T0 + 10L * (i - 1)), ZoneOffset.UTC));
      HttpResponse<String> created = http.post("/create-payment", form(
          "token", PromptCashSimulator.PUBLIC_TOKEN, "tx_id", "p" + i, "amount", i + ".00",
          "currency", i % 2 == 0 ? "EUR" : "USD"));
      assertThat(created.statusCode()).isEqualTo(200);
    }
    sandbox.promptCash().setPaymentStatus("p3", "PAID");
  }

  private static List<String> txIds(String query) {
    HttpResponse<String> response = http.get("/get-payments" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode payment : json(response).get("data")) {
      ids.add(payment.get("tx_id").asText());
    }
    return ids;
  }

  @Test
  void listsAllInCreationOrderByDefault() {
    assertThat(txIds("")).containsExactly("p1", "p2", "p3", "p4", "p5");
  }

  @Test
  void filtersByCurrencyAndStatus() {
    assertThat(txIds("?currency=EUR")).containsExactly("p2", "p4");
    assertThat(txIds("?status=PAID")).containsExactly("p3");
    assertThat(txIds("?currency=USD&status=PENDING")).containsExactly("p1", "p5");
    assertThat(txIds("?currency=JPY")).isEmpty();
  }

  @Test
  void fromIsInclusiveAndToIsExclusive() {
    assertThat(txIds("?from=" + (T0 + 10) + "&to=" + (T0 + 30))).containsExactly("p2", "p3");
    assertThat(txIds("?from=" + (T0 + 11))).containsExactly("p3", "p4", "p5");
    assertThat(txIds("?to=" + (T0 + 1))).containsExactly("p1");
    assertThat(txIds("?from=0&to=0")).hasSize(5);
  }

  @Test
  void pagesWithLimitAndOffset() {
    assertThat(txIds("?limit=2")).containsExactly("p1", "p2");
    assertThat(txIds("?limit=2&offset=2")).containsExactly("p3", "p4");
    assertThat(txIds("?limit=2&offset=4")).containsExactly("p5");
    assertThat(txIds("?limit=500&offset=5")).isEmpty();
    assertThat(txIds("?currency=EUR&limit=1&offset=1")).containsExactly("p4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=501", "limit=abc", "limit=1.5", "offset=-1", "offset=x",
      "from=-1", "to=soon"})
  void rejectsBadWindowOrBoundsWith400(String query) {
    HttpResponse<String> response = http.get("/get-payments?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).contains(query.substring(0, query.indexOf('=')));
  }
}
