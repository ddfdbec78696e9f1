package dev.paykit.sandbox;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prunny.Fixtures;
import dev.paykit.sandbox.prunny.PrunnyHttp;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lifecycle, reset and concurrency of the sandbox as a whole. */
class PaykitSandboxTest {
  private static PaykitSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    http = new SandboxHttp(sandbox.promptCash().baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  private static HttpResponse<String> create(String txId) {
    return http.post("/create-payment", form("token", PromptCashSimulator.PUBLIC_TOKEN,
        "tx_id", txId, "amount", "1.00", "currency", "USD"));
  }

  @Test
  void baseUrlIsLoopbackWithTheChosenPortAndThePrefix() {
    assertThat(sandbox.port()).isPositive();
    assertThat(sandbox.mockServer().getLocalPort()).isEqualTo(sandbox.port());
    assertThat(sandbox.promptCash().baseUrl())
        .isEqualTo("http://127.0.0.1:" + sandbox.port() + "/promptcash/api/v1");
  }

  @Test
  void resetClearsStateFaultsSettingsAndRecordedRequests() {
    create("order-1");
    http.post("/surl/create", form("url", "https://x.example", "amount", "0", "currency", "BCH",
        "mode", "PASS"));
    sandbox.promptCash().enforceSignatures(true).failNext(5, 503);
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isNotEmpty();

    sandbox.reset();

    assertThat(sandbox.promptCash().paymentCount()).isZero();
    assertThat(sandbox.promptCash().shortUrlCount()).isZero();
    assertThat(sandbox.mockServer().retrieveRecordedRequests(request())).isEmpty();
    HttpResponse<String> afterReset = create("order-1");
    assertThat(afterReset.statusCode()).as("no fault, no signature needed").isEqualTo(200);
    assertThat(json(afterReset).get("payment").get("id").asLong()).as("sequence restarts").isEqualTo(1);
  }

  /**
   * Answers a test scripts through mockServer() (here one ahead of the simulator, one on a path of its
   * own, both unlimited) are gone after a reset; the simulators still answer under their prefixes.
   */
  @Test
  void resetRemovesExpectationsAddedThroughTheMockServerAndKeepsTheRoutes() {
    sandbox.mockServer().when(request().withPath(PromptCashSimulator.PATH_PREFIX + "/create-payment"),
        org.mockserver.matchers.Times.unlimited(), org.mockserver.matchers.TimeToLive.unlimited(), 100)
        .respond(org.mockserver.model.HttpResponse.response().withStatusCode(418));
    sandbox.mockServer().when(request().withPath("/scripted"))
        .respond(org.mockserver.model.HttpResponse.response().withStatusCode(200).withBody("scripted"));
    SandboxHttp origin = new SandboxHttp("http://127.0.0.1:" + sandbox.port());
    assertThat(create("order-1").statusCode()).isEqualTo(418);
    assertThat(origin.get("/scripted").statusCode()).isEqualTo(200);

    sandbox.reset();

    assertThat(create("order-1").statusCode()).as("the simulator answers again").isEqualTo(200);
    assertThat(origin.get("/scripted").statusCode()).as("MockServer's own no-match").isEqualTo(404);
    assertThat(new PrunnyHttp(sandbox.prunny().baseUrl(), Instant::now)
        .get("/v1/accounts/balance/" + Fixtures.ACCOUNT_ADAEZE).statusCode()).isEqualTo(200);
  }

  @Test
  void recordsRequestsForInspection() {
    create("order-1");

    org.mockserver.model.HttpRequest[] recorded = sandbox.mockServer().retrieveRecordedRequests(
        request().withPath(PromptCashSimulator.PATH_PREFIX + "/create-payment"));

    assertThat(recorded).hasSize(1);
    assertThat(recorded[0].getFirstHeader("Authorization")).isEqualTo(PromptCashSimulator.SECRET_TOKEN);
    assertThat(recorded[0].getBodyAsString()).contains("tx_id=order-1");
  }

  /** Many clients racing on one tx_id: exactly one creates it, the others see existing:true. */
  @Test
  void concurrentCreatesOfOneTxIdCreateExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> calls =
          IntStream.range(0, 32).<Callable<HttpResponse<String>>>mapToObj(i -> () -> create("race")).toList();
      long created = 0;
      for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
        HttpResponse<String> response = result.get();
        assertThat(response.statusCode()).isEqualTo(200);
        created += json(response).get("existing").asBoolean() ? 0 : 1;
      }
      assertThat(created).isEqualTo(1);
      assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void prunnyIsMountedUnderItsPrefixAndResetRestoresItsFixtures() {
    assertThat(sandbox.prunny().baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/prunny");
    PrunnyHttp prunny = new PrunnyHttp(sandbox.prunny().baseUrl(), Instant::now);
    String transfer = PrunnyHttp.intraTransfer("ref-1", Fixtures.ACCOUNT_ADAEZE,
        Fixtures.ACCOUNT_BABATUNDE, "10.00");
    assertThat(json(prunny.post("/v1/transactions/singletransferwithbank", "key-1", transfer))
        .get("status").asText()).isEqualTo("00");
    sandbox.prunny().transferLimit(BigDecimal.ONE).respondNextWithCode(1, "96");
    sandbox.prunny().failNext(1, 503);

    sandbox.reset();

    assertThat(sandbox.prunny().availableBalance(Fixtures.ACCOUNT_ADAEZE))
        .isEqualByComparingTo(Fixtures.BALANCE_ADAEZE);
    assertThat(sandbox.prunny().transfers()).isEmpty();
    assertThat(sandbox.prunny().requestsWithKey("key-1")).isZero();
    HttpResponse<String> again = prunny.post("/v1/transactions/singletransferwithbank", "key-1", transfer);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).as("saved answers are gone").isEmpty();
    assertThat(json(again).get("status").asText()).as("no fault, limit or code left").isEqualTo("00");
    assertThat(json(again).get("data").get("transactionRef").asText()).as("sequence restarts")
        .isEqualTo("PRN000000000001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/other/api", "/promptcash/api/v1x", "/promptcash/api/v2/get-payments",
      "/prunnyx/v1/accounts"})
  void pathsOutsideThePrefixAreNotTheSimulators(String path) {
    SandboxHttp origin = new SandboxHttp("http://127.0.0.1:" + sandbox.port());

    HttpResponse<String> response = SandboxHttp.send(origin.get(path, PromptCashSimulator.SECRET_TOKEN));

    // MockServer's own "no expectation matched": 404 with an empty body, not the simulator's JSON.
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void startsOnARequestedPortAndClosesIdempotently() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    PaykitSandbox second = PaykitSandbox.start(port);
    try {
      assertThat(second.port()).isEqualTo(port);
      assertThat(second.promptCash().baseUrl()).contains(":" + port + "/");
      HttpResponse<String> response =
          SandboxHttp.send(new SandboxHttp(second.promptCash().baseUrl()).get("/get-payments", null));
      assertThat(response.statusCode()).isEqualTo(401);
    } finally {
      second.close();
      second.close();
    }
    assertThat(second.mockServer().isRunning()).isFalse();
  }
}
