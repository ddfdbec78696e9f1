package dev.paykit.sandbox.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.SandboxHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per PT test class, reset before each test, the clock pinned; real HTTP with the JDK client. */
abstract class PtApiTestBase {
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final String LOGIN = "/_ah/api/userendpoint/v1/login";
  static final String LOGOUT = "/_ah/api/userendpoint/v1/logout";
  static final String RESET_PASSWORD = "/_ah/api/userendpoint/v1/resetPassword";
  static final String CUSTOMERS = "/_ah/api/customerendpoint/v1/getCustomerListByParent";
  static final String PROGRAMS = "/_ah/api/customerendpoint/v1/getCustomerProgramList";
  static final String ORDER_CARD = "/_ah/api/cardendpoint/v1/orderCard";
  static final String ORDER_INSTANT = "/_ah/api/cardendpoint/v1/orderInstantIssueCard";
  static final String REGISTER_CARD = "/_ah/api/cardendpoint/v1/registerCard";
  static final String REGISTER_CARDS = "/_ah/api/cardendpoint/v1/registerCards";
  static final String SEARCH_CARDS = "/_ah/api/cardendpoint/v1/searchCards";
  static final String CHANGE_STATUS = "/_ah/api/cardendpoint/v1/changeCardStatus";
  static final String DUPLICATE = "/_ah/api/cardendpoint/v1/duplicateCard";
  static final String LOAD = "/_ah/api/cardendpoint/v1/loadCard";
  static final String UNLOAD = "/_ah/api/cardendpoint/v1/unloadCard";
  static final String HISTORY = "/_ah/api/cardendpoint/v1/getLoadHistory";
  static final String SEARCH_CARDHOLDERS = "/_ah/api/cardholderendpoint/v1/searchCardholders";
  static final String GET_CARDHOLDER = "/_ah/api/cardholderendpoint/v1/getCardholder";
  static final String UPDATE_CARDHOLDER = "/_ah/api/cardholderendpoint/v1/updateCardholder";

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  static PaykitSandbox sandbox;
  PtApiSimulator pt;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    pt = sandbox.ptapi().clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A JSON object from name/value pairs (values: String, Number, Boolean, JsonNode, or null). */
  static ObjectNode json(Object... namesAndValues) {
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      node.set((String) namesAndValues[i], MAPPER.valueToTree(namesAndValues[i + 1]));
    }
    return node;
  }

  HttpRequest.Builder request(String pathAndQuery, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pt.baseUrl() + pathAndQuery));
    return key == null ? b : b.header(PtApiSimulator.SUBSCRIPTION_KEY_HEADER, key);
  }

  /** POSTs {@code body} as JSON with the primary subscription key. */
  HttpResponse<String> post(String pathAndQuery, JsonNode body) {
    return post(pathAndQuery, body.toString(), PtApiSimulator.PRIMARY_KEY);
  }

  HttpResponse<String> post(String pathAndQuery, String body, String key) {
    return SandboxHttp.send(request(pathAndQuery, key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A session of the sandbox's user. */
  String login() {
    HttpResponse<String> r = post(LOGIN, json("loginID", PtApiSimulator.LOGIN_ID, "password", PtApiSimulator.PASSWORD));
    return ok(r, 200).get("sessionId").asText();
  }

  static String query(String... namesAndValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.append(out.length() == 0 ? "?" : "&").append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  static JsonNode ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return read(r.body());
  }

  static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A PT error: the HTTP status is the code's first three digits, the body exactly {code, message,
   * description}; returns the description.
   */
  static String ptError(HttpResponse<String> r, int code, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(code / 1000);
    JsonNode body = read(r.body());
    assertThat(body.get("code").asInt()).as(r.body()).isEqualTo(code);
    assertThat(body.get("message").asText()).isEqualTo(message);
    assertThat(body.size()).as("code, message, description").isEqualTo(3);
    return body.get("description").asText();
  }
}
