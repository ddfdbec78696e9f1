package dev.paykit.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.support.SandboxTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy in front of the real sandbox (MockServer): a clean request gets the simulator's own answer,
 * kept alive; a request dropped after processing really reached the simulator (the payment is stored)
 * although the client got nothing; a 503 storm never reaches it.
 */
@SandboxTest
class FaultInjectionProxySandboxTest {

  private final ConcurrentLinkedQueue<FaultPlan.Decision> script = new ConcurrentLinkedQueue<>();
  private PaykitSandbox sandbox;
  private FaultInjectionProxy proxy;

  @BeforeEach
  void start(PaykitSandbox sandbox) {
    this.sandbox = sandbox;
    FaultPlan scripted = request -> {
      FaultPlan.Decision next = script.poll();
      return next == null ? FaultPlan.Decision.CLEAN : next;
    };
    proxy = FaultInjectionProxy.start(sandbox.port(), scripted, status -> "{\"error\":\"unavailable\"}",
        Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  @Test
  void cleanRequestsGetTheSimulatorsAnswerOnAKeptAliveConnection() throws IOException {
    try (Socket s = connect()) {
      create(s, "order-1");
      String first = readAnswer(s);
      create(s, "order-1");
      String second = readAnswer(s);

      assertThat(first).startsWith("HTTP/1.1 200").contains("\"existing\":false");
      assertThat(second).startsWith("HTTP/1.1 200").contains("\"existing\":true");
    }
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  void aRequestDroppedAfterProcessingWasBookedByTheSimulator() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.DROP_AFTER_PROCESSING));
    try (Socket s = connect()) {
      create(s, "order-2");
      assertThat(s.getInputStream().readAllBytes()).isEmpty();
    }
    assertThat(sandbox.promptCash().payment("order-2")).isPresent();
  }

  @Test
  void aStormNeverReachesTheSimulator() throws IOException {
    script.add(FaultPlan.Decision.of(FaultKind.STORM_503));
    try (Socket s = connect()) {
      create(s, "order-3");
      assertThat(readAnswer(s)).startsWith("HTTP/1.1 503").endsWith("{\"error\":\"unavailable\"}");
    }
    assertThat(sandbox.promptCash().payment("order-3")).isEmpty();
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static void create(Socket s, String txId) throws IOException {
    byte[] body = ("token=" + PromptCashSimulator.PUBLIC_TOKEN + "&tx_id=" + txId + "&amount=1.00&currency=USD")
        .getBytes(StandardCharsets.UTF_8);
    String head = "POST " + PromptCashSimulator.PATH_PREFIX + "/create-payment HTTP/1.1\r\nHost: sandbox\r\n"
        + "Authorization: " + PromptCashSimulator.SECRET_TOKEN + "\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** One whole answer (head and Content-Length body) as text, the connection left open. */
  private static String readAnswer(Socket s) throws IOException {
    var in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed inside the head: " + head);
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
