package dev.paykit.sandbox.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The key a 200 answer carries its payload under: the sandbox's own choice, or the one a test sets. */
class PrunnyPayloadKeyTest extends PrunnySimulatorTestBase {
  private static final String BALANCE = "/v1/accounts/balance/" + ACCOUNT_ADAEZE;
  private static final String STATEMENT = "/v1/transactions/" + ACCOUNT_ADAEZE + "/statement";

  private static JsonNode ok(String path) {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void singleObjectsComeInDataAndPagesInResponseDataByDefault() {
    JsonNode balance = ok(BALANCE);
    JsonNode page = ok(STATEMENT);

    assertThat(balance.has("data")).isTrue();
    assertThat(balance.has("responseData")).isFalse();
    assertThat(page.get("responseData")).hasSize(10);
    assertThat(page.has("data")).isFalse();
  }

  @Test
  void responseDataCarriesEveryPayloadWhenSet() {
    sandbox.prunny().payloadKey("responseData");

    JsonNode balance = ok(BALANCE);
    JsonNode page = ok(STATEMENT);

    assertThat(balance.has("data")).isFalse();
    assertThat(balance.get("responseData").get("accountNumber").asText()).isEqualTo(ACCOUNT_ADAEZE);
    assertThat(page.get("responseData")).hasSize(10);
  }

  @Test
  void dataCarriesEveryPayloadWhenSetAndResetRestoresTheDefault() {
    sandbox.prunny().payloadKey("data");

    JsonNode page = ok(STATEMENT);
    assertThat(page.has("responseData")).isFalse();
    assertThat(page.get("data")).hasSize(10);
    assertThat(ok(BALANCE).has("data")).isTrue();

    sandbox.reset();
    sandbox.prunny().clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    assertThat(ok(STATEMENT).has("responseData")).isTrue();
  }

  @Test
  void onlyPrunnysTwoKeysCanBeSet() {
    assertThatThrownBy(() -> sandbox.prunny().payloadKey("result"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data or responseData");
  }
}
