package dev.paykit.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy itself, against a tiny upstream that counts what reached it, driven through raw sockets so
 * every byte the client receives is visible: each fault kind does what it says, clean exchanges pass
 * through unchanged on a kept-alive connection, faults are counted and journalled. Also the seeded plan.
 */
class FaultInjectionProxyTest {

  private static final String BODY = "{\"payment\":{\"tx_id\":\"order-1\",\"status\":\"PENDING\"},\"existing\":false}";

  private HttpServer upstream;
  private final AtomicInteger hits = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<FaultPlan.Decision> script = new ConcurrentLinkedQueue<>();
  private FaultInjectionProxy proxy;

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      hits.incrementAndGet();
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    upstream.start();
    FaultPlan scripted = request -> {
      FaultPlan.Decision next = script.poll();
      return next == null ? FaultPlan.Decision.CLEAN : next;
    };
    proxy = FaultInjectionProxy.start(upstream.getAddress().getPort(), scripted,
        status -> "{\"error\":\"unavailable " + status + "\"}", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.stop(0);
  }

  @Test
  void cleanRequestsPassThroughUnchangedOnOneKeptAliveConnection() throws IOException {
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1&amount=1.00");
      Reply first = readReply(s);
      send(s, "POST", "/api/create-payment", "tx_id=order-2&amount=2.00");
      Reply second = readReply(s);

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo(BODY);
      assertThat(first.header("content-length")).isEqualTo(Integer.toString(BODY.length()));
      assertThat(second.body()).isEqualTo(BODY);
    }
    assertThat(received).containsExactly("POST /api/create-payment tx_id=order-1&amount=1.00",
        "POST /api/create-payment tx_id=order-2&amount=2.00");
    assertThat(proxy.faultCounts().values()).containsOnly(0);
    assertThat(proxy.exchanges(0)).extracting(FaultInjectionProxy.Exchange::upstreamStatus).containsExactly(200, 200);
  }

  @Test
  void storm503AnswersWithTheProviderErrorBodyWithoutForwardingAndKeepsTheConnection() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.STORM_503));
    script.add(FaultPlan.Decision.of(FaultKind.STORM_503));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      Reply first = readReply(s);
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      Reply second = readReply(s);
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      Reply third = readReply(s);

      assertThat(first.status()).isEqualTo(503);
      assertThat(first.header("content-type")).isEqualTo("application/json");
      assertThat(first.body()).isEqualTo("{\"error\":\"unavailable 503\"}");
      assertThat(second.status()).isEqualTo(503);
      assertThat(third.status()).isEqualTo(200);
    }
    assertThat(hits).hasValue(1); // only the third reached the upstream
    assertThat(proxy.faultCounts()).containsEntry(FaultKind.STORM_503, 2);
    assertThat(proxy.exchanges(0)).extracting(FaultInjectionProxy.Exchange::forwarded).containsExactly(false, false, true);
    assertThat(proxy.exchanges(0)).noneMatch(FaultInjectionProxy.Exchange::answerLost);
  }

  @Test
  void dropAfterProcessingReachesTheUpstreamThenClosesWithNothingSent() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.DROP_AFTER_PROCESSING));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      assertThat(readAll(s)).isEmpty(); // orderly close (FIN), not a reset
    }
    assertThat(hits).hasValue(1);
    assertThat(proxy.faultCounts()).containsEntry(FaultKind.DROP_AFTER_PROCESSING, 1);
    assertThat(proxy.exchanges(0)).singleElement().satisfies(e -> {
      assertThat(e.upstreamStatus()).isEqualTo(200);
      assertThat(e.answerLost()).isTrue();
    });
  }

  @Test
  void dropAfterProcessingWithHeadersFirstSendsTheHeadersOfTheWholeBodyAndNoBody() throws IOException {
    script.add(new FaultPlan.Decision(FaultKind.DROP_AFTER_PROCESSING, true));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      String raw = new String(readAll(s), StandardCharsets.ISO_8859_1);

      assertThat(raw).startsWith("HTTP/1.1 200 ");
      assertThat(raw.toLowerCase(Locale.ROOT)).contains("content-length: " + BODY.length() + "\r\n");
      assertThat(raw).endsWith("\r\n\r\n"); // the head, and not one byte of the body
    }
    assertThat(hits).hasValue(1);
  }

  @Test
  void readTimeoutForwardsThenSendsNothingUntilTheClientGivesUp() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.READ_TIMEOUT));
    try (Socket s = connect()) {
      s.setSoTimeout(300);
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(hits).hasValue(1);
    assertThat(proxy.faultCounts()).containsEntry(FaultKind.READ_TIMEOUT, 1);
  }

  @Test
  void truncatedBodyHasNoContentLengthClosesAndCarriesExactlyHalfTheBody() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.TRUNCATED_BODY));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      String raw = new String(readAll(s), StandardCharsets.ISO_8859_1);
      String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 4);
      String body = raw.substring(head.length());

      assertThat(head).startsWith("HTTP/1.1 200 ");
      assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("content-length").contains("connection: close\r\n")
          .contains("content-type: application/json");
      assertThat(body).isEqualTo(BODY.substring(0, BODY.length() / 2));
    }
    assertThat(hits).hasValue(1);
    assertThat(proxy.faultCounts()).containsEntry(FaultKind.TRUNCATED_BODY, 1);
  }

  @Test
  void gatewayHtmlForwardsThenAnswers502WithAnHtmlPageAndKeepsTheConnection() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.GATEWAY_HTML));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      Reply reply = readReply(s);
      send(s, "POST", "/api/create-payment", "tx_id=order-2");
      Reply next = readReply(s);

      assertThat(reply.status()).isEqualTo(502);
      assertThat(reply.header("content-type")).startsWith("text/html");
      assertThat(reply.body()).contains("<h1>502 Bad Gateway</h1>").doesNotContain("tx_id");
      assertThat(next.body()).isEqualTo(BODY);
    }
    assertThat(hits).hasValue(2);
    assertThat(proxy.exchanges(0)).extracting(FaultInjectionProxy.Exchange::answerLost).containsExactly(true, false);
  }

  @Test
  void resetForwardsThenResetsTheConnection() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.RESET));
    try (Socket s = connect()) {
      send(s, "POST", "/api/create-payment", "tx_id=order-1");
      assertThatThrownBy(() -> readAll(s)).isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
    assertThat(hits).hasValue(1);
    assertThat(proxy.faultCounts()).containsEntry(FaultKind.RESET, 1);
  }

  @Test
  void chunkedRequestBodiesAreForwardedWhole() throws IOException {
    try (Socket s = connect()) {
      String head = "POST /api/x HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
      s.getOutputStream().write((head + "5\r\ntx_id\r\n8\r\n=order-9\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(readReply(s).status()).isEqualTo(200);
    }
    assertThat(received).containsExactly("POST /api/x tx_id=order-9");
  }

  @Test
  void theSeededPlanRepeatsItselfForASeedHitsTheRateAndKeepsStormsOnOneRequest() {
    List<FaultPlan.Decision> first = decisions(new SeededFaultPlan(7L, 0.3), 10_000);
    List<FaultPlan.Decision> again = decisions(new SeededFaultPlan(7L, 0.3), 10_000);
    List<FaultPlan.Decision> other = decisions(new SeededFaultPlan(8L, 0.3), 10_000);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    long faulted = first.stream().filter(d -> !d.isClean()).count();
    assertThat(faulted).isBetween(3_000L, 4_200L); // 30 % plus the storms' follow-ups
    assertThat(EnumSet.copyOf(first.stream().filter(d -> !d.isClean()).map(FaultPlan.Decision::kind).toList()))
        .isEqualTo(EnumSet.allOf(FaultKind.class));

    // a storm lasts 1 to MAX_STORM requests and sticks to its key: other keys neither end nor extend it
    SeededFaultPlan storms = new SeededFaultPlan(1L, 1.0, EnumSet.of(FaultKind.STORM_503), true, r -> r.bodyText());
    List<Integer> lengths = new ArrayList<>();
    for (int key = 0; key < 200; key++) {
      storms.decide(request("k" + key));
      lengths.add(1 + storms.stormLeft("k" + key));
    }
    assertThat(lengths).containsOnly(1, 2, 3);
    String running = "k" + lengths.indexOf(3);
    assertThat(storms.stormLeft(running)).isEqualTo(2);
    storms.decide(request("another"));
    assertThat(storms.stormLeft(running)).isEqualTo(2);
    assertThat(storms.decide(request(running)).kind()).isEqualTo(FaultKind.STORM_503);
    assertThat(storms.stormLeft(running)).isEqualTo(1);

    // reads are left alone when asked
    SeededFaultPlan writesOnly = new SeededFaultPlan(1L, 1.0, EnumSet.allOf(FaultKind.class), false, r -> "k");
    assertThat(writesOnly.decide(new ProxiedRequest("GET", "/x", List.of(), new byte[0])).isClean()).isTrue();
    assertThat(writesOnly.decide(new ProxiedRequest("POST", "/x", List.of(), new byte[0])).isClean()).isFalse();
  }

  private static ProxiedRequest request(String body) {
    return new ProxiedRequest("POST", "/x", List.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<FaultPlan.Decision> decisions(FaultPlan plan, int n) {
    List<FaultPlan.Decision> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(plan.decide(request("r" + i / 2)));
    }
    return out;
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(5_000);
    return s;
  }

  private static void send(Socket s, String method, String path, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /** One response with a Content-Length, read without closing the connection. */
  private static Reply readReply(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed inside the head: " + head);
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new java.util.HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.get("content-length"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }

  private static byte[] readAll(Socket s) throws IOException {
    return s.getInputStream().readAllBytes();
  }
}
