package dev.paykit.sandbox.promptcash;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PromptCashShortUrlsTest extends PromptCashSimulatorTestBase {
  private static String create(String url) {
    HttpResponse<String> response = http.post("/surl/create", form("url", url, "title", "Example",
        "description", "bla", "amount", "0.50", "currency", "BCH", "mode", "PASS"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("SUCCESS");
    return body.get("token").asText();
  }

  private static void assertFailed(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("FAILED");
    assertThat(body.get("error").asText()).isNotBlank();
  }

  @Test
  void createThenGetReturnsTheEntry() {
    String token = create("https://example.com/a?b=c&d=e");

    HttpResponse<String> response = http.get("/surl/get?token=" + token);

    assertThat(token).matches("[a-z]{6}");
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("SUCCESS");
    JsonNode url = body.get("url");
    assertThat(url.get("token").asText()).isEqualTo(token);
    assertThat(url.get("url").asText()).isEqualTo("https://example.com/a?b=c&d=e");
    assertThat(url.get("title").asText()).isEqualTo("Example");
    assertThat(url.get("description").asText()).isEqualTo("bla");
    assertThat(url.get("amount").decimalValue()).isEqualTo(new BigDecimal("0.50"));
    assertThat(url.get("currency").asText()).isEqualTo("BCH");
    assertThat(url.get("mode").asText()).isEqualTo("PASS");
    assertThat(sandbox.promptCash().shortUrlCount()).isEqualTo(1);
  }

  @Test
  void eachCreateGetsAFreshToken() {
    assertThat(create("https://example.com/1")).isNotEqualTo(create("https://example.com/1"));
    assertThat(sandbox.promptCash().shortUrlCount()).isEqualTo(2);
  }

  @Test
  void updateReplacesTheFields() {
    String token = create("https://example.com");

    HttpResponse<String> update = http.post("/surl/update", form("token", token, "title", "New",
        "amount", "2", "currency", "USD", "mode", "PAYWALL"));

    assertThat(json(update)).isEqualTo(json("{\"status\":\"SUCCESS\"}"));
    JsonNode url = json(http.get("/surl/get?token=" + token)).get("url");
    assertThat(url.get("title").asText()).isEqualTo("New");
    assertThat(url.get("description").asText()).isEmpty();
    assertThat(url.get("amount").decimalValue()).isEqualTo(new BigDecimal("2"));
    assertThat(url.get("currency").asText()).isEqualTo("USD");
    assertThat(url.get("mode").asText()).isEqualTo("PAYWALL");
    assertThat(url.get("url").asText()).isEqualTo("https://example.com");
  }

  @Test
  void deleteTakesTheTokenFromTheQueryString() {
    String token = create("https://example.com");

    HttpResponse<String> bodyOnly = http.post("/surl/delete", form("token", token));
    HttpResponse<String> deleted = http.post("/surl/delete?token=" + token, "");
    HttpResponse<String> again = http.post("/surl/delete?token=" + token, "");

    assertFailed(bodyOnly, 400);
    assertThat(json(deleted)).isEqualTo(json("{\"status\":\"SUCCESS\"}"));
    assertFailed(again, 404);
    assertFailed(http.get("/surl/get?token=" + token), 404);
    assertThat(sandbox.promptCash().shortUrlCount()).isZero();
  }

  @Test
  void unknownTokenIs404Failed() {
    assertFailed(http.get("/surl/get?token=zzzzzz"), 404);
    assertFailed(http.post("/surl/update", form("token", "zzzzzz", "amount", "1", "currency", "BCH",
        "mode", "PASS")), 404);
  }

  @Test
  void missingRequiredFieldIs400Failed() {
    HttpResponse<String> noUrl = http.post("/surl/create",
        form("amount", "1", "currency", "BCH", "mode", "PASS"));
    HttpResponse<String> noMode = http.post("/surl/create",
        form("url", "https://example.com", "amount", "1", "currency", "BCH"));
    HttpResponse<String> badAmount = http.post("/surl/create",
        form("url", "https://example.com", "amount", "1E+3", "currency", "BCH", "mode", "PASS"));

    assertFailed(noUrl, 400);
    assertThat(json(noUrl).get("error").asText()).contains("url");
    assertFailed(noMode, 400);
    assertFailed(badAmount, 400);
    assertThat(sandbox.promptCash().shortUrlCount()).isZero();
  }

  @Test
  void listPagesInCreationOrder() {
    String first = create("https://example.com/1");
    String second = create("https://example.com/2");
    String third = create("https://example.com/3");

    JsonNode all = json(http.get("/surl/list"));
    JsonNode page = json(http.get("/surl/list?limit=1&offset=1"));

    assertThat(all.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(all.get("data")).extracting(n -> n.get("token").asText())
        .containsExactly(first, second, third);
    assertThat(page.get("data")).extracting(n -> n.get("token").asText()).containsExactly(second);
    assertFailed(http.get("/surl/list?limit=501"), 400);
  }
}
