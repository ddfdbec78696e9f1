package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ValidationException;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiExpiredLoginException;
import dev.paykit.ptapi.PtApiFailedPreconditionException;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.model.CardholderPage;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exact requests of login, a load, a search and logout as they reached a byte-level server (method,
 * target, the one key header under the configured name, exact body), and how the client reads error
 * bodies of unpublished shapes.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiWireTest {

  static final String KEY = "wire-primary-key-0123";
  static final String HEADER = "X-Pt-Key";
  static final String LOGIN_BODY = "{\"loginID\":\"wire-user\",\"password\":\"wire-password-1\"}";
  static final String SESSION = "{\"sessionId\":\"S-wire-1\",\"customerId\":\"100001\"}";

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey(KEY).subscriptionKeyHeader(HEADER)
        .loginId("wire-user").password("wire-password-1")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  private static String text(RawServer.Request r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static void keyed(RawServer.Request r) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.headerValues(HEADER)).containsExactly(KEY);
    assertThat(r.headerValues("Ocp-Apim-Subscription-Key")).isEmpty();
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void aLoadIsLoginThenTheLoadWithTheSessionAndTheAmountAsWritten() {
    server.then(Reply.json(200, SESSION), Reply.json(200, "{\"transactionId\":\"T-1\",\"referenceId\":\"ref-1\","
        + "\"type\":\"load\",\"proxyKey\":\"PK1\",\"amount\":25.00,\"cardBalance\":75.00,\"masterFundsBalance\":9975.00}"));

    LoadTransaction t = client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("25.00"))
        .referenceId("ref-1"));

    assertThat(t.getAmount()).isEqualTo(new BigDecimal("25.00"));
    assertThat(t.getMasterFundsBalance()).isEqualTo(new BigDecimal("9975.00"));
    assertThat(server.requests()).hasSize(2);
    RawServer.Request login = server.requests().get(0);
    keyed(login);
    assertThat(login.target()).isEqualTo("/_ah/api/userendpoint/v1/login");
    assertThat(text(login)).isEqualTo(LOGIN_BODY);
    RawServer.Request load = server.requests().get(1);
    keyed(load);
    assertThat(load.target()).isEqualTo("/_ah/api/cardendpoint/v1/loadCard");
    assertThat(text(load)).isEqualTo(
        "{\"proxyKey\":\"PK1\",\"amount\":25.00,\"referenceId\":\"ref-1\",\"sessionId\":\"S-wire-1\"}");
  }

  @Test
  void aSearchSendsItsQueryParametersBesideTheSessionAndCloseLogsOut() {
    server.then(Reply.json(200, SESSION), Reply.json(200, "{\"cardholders\":[],\"total\":0}"),
        Reply.full(204, "application/json", ""));

    CardholderPage page = client.cardholders().search("200001", new CardholdersApi.SearchCardholdersQueryParams()
        .q("firstName:joe AND age:[20 TO 30]").limit(5).offset(10).sortBy("asc(lastName)"));
    client.close();

    assertThat(page.getCardholders()).isEmpty();
    RawServer.Request search = server.requests().get(1);
    keyed(search);
    assertThat(search.path()).isEqualTo("/_ah/api/cardholderendpoint/v1/searchCardholders");
    assertThat(search.target().substring(search.target().indexOf('?') + 1).split("&")).containsExactlyInAnyOrder(
        "q=firstName%3Ajoe%20AND%20age%3A%5B20%20TO%2030%5D", "limit=5", "offset=10", "sort_by=asc%28lastName%29");
    assertThat(text(search)).isEqualTo("{\"customerId\":\"200001\",\"sessionId\":\"S-wire-1\"}");
    RawServer.Request logout = server.requests().get(2);
    keyed(logout);
    assertThat(logout.target()).isEqualTo("/_ah/api/userendpoint/v1/logout");
    assertThat(text(logout)).isEqualTo("{\"sessionId\":\"S-wire-1\"}");
  }

  @Test
  void aWildcardAndEscapesAreEncodedOnceNotTwice() {
    server.then(Reply.json(200, SESSION), Reply.json(200, "{\"cardholders\":[],\"total\":0}"),
        Reply.json(200, "{\"cards\":[],\"total\":0}"));

    client.cardholders().search("200001", new CardholdersApi.SearchCardholdersQueryParams().q("firstName:Jo* AND x:a\\ b"));
    client.cards().search("200001", new dev.paykit.ptapi.api.CardsApi.SearchCardsQueryParams().q("proxyKey:PK\\*"));

    assertThat(server.requests().get(1).target())
        .endsWith("/searchCardholders?q=firstName%3AJo%2A%20AND%20x%3Aa%5C%20b");
    assertThat(server.requests().get(2).target()).endsWith("/searchCards?q=proxyKey%3APK%5C%2A");
  }

  @Test
  void errorCodesAreReadAsNumbersOrStringsWithMessageAndDescription() {
    server.then(Reply.json(200, SESSION),
        Reply.json(400, "{\"errorCode\":\"400004\",\"message\":\"failed precondition\","
            + "\"description\":\"Request cannot be executed in the current system state\"}"));

    assertThatThrownBy(() -> client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("1.00"))
        .referenceId("ref-2")))
        .isInstanceOf(PtApiFailedPreconditionException.class)
        .hasMessageContaining("failed precondition: Request cannot be executed in the current system state");
  }

  @Test
  void unknownErrorShapesNeverFailTheReading() {
    server.then(Reply.json(200, SESSION), Reply.json(400, "[\"not\",\"an\",\"object\"]"),
        Reply.json(400, "{\"code\":{\"nested\":true},\"message\":[1,2]}"),
        Reply.full(400, "text/html", "<html>bad request</html>"));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.cards().duplicate("PK1"))
          .isInstanceOf(dev.paykit.core.InvalidRequestException.class)
          .isNotInstanceOf(dev.paykit.ptapi.PtApiFailure.class)
          .satisfies(e -> assertThat(((dev.paykit.core.PaykitException) e).httpStatus()).isEqualTo(400));
    }
  }

  @Test
  void aSecondExpiryRightAfterTheReloginReachesTheCaller() {
    String expired = "{\"code\":401001,\"message\":\"expired login credentials\"}";
    server.then(Reply.json(200, SESSION), Reply.json(401, expired),
        Reply.json(200, "{\"sessionId\":\"S-wire-2\",\"customerId\":\"100001\"}"), Reply.json(401, expired));

    assertThatThrownBy(() -> client.hierarchy().programs("200001"))
        .isInstanceOf(PtApiExpiredLoginException.class)
        .hasMessageNotContaining("S-wire");

    assertThat(server.requests()).extracting(RawServer.Request::target).containsExactly(
        "/_ah/api/userendpoint/v1/login", "/_ah/api/customerendpoint/v1/getCustomerProgramList",
        "/_ah/api/userendpoint/v1/login", "/_ah/api/customerendpoint/v1/getCustomerProgramList");
    assertThat(text(server.requests().get(3))).isEqualTo("{\"customerId\":\"200001\",\"sessionId\":\"S-wire-2\"}");
  }

  @Test
  void aLoadRefusedForAnExpiredSessionWhoseReloginFailsIsNotRepeatedAndSaysItWasRefused() {
    String expired = "{\"code\":401001,\"message\":\"expired login credentials\"}";
    server.then(Reply.json(200, SESSION), Reply.json(401, expired));
    server.otherwise(Reply.reset());

    assertThatThrownBy(() -> client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("5.00"))
        .referenceId("ref-3")))
        .isInstanceOf(dev.paykit.core.ConnectionException.class)
        .hasMessageContaining("[ptapi login]")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(PtApiExpiredLoginException.class)
            .satisfies(s -> assertThat(((PtApiExpiredLoginException) s).providerCode()).contains("401001")));

    assertThat(server.requests(("/_ah/api/cardendpoint/v1/loadCard"))).hasSize(1);
    assertThat(server.requests("/_ah/api/userendpoint/v1/login")).hasSizeGreaterThan(1);
  }

  @Test
  void aLoadWithoutItsReferenceIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("1.005"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContainingAll("referenceId", "amount");
    assertThat(server.requests()).isEmpty();
  }
}
