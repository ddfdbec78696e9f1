package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.spec.Violation;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.integration.ClientAndServer;

/**
 * A path parameter is one path segment on the wire, or the call is rejected before anything is sent:
 * the exact path that reached the server, for every dot-segment form and for values Feign would
 * otherwise pass through half-encoded.
 */
class PathParameterTest {

  /** Shaped like a generated interface; the first two operations are in the testkit spec. */
  public interface BoxesApi {
    @RequestLine("GET /boxes/{name}/contents")
    @Headers("Accept: application/json")
    Map<String, Object> getBoxContents(@Param("name") String name);

    @RequestLine("POST /boxes/{name}/pay")
    @Headers({"Accept: application/json", "Idempotency-Key: {idempotencyKey}"})
    Map<String, Object> payBox(@Param("name") String name, @Param("idempotencyKey") String idempotencyKey);

    /**
     * Not in the spec: the pipeline refuses it; through a bare Feign client with the contract, only the
     * contract's encoding stands before the wire.
     */
    @RequestLine("GET /unlisted/{name}/contents")
    @Headers("Accept: application/json")
    Map<String, Object> unlisted(@Param("name") String name);
  }

  private static ClientAndServer server;
  private BoxesApi api;
  /** The same interface on a bare Feign client with nothing but the contract: no validation at all. */
  private BoxesApi bare;

  @BeforeAll
  static void startServer() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
    server.when(request()).respond(response().withStatusCode(200)
        .withHeader("Content-Type", "application/json").withBody("{}"));
    PipelineFixture fixture = new PipelineFixture();
    api = fixture.runtime("http://127.0.0.1:" + server.getPort(), RetryPolicy.none()).api(BoxesApi.class);
    bare = feign.Feign.builder().contract(new dev.paykit.core.internal.SlashEncodingContract())
        .decoder(new feign.jackson.JacksonDecoder()).target(BoxesApi.class, "http://127.0.0.1:" + server.getPort());
  }

  private static String[] paths() {
    return Arrays.stream(server.retrieveRecordedRequests(request()))
        .map(r -> r.getPath().getValue()).toArray(String[]::new);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {".", "..", "%2e", "%2E", "%2e%2e", "%2E%2E", "%2E.", ".%2e", "%2e.", ".%2E",
      "%252e%252e", "%25252e", "../pay", "a/..", "a/./b", "..\\pay", "..;x", ".;", "%2e%2e%2fpay",
      "a%2F..", "a%5C..", "..%3B", ""})
  void aDotSegmentInAnyEncodingIsRejectedBeforeSending(String value) {
    assertThatThrownBy(() -> api.payBox(value, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule).contains(tuple("name", "pathSegment")));
    assertThatThrownBy(() -> api.getBoxContents(value))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule).containsExactly(tuple("name", "pathSegment")));

    assertThat(paths()).isEmpty();
  }

  @Test
  void theViolationDoesNotRepeatTheValue() {
    assertThatThrownBy(() -> api.getBoxContents("%2e%2e"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("%2e%2e");
          assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).doesNotContain("%2e%2e"));
        });
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "...             | ...",
      ".a.             | .a.",
      "a..b            | a..b",
      "~_-.            | ~_-.",
      "x%2Fy           | x%252Fy",
      "%2F             | %252F",
      "100%            | 100%25",
      "%zz             | %25zz",
      "%2             | %252",
      "LIEN/2026/0001  | LIEN%2F2026%2F0001",
      "\"a b+c\"       | a%20b%2Bc",
      "?#&=;:@!$'()*,  | %3F%23%26%3D%3B%3A%40%21%24%27%28%29%2A%2C",
      "caf\u00e9       | caf%C3%A9",
      "\uD83D\uDE00    | %F0%9F%98%80"})
  void everyOtherValueIsSentAsOneSegmentExactly(String value, String onTheWire) {
    api.getBoxContents(value);
    api.payBox(value, "key-1");
    bare.unlisted(value);

    assertThat(paths()).containsExactly("/boxes/" + onTheWire + "/contents", "/boxes/" + onTheWire + "/pay",
        "/unlisted/" + onTheWire + "/contents");
  }

  @Test
  void withoutValidationTheEncodingStillRefusesADotSegment() {
    for (String value : new String[] {"..", "%2e%2e", ".%2E", "a/.."}) {
      assertThatThrownBy(() -> bare.unlisted(value)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(value);
    }
    assertThatThrownBy(() -> bare.unlisted("pay-\uD800")).isInstanceOf(IllegalArgumentException.class);

    assertThat(paths()).isEmpty();
  }

  @Test
  void thePipelineRefusesAnOperationTheSpecDoesNotDescribe() {
    assertThatThrownBy(() -> api.unlisted("box-1"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule).containsExactly(tuple("operation", "undescribed")));

    assertThat(paths()).isEmpty();
  }
}
