package dev.paykit.tests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.tests.support.RawServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scripted server itself, spoken to over a plain socket. */
class RawServerTest {

  private RawServer server;
  private Socket socket;

  @BeforeEach
  void start() throws IOException {
    server = RawServer.start();
    socket = connect();
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
    server.close();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1)));
    s.setSoTimeout(5000);
    return s;
  }

  private static void send(Socket s, String method, String target, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + target + " HTTP/1.1\r\nHost: x\r\nX-Key: k1\r\nX-Key: k2\r\nContent-Length: "
        + b.length + "\r\n\r\n";
    s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().write(b);
    s.getOutputStream().flush();
  }

  /** Reads the head and then {@code bodyBytes} bytes (or to the end when negative). */
  private static String receive(Socket s, int bodyBytes) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int crlfs = 0;
    for (int b; crlfs < 4 && (b = in.read()) != -1; ) {
      out.write(b);
      crlfs = (b == '\r' || b == '\n') ? crlfs + 1 : 0;
    }
    out.write(bodyBytes < 0 ? in.readAllBytes() : in.readNBytes(bodyBytes));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void recordsEachRequestExactlyAndAnswersInScriptOrderOnOneKeptAliveConnection() throws IOException {
    server.then(Reply.json(201, "{\"a\":1}"), Reply.json(299, "{}"));

    send(socket, "POST", "/pay?x=1", "amount=1%2B1&n=\u00e9");
    assertThat(receive(socket, 7)).startsWith("HTTP/1.1 201 ").contains("Content-Length: 7\r\n").endsWith("\r\n\r\n{\"a\":1}");
    send(socket, "GET", "/read", "");
    assertThat(receive(socket, 2)).startsWith("HTTP/1.1 299 ").endsWith("{}");
    send(socket, "GET", "/again", "");
    assertThat(receive(socket, 28)).startsWith("HTTP/1.1 404 ").endsWith("{\"error\":\"nothing scripted\"}");

    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.requests()).hasSize(3);
    RawServer.Request first = server.requests("/pay").get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.target()).isEqualTo("/pay?x=1");
    assertThat(first.body()).isEqualTo("amount=1%2B1&n=\u00e9".getBytes(StandardCharsets.UTF_8));
    assertThat(first.formField("amount")).isEqualTo("1+1");
    assertThat(first.headerValues("x-key")).containsExactly("k1", "k2");
  }

  @Test
  void truncatedSendsHalfTheBodyWithoutContentLengthThenCloses() throws IOException {
    server.then(Reply.truncated(200, "application/json", "{\"abcdefgh\":1}"));

    send(socket, "POST", "/pay", "x");
    String answer = receive(socket, -1);

    assertThat(answer).startsWith("HTTP/1.1 200 ").doesNotContain("Content-Length").contains("Connection: close")
        .endsWith("\r\n\r\n{\"abcde");
  }

  @Test
  void closeAnswersNothingAndResetResetsAfterReadingTheRequest() throws IOException {
    server.then(Reply.closeWithoutAnswer(), Reply.reset());

    send(socket, "POST", "/one", "1");
    assertThat(socket.getInputStream().read()).isEqualTo(-1);
    Socket second = connect();
    send(second, "POST", "/two", "2");
    assertThatThrownBy(() -> second.getInputStream().read()).isInstanceOf(SocketException.class)
        .hasMessageContaining("reset");
    second.close();
    assertThat(server.requests()).extracting(RawServer.Request::path).containsExactly("/one", "/two");
  }

  @Test
  void stallHoldsTheConnectionUntilTheServerCloses() throws IOException {
    server.then(Reply.stall());

    send(socket, "GET", "/slow", "");
    socket.setSoTimeout(200);
    assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    socket.setSoTimeout(5000);
    server.close();
    assertThat(socket.getInputStream().read()).isEqualTo(-1);
  }

  @Test
  void dripAnnouncesALongBodyAndSendsItByteByByte() throws IOException {
    server.then(Reply.drip(200, "application/json", "ab", 1000, Duration.ofMillis(10)));

    send(socket, "GET", "/drip", "");

    assertThat(receive(socket, 3)).contains("Content-Length: 1000\r\n").endsWith("\r\n\r\naba");
  }

  @Test
  void endlessKeepsWritingWhileTheClientReads() throws IOException {
    server.then(Reply.endless(200, "application/json", "[", "1,"));

    send(socket, "GET", "/all", "");

    String answer = receive(socket, 1_000_001);
    assertThat(answer).doesNotContain("Content-Length").contains("\r\n\r\n[1,1,1,");
    assertThat(answer.length()).isGreaterThan(1_000_000);
  }
}
