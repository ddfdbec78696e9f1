package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.CardSearch;
import dev.paykit.ptapi.CardholderSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtQuery;
import dev.paykit.ptapi.PtSort;
import dev.paykit.ptapi.model.Address;
import dev.paykit.ptapi.model.CardRegistration;
import dev.paykit.ptapi.model.CardStatus;
import dev.paykit.ptapi.model.CardholderProfile;
import dev.paykit.ptapi.model.CardholderStatus;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.OrderCardRequest;
import dev.paykit.ptapi.model.OrderDetails;
import dev.paykit.ptapi.model.OrderInstantIssueRequest;
import dev.paykit.ptapi.model.RegisterCardRequest;
import dev.paykit.ptapi.model.RegisterCardsRequest;
import dev.paykit.ptapi.model.UpdateCardholderRequest;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact request of every one of the spec's 18 operations as it reached a byte-level server: method,
 * path, query (each parameter exactly as encoded), the subscription key once under the configured header
 * and never under the default one, the JSON content type, and the exact body with the session id the
 * login answered (the derived field, last). Each call goes through the client's facades.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiOperationsWireTest {

  static final String KEY = "ops-primary-key-0042";
  static final String HEADER = "X-Ops-Key";
  static final String SESSION = "{\"sessionId\":\"S-ops-7\",\"customerId\":\"100001\"}";
  static final String LOGIN_BODY = "{\"loginID\":\"ops-user\",\"password\":\"ops-password-9\"}";
  static final String ADDRESS_JSON = "{\"address1\":\"1 Main St\",\"city\":\"Austin\",\"state\":\"TX\",\"zip\":\"78701\"}";
  static final String JOE_JSON = "{\"firstName\":\"Joe\",\"lastName\":\"Smith\",\"dateOfBirth\":\"1999-05-10\"}";

  /** One operation: how the client calls it, what the server answers, and what must have reached it. */
  record Case(String operationId, Consumer<PtApiClient> call, Reply reply, String path, List<String> query,
      String body) {
    @Override
    public String toString() {
      return operationId;
    }
  }

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey(KEY).subscriptionKeyHeader(HEADER)
        .loginId("ops-user").password("ops-password-9")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  static Address address() {
    return new Address().address1("1 Main St").city("Austin").state("TX").zip("78701");
  }

  static CardholderProfile joe() {
    return new CardholderProfile().firstName("Joe").lastName("Smith").dateOfBirth(LocalDate.of(1999, 5, 10));
  }

  static Stream<Case> sessionOperations() {
    String card = "/_ah/api/cardendpoint/v1/";
    String holder = "/_ah/api/cardholderendpoint/v1/";
    String customer = "/_ah/api/customerendpoint/v1/";
    return Stream.of(
        new Case("getCustomerListByParent", c -> c.hierarchy().businesses(),
            Reply.json(200, "{\"customers\":[{\"customerId\":\"200001\",\"parentId\":\"100001\"}]}"),
            customer + "getCustomerListByParent", List.of(),
            "{\"parentId\":\"100001\",\"sessionId\":\"S-ops-7\"}"),
        new Case("getCustomerProgramList", c -> c.hierarchy().programs("200001"),
            Reply.json(200, "{\"programs\":[{\"customerProgramId\":\"300001\"}]}"),
            customer + "getCustomerProgramList", List.of(),
            "{\"customerId\":\"200001\",\"sessionId\":\"S-ops-7\"}"),
        new Case("orderCard", c -> c.cards().order(new OrderCardRequest().customerId("200001")
                .customerProgramId("300001").orderDetails(new OrderDetails().cardType(OrderDetails.CardTypeEnum.PHYSICAL)
                    .cardholders(List.of(joe())).shippingAddress(address()))),
            Reply.json(201, "{\"orderId\":\"O-1\",\"orderStatus\":\"placed\",\"cards\":[]}"),
            card + "orderCard", List.of(),
            "{\"customerId\":\"200001\",\"customerProgramId\":\"300001\",\"orderDetails\":{\"cardType\":\"physical\","
                + "\"cardholders\":[" + JOE_JSON + "],\"shippingAddress\":" + ADDRESS_JSON + "},\"sessionId\":\"S-ops-7\"}"),
        new Case("orderInstantIssueCard", c -> c.cards().orderInstantIssue(new OrderInstantIssueRequest()
                .customerId("200001").customerProgramId("300001").quantity(3).shippingAddress(address())),
            Reply.json(201, "{\"orderId\":\"O-2\",\"orderStatus\":\"placed\"}"),
            card + "orderInstantIssueCard", List.of(),
            "{\"customerId\":\"200001\",\"customerProgramId\":\"300001\",\"quantity\":3,\"shippingAddress\":"
                + ADDRESS_JSON + ",\"sessionId\":\"S-ops-7\"}"),
        new Case("registerCard", c -> c.cards().register(new RegisterCardRequest().customerId("200001")
                .customerProgramId("300001").proxyKey("PK11").cardholder(joe())),
            Reply.json(200, "{\"orderId\":\"O-3\",\"proxyKey\":\"PK11\",\"cardholderId\":\"400001\"}"),
            card + "registerCard", List.of(),
            "{\"customerId\":\"200001\",\"customerProgramId\":\"300001\",\"proxyKey\":\"PK11\",\"cardholder\":"
                + JOE_JSON + ",\"sessionId\":\"S-ops-7\"}"),
        new Case("registerCards", c -> c.cards().registerAll(new RegisterCardsRequest().customerId("200001")
                .customerProgramId("300001").cards(List.of(new CardRegistration().proxyKey("PK12").cardholder(joe()),
                    new CardRegistration().panNumber("4000000000000013").cardholder(joe())))),
            Reply.json(200, "{\"orderIds\":[\"O-4\",\"O-5\"]}"),
            card + "registerCards", List.of(),
            "{\"customerId\":\"200001\",\"customerProgramId\":\"300001\",\"cards\":[{\"proxyKey\":\"PK12\",\"cardholder\":"
                + JOE_JSON + "},{\"panNumber\":\"4000000000000013\",\"cardholder\":" + JOE_JSON + "}],"
                + "\"sessionId\":\"S-ops-7\"}"),
        new Case("searchCards", c -> c.cards().search(CardSearch.builder().customerId("200001")
                .query(PtQuery.startsWith("proxyKey", "PK")).status(CardStatus.ACTIVE).expDate(LocalDate.of(2029, 12, 24))
                .proxyKey("PK1").sort(PtSort.desc("balance").thenAsc("proxyKey")).limit(20).offset(40).build()),
            Reply.json(200, "{\"cards\":[{\"proxyKey\":\"PK1\",\"status\":\"active\"}],\"total\":1}"),
            card + "searchCards", List.of("q=proxyKey%3APK%2A", "limit=20", "offset=40",
                "sort_by=desc%28balance%29%2Casc%28proxyKey%29", "status=active", "expDate=12242029", "proxyKey=PK1"),
            "{\"customerId\":\"200001\",\"sessionId\":\"S-ops-7\"}"),
        new Case("changeCardStatus", c -> c.cards().changeStatus("PK1", CardStatus.SUSPENDED, "reported by phone"),
            Reply.json(200, "{\"proxyKey\":\"PK1\",\"status\":\"suspended\"}"),
            card + "changeCardStatus", List.of(),
            "{\"proxyKey\":\"PK1\",\"status\":\"suspended\",\"reason\":\"reported by phone\",\"sessionId\":\"S-ops-7\"}"),
        new Case("duplicateCard", c -> c.cards().duplicate("PK1"),
            Reply.json(201, "{\"orderId\":\"O-6\",\"orderStatus\":\"placed\"}"),
            card + "duplicateCard", List.of(), "{\"proxyKey\":\"PK1\",\"sessionId\":\"S-ops-7\"}"),
        new Case("loadCard", c -> c.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("25.00"))
                .referenceId("payroll-1").memo("December")),
            Reply.json(200, "{\"transactionId\":\"T-1\",\"referenceId\":\"payroll-1\",\"type\":\"load\",\"amount\":25.00}"),
            card + "loadCard", List.of(),
            "{\"proxyKey\":\"PK1\",\"amount\":25.00,\"referenceId\":\"payroll-1\",\"memo\":\"December\",\"sessionId\":\"S-ops-7\"}"),
        new Case("unloadCard", c -> c.cards().unload(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("5.50"))
                .referenceId("back-1")),
            Reply.json(200, "{\"transactionId\":\"T-2\",\"referenceId\":\"back-1\",\"type\":\"unload\",\"amount\":5.50}"),
            card + "unloadCard", List.of(),
            "{\"proxyKey\":\"PK1\",\"amount\":5.50,\"referenceId\":\"back-1\",\"sessionId\":\"S-ops-7\"}"),
        new Case("getLoadHistory", c -> c.cards().loadHistory("PK1", 10, 30),
            Reply.json(200, "{\"transactions\":[],\"total\":0}"),
            card + "getLoadHistory", List.of("limit=10", "offset=30"),
            "{\"proxyKey\":\"PK1\",\"sessionId\":\"S-ops-7\"}"),
        new Case("searchCardholders", c -> c.cardholders().search(CardholderSearch.builder().customerId("200001")
                .query(PtQuery.field("firstName", "joe").and(PtQuery.range("age", "20", "30")))
                .status(CardholderStatus.ACTIVE).email("joe@example.com").sort(PtSort.asc("lastName")).limit(5).build()),
            Reply.json(200, "{\"cardholders\":[],\"total\":0}"),
            holder + "searchCardholders", List.of("q=firstName%3Ajoe%20AND%20age%3A%5B20%20TO%2030%5D", "limit=5",
                "sort_by=asc%28lastName%29", "status=active", "email=joe%40example.com"),
            "{\"customerId\":\"200001\",\"sessionId\":\"S-ops-7\"}"),
        new Case("getCardholder", c -> c.cardholders().get("400001"),
            Reply.json(200, "{\"cardholderId\":\"400001\",\"status\":\"active\"}"),
            holder + "getCardholder", List.of(), "{\"cardholderId\":\"400001\",\"sessionId\":\"S-ops-7\"}"),
        new Case("updateCardholder", c -> c.cardholders().update(new UpdateCardholderRequest().cardholderId("400001")
                .email("joe@example.com").phone("+15125550100")),
            Reply.json(200, "{\"cardholderId\":\"400001\",\"status\":\"active\"}"),
            holder + "updateCardholder", List.of(),
            "{\"cardholderId\":\"400001\",\"email\":\"joe@example.com\",\"phone\":\"+15125550100\",\"sessionId\":\"S-ops-7\"}"));
  }

  private static void keyedJsonPost(RawServer.Request r) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.headerValues(HEADER)).containsExactly(KEY);
    assertThat(r.headerValues("Ocp-Apim-Subscription-Key")).isEmpty();
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }

  private static List<String> query(RawServer.Request r) {
    int q = r.target().indexOf('?');
    return q < 0 ? List.of() : Arrays.asList(r.target().substring(q + 1).split("&"));
  }

  private static String text(RawServer.Request r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private void assertLogin(RawServer.Request login) {
    keyedJsonPost(login);
    assertThat(login.target()).isEqualTo("/_ah/api/userendpoint/v1/login");
    assertThat(text(login)).isEqualTo(LOGIN_BODY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionOperations")
  void eachOperationWithASessionIsTheLoginThenItsExactRequest(Case c) {
    server.then(Reply.json(200, SESSION), c.reply());

    c.call().accept(client);

    assertThat(server.requests()).hasSize(2);
    assertLogin(server.requests().get(0));
    RawServer.Request r = server.requests().get(1);
    keyedJsonPost(r);
    assertThat(r.path()).isEqualTo(c.path());
    assertThat(query(r)).containsExactlyInAnyOrderElementsOf(c.query());
    assertThat(text(r)).isEqualTo(c.body());
  }

  @Test
  void loginIsItsCredentialsAloneAndAnswersTheBusiness() {
    server.then(Reply.json(200, SESSION));

    assertThat(client.loginCustomerId()).isEqualTo("100001");

    assertThat(server.requests()).hasSize(1);
    assertLogin(server.requests().get(0));
  }

  @Test
  void logoutCarriesOnlyTheSession() {
    server.then(Reply.json(200, SESSION), Reply.full(204, "application/json", ""));

    client.loginCustomerId();
    client.close();

    assertThat(server.requests()).hasSize(2);
    RawServer.Request logout = server.requests().get(1);
    keyedJsonPost(logout);
    assertThat(logout.target()).isEqualTo("/_ah/api/userendpoint/v1/logout");
    assertThat(text(logout)).isEqualTo("{\"sessionId\":\"S-ops-7\"}");
  }

  @Test
  void resetPasswordNeedsNoSessionAndSendsOnlyTheLogin() {
    server.then(Reply.full(204, "application/json", ""));

    client.resetPassword("forgetful@example.com");

    assertThat(server.requests()).hasSize(1);
    RawServer.Request reset = server.requests().get(0);
    keyedJsonPost(reset);
    assertThat(reset.target()).isEqualTo("/_ah/api/userendpoint/v1/resetPassword");
    assertThat(text(reset)).isEqualTo("{\"loginID\":\"forgetful@example.com\"}");
  }

  @Test
  void theCasesCoverEveryOperationOfTheSpec() {
    List<String> covered = new java.util.ArrayList<>(sessionOperations().map(Case::operationId).toList());
    covered.addAll(List.of("login", "logout", "resetPassword"));
    List<String> all = dev.paykit.core.internal.spec.ApiSpec.load("ptapi").operations().stream()
        .map(dev.paykit.core.internal.spec.OperationSpec::operationId).toList();
    assertThat(all).hasSize(18);
    assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
  }
}
