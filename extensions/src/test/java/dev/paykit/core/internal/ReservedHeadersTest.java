package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Extra headers of {@link RequestOptions} cannot take over a header the transport manages. Against a
 * server that compresses its answers when the request asks for gzip, as CDNs in front of providers do.
 */
class ReservedHeadersTest {

  private ServerSocket server;
  private final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
  private LoopbackRuntime rt;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "gzip-server");
    t.setDaemon(true);
    t.start();
    rt = new LoopbackRuntime("pagingkit", "http://127.0.0.1:" + server.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    rt.runtime.close();
    server.close();
  }

  /** One request per connection; the JSON answer is gzip-compressed when the request accepts gzip. */
  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        List<String> head = new ArrayList<>();
        boolean gzip = false;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          head.add(line);
          gzip |= line.toLowerCase(Locale.ROOT).startsWith("accept-encoding:") && line.contains("gzip");
        }
        requests.add(head);
        byte[] body = "{\"items\":[{\"id\":\"r1\",\"amount\":5}]}".getBytes(StandardCharsets.UTF_8);
        if (gzip) {
          ByteArrayOutputStream packed = new ByteArrayOutputStream();
          try (GZIPOutputStream g = new GZIPOutputStream(packed)) {
            g.write(body);
          }
          body = packed.toByteArray();
        }
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + (gzip ? "Content-Encoding: gzip\r\n" : "") + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Test
  void aCallersAcceptEncodingIsRefusedSoACompressedAnswerStaysReadable() {
    PagingkitApi api = rt.api(PagingkitApi.class);
    assertThat(api.listRefunds(Map.of()).items()).extracting(PagingkitApi.Refund::id).containsExactly("r1");
    requests.clear();

    // with the caller's Accept-Encoding OkHttp would not decompress: the success would be "not JSON"
    assertThatThrownBy(() -> CallReport.run(RequestOptions.builder().header("accept-encoding", "gzip").build(),
        () -> api.listRefunds(Map.of())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("headers.accept-encoding", "reserved")));
    assertThat(requests).isEmpty();
  }
}
