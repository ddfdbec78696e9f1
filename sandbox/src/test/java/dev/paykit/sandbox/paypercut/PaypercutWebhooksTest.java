package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints and signed deliveries to a real HTTP server on loopback, with the signature
 * checked by an HMAC computed here, retries on a pinned clock, and no sleeps.
 */
class PaypercutWebhooksTest extends PaypercutSimulatorTestBase {
  /** What the receiver got: headers (lower-case names) and the exact body. */
  record Received(Map<String, String> headers, String body) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  /** Statuses the receiver answers, one per request; 200 when empty. */
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private volatile CountDownLatch hold;
  /** Counted down on every request the receiver gets. */
  private volatile CountDownLatch arrivals;

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new java.util.HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
      CountDownLatch arrived = arrivals;
      if (arrived != null) {
        arrived.countDown();
      }
      CountDownLatch wait = hold;
      if (wait != null) {
        try {
          wait.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 200 : status, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    CountDownLatch wait = hold;
    if (wait != null) {
      wait.countDown();
    }
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  private static JsonNode register(String url, String... events) {
    return registerIn(null, url, events);
  }

  private static JsonNode registerIn(String account, String url, String... events) {
    StringBuilder list = new StringBuilder();
    for (String e : events) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(e).append('"');
    }
    PaypercutHttp.Request request = http.post("/v1/webhooks",
        "{\"name\": \"shop\", \"url\": \"" + url + "\", \"enabled_events\": [" + list + "]}");
    return (account == null ? request : request.account(account)).ok();
  }

  /** hex(HMAC-SHA256(secret, t + "." + body)), computed here, independently of the simulator. */
  private static String hmac(String secret, String t, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEndpointGetsAFreshSecretShownOnlyWhenItIsCreated() {
    JsonNode created = register(url(), "payment_intent.captured");
    JsonNode second = register(url(), "payment_intent.captured");

    assertThat(created.get("id").asText()).isEqualTo("wh_0000000001");
    assertThat(created.get("status").asText()).isEqualTo("enabled");
    assertThat(created.get("secret").asText()).matches("whsec_[0-9a-f]{48}");
    assertThat(second.get("secret").asText()).isNotEqualTo(created.get("secret").asText());
    JsonNode fetched = http.get("/v1/webhooks/wh_0000000001").ok();
    assertThat(fetched.has("secret")).isFalse();
    assertThat(fetched.get("url").asText()).isEqualTo(url());
    assertThat(http.get("/v1/webhooks").ok().get("items")).extracting(w -> w.get("id").asText())
        .containsExactly("wh_0000000002", "wh_0000000001");
    assertThat(http.get("/v1/webhooks").ok().toString()).doesNotContain("whsec_");
  }

  @Test
  void endpointFieldsAreChecked() {
    assertInvalid(http.post("/v1/webhooks", "{\"name\": \"x\", \"url\": \"" + url()
        + "\", \"enabled_events\": [\"payment_intent.succeeded\"]}").send(), "parameter_invalid", "enabled_events[0]");
    assertInvalid(http.post("/v1/webhooks", "{\"name\": \"x\", \"url\": \"" + url()
        + "\", \"enabled_events\": []}").send(), "parameter_invalid", "enabled_events");
    assertInvalid(http.post("/v1/webhooks", "{\"name\": \"x\", \"url\": \"/hooks\", \"enabled_events\": "
        + "[\"payment_intent.captured\"]}").send(), "parameter_invalid", "url");
    assertInvalid(http.post("/v1/webhooks", "{\"name\": \"x\", \"url\": \"ftp://127.0.0.1/x\", \"enabled_events\": "
        + "[\"payment_intent.captured\"]}").send(), "parameter_invalid", "url");
    assertInvalid(http.post("/v1/webhooks", "{\"url\": \"" + url() + "\", \"enabled_events\": "
        + "[\"payment_intent.captured\"]}").send(), "parameter_missing", "name");
  }

  @Test
  void aDeletedEndpointIsGone() {
    register(url(), "payment_intent.captured");

    JsonNode deleted = http.delete("/v1/webhooks/wh_0000000001").ok();

    assertThat(deleted.get("deleted").asBoolean()).isTrue();
    assertError(http.get("/v1/webhooks/wh_0000000001").send(), 404, "invalid_request_error", "resource_missing", "id");
    paidIntent(100, "eur");
    paypercut.flushDeliveries();
    assertThat(received).isEmpty();
  }

  @Test
  void eventsArePostedSignedWithTheDocumentedHeaders() throws Exception {
    String secret = register(url(), "payment_intent.authorized", "payment_intent.captured").get("secret").asText();
    String intent = paidIntent(1500, "eur").get("id").asText();

    paypercut.flushDeliveries();

    assertThat(received).hasSize(2);
    JsonNode events = http.get("/v1/events").ok().get("items");
    assertThat(paypercut.deliveries()).extracting(Delivery::eventType)
        .containsExactly("payment_intent.authorized", "payment_intent.captured");
    for (int i = 0; i < 2; i++) {
      Received got = received.get(i);
      Delivery delivery = paypercut.deliveries().get(i);
      assertThat(got.headers().get("content-type")).isEqualTo("application/json");
      assertThat(got.headers().get("paypercut-event-id")).isEqualTo(delivery.eventId());
      assertThat(got.headers().get("paypercut-delivery-id")).isEqualTo(delivery.deliveryId());
      assertThat(got.body()).isEqualTo(delivery.body());
      assertThat(got.body()).as("the event as GET /v1/events/{id} answers it, byte for byte")
          .isEqualTo(http.get("/v1/events/" + delivery.eventId()).send().body());
      String signature = got.headers().get("paypercut-signature");
      assertThat(signature).isEqualTo(delivery.signature());
      assertThat(signature).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + hmac(secret,
          String.valueOf(NOW.getEpochSecond()), got.body()));
      assertThat(delivery.status()).isEqualTo(200);
      assertThat(delivery.delivered()).isTrue();
      assertThat(delivery.attempt()).isEqualTo(1);
    }
    JsonNode authorized = PaypercutHttp.json(received.get(0).body());
    assertThat(authorized.get("type").asText()).isEqualTo("payment_intent.authorized");
    assertThat(authorized.get("livemode").asBoolean()).isFalse();
    assertThat(authorized.get("account").isNull()).isTrue();
    assertThat(authorized.get("api_version").asText()).isEqualTo("v1");
    assertThat(authorized.get("created").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(authorized.get("data").get("object").get("id").asText()).isEqualTo(intent);
    assertThat(authorized.get("data").get("object").get("status").asText()).isEqualTo("processing");
    JsonNode captured = PaypercutHttp.json(received.get(1).body());
    assertThat(captured.get("data").get("object").get("status").asText()).isEqualTo("succeeded");
    assertThat(captured.get("data").get("object").get("amount_received").asLong()).isEqualTo(1500);
    assertThat(events).hasSize(2);
    assertThat(paypercut.pendingDeliveries()).isZero();
  }

  @Test
  void manualCaptureSendsAuthorizedThenCapturedWhenCaptured() {
    register(url(), "payment_intent.authorized", "payment_intent.captured");
    String intent = authorizedIntent(1000, "eur").get("id").asText();
    paypercut.flushDeliveries();
    assertThat(received).hasSize(1);
    assertThat(PaypercutHttp.json(received.get(0).body()).get("data").get("object").get("status").asText())
        .isEqualTo("requires_capture");

    http.post("/v1/payment_intents/" + intent + "/capture", "{\"amount_to_capture\": 400}").ok();
    paypercut.flushDeliveries();

    assertThat(received).hasSize(2);
    JsonNode captured = PaypercutHttp.json(received.get(1).body());
    assertThat(captured.get("type").asText()).isEqualTo("payment_intent.captured");
    assertThat(captured.get("data").get("object").get("amount_received").asLong()).isEqualTo(400);
  }

  @Test
  void onlySubscribedTypesAreDelivered() {
    register(url(), "payment_intent.captured");

    paidIntent(100, "eur");
    paypercut.flushDeliveries();

    assertThat(paypercut.deliveries()).extracting(Delivery::eventType).containsExactly("payment_intent.captured");
  }

  @Test
  void aFailedDeliveryIsRetriedWhenItsTimeComesWithTheSameEventIdAndANewDeliveryId() throws Exception {
    String secret = register(url(), "payment_intent.captured").get("secret").asText();
    statuses.add(500);
    paidIntent(100, "eur");

    paypercut.flushDeliveries();
    assertThat(paypercut.deliveries()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(500));
    assertThat(paypercut.pendingDeliveries()).as("the retry waits for its time").isEqualTo(1);
    paypercut.advanceClock(Duration.ofMillis(999));
    paypercut.flushDeliveries();
    assertThat(paypercut.deliveries()).hasSize(1);
    paypercut.advanceClock(Duration.ofMillis(1));
    paypercut.flushDeliveries();

    List<Delivery> deliveries = paypercut.deliveries();
    assertThat(deliveries).hasSize(2);
    Delivery retry = deliveries.get(1);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.delivered()).isTrue();
    assertThat(retry.eventId()).isEqualTo(deliveries.get(0).eventId());
    assertThat(retry.deliveryId()).isNotEqualTo(deliveries.get(0).deliveryId());
    assertThat(retry.body()).isEqualTo(deliveries.get(0).body());
    assertThat(received).hasSize(2);
    assertThat(received.get(1).headers().get("paypercut-event-id")).isEqualTo(retry.eventId());
    assertThat(received.get(1).headers().get("paypercut-delivery-id")).isEqualTo(retry.deliveryId());
    long t = NOW.getEpochSecond() + 1;
    assertThat(received.get(1).headers().get("paypercut-signature"))
        .as("signed again with the clock of the retry")
        .isEqualTo("t=" + t + ",v1=" + hmac(secret, String.valueOf(t), retry.body()));
    assertThat(paypercut.pendingDeliveries()).isZero();
  }

  @Test
  void afterFiveFailedAttemptsTheEventIsGivenUp() {
    register(url(), "payment_intent.captured");
    for (int i = 0; i < 10; i++) {
      statuses.add(503);
    }
    paidIntent(100, "eur");

    paypercut.flushDeliveries();
    for (long wait : new long[] {1, 2, 4, 8, 16}) {
      paypercut.advanceClock(Duration.ofSeconds(wait));
      paypercut.flushDeliveries();
    }

    assertThat(paypercut.deliveries()).extracting(Delivery::attempt).containsExactly(1, 2, 3, 4, 5);
    assertThat(paypercut.deliveries()).extracting(Delivery::attemptedAt).containsExactly(NOW,
        NOW.plusSeconds(1), NOW.plusSeconds(3), NOW.plusSeconds(7), NOW.plusSeconds(15));
    assertThat(paypercut.deliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(503));
    assertThat(paypercut.pendingDeliveries()).isZero();
    assertThat(received).hasSize(PaypercutSimulator.MAX_DELIVERY_ATTEMPTS);
  }

  @Test
  void aRefusedConnectionIsRetried() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    register("http://127.0.0.1:" + closed + "/hooks", "payment_intent.captured");
    paidIntent(100, "eur");

    paypercut.flushDeliveries();

    assertThat(paypercut.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.status()).isZero();
      assertThat(d.error()).startsWith("connection failed");
      assertThat(d.signature()).startsWith("t=");
    });
    assertThat(paypercut.pendingDeliveries()).isEqualTo(1);
  }

  @Test
  void anEndpointThatDoesNotAnswerInTimeFailsTheAttempt() {
    paypercut.deliveryTimeout(Duration.ofMillis(300));
    hold = new CountDownLatch(1);
    register(url(), "payment_intent.captured");
    paidIntent(100, "eur");

    paypercut.flushDeliveries();
    hold.countDown();

    assertThat(paypercut.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.status()).isZero();
      assertThat(d.error()).isEqualTo("timed out after PT0.3S");
    });
    assertThat(paypercut.pendingDeliveries()).isEqualTo(1);
  }

  @Test
  void aUrlThatIsNotLoopbackIsNeverSentToNorRetried() {
    register("https://shop.example.com/hooks", "payment_intent.captured");
    paidIntent(100, "eur");

    paypercut.flushDeliveries();
    paypercut.advanceClock(Duration.ofMinutes(1));
    paypercut.flushDeliveries();

    assertThat(paypercut.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.refused()).isTrue();
      assertThat(d.signature()).isNull();
      assertThat(d.error()).contains("shop.example.com");
    });
    assertThat(paypercut.pendingDeliveries()).isZero();
  }

  @Test
  void deletingAnEndpointDropsItsPendingRetries() {
    register(url(), "payment_intent.captured");
    statuses.add(500);
    paidIntent(100, "eur");
    paypercut.flushDeliveries();
    assertThat(paypercut.pendingDeliveries()).isEqualTo(1);

    http.delete("/v1/webhooks/wh_0000000001").ok();
    paypercut.advanceClock(Duration.ofSeconds(10));
    paypercut.flushDeliveries();

    assertThat(paypercut.pendingDeliveries()).isZero();
    assertThat(received).hasSize(1);
  }

  @Test
  void anAccountsEventsGoToItsOwnEndpointsOnly() {
    String connected = connectedAccount();
    register(url() + "?platform", "payment_intent.captured");
    registerIn(connected, url() + "?connected", "payment_intent.captured");

    http.post("/v1/payment_intents", PaypercutHttp.intent(100, "eur", PaypercutSimulator.CARD_VISA, true,
        "automatic")).account(connected).ok();
    paypercut.flushDeliveries();

    assertThat(paypercut.deliveries()).singleElement().satisfies(d -> assertThat(d.url()).endsWith("?connected"));
    assertThat(PaypercutHttp.json(received.get(0).body()).get("account").asText()).isEqualTo(connected);
  }

  @Test
  void deliveriesHappenOnTheirOwnWithoutBeingFlushed() throws InterruptedException {
    arrivals = new CountDownLatch(1);
    register(url(), "payment_intent.captured");

    paidIntent(100, "eur");

    assertThat(arrivals.await(10, TimeUnit.SECONDS)).as("delivered by the background thread").isTrue();
    assertThat(paypercut.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
    assertThat(received).hasSize(1);
    assertThat(paypercut.deliveries()).hasSize(1);
  }

  @Test
  void resetForgetsDeliveriesAndPendingRetries() {
    register(url(), "payment_intent.captured");
    statuses.add(500);
    paidIntent(100, "eur");
    paypercut.flushDeliveries();

    sandbox.reset();

    assertThat(paypercut.deliveries()).isEmpty();
    assertThat(paypercut.pendingDeliveries()).isZero();
  }

  /**
   * The signing function against a vector computed with openssl:
   * {@code printf '%s' '1795255200.{"id":"evt_1","type":"payment_intent.captured"}' | openssl dgst
   * -sha256 -hmac whsec_paykit_vector}.
   */
  @Test
  void theSignatureMatchesAnIndependentlyComputedVector() {
    byte[] body = "{\"id\":\"evt_1\",\"type\":\"payment_intent.captured\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Signature.header("whsec_paykit_vector", 1795255200L, body)).isEqualTo(
        "t=1795255200,v1=33e535658c99afee84ca36aa476bdc8462d67653b10451ad0df7d717c38ea122");
  }
}
