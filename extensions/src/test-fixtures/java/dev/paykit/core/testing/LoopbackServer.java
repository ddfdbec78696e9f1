package dev.paykit.core.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small scripted HTTP/1.1 server on 127.0.0.1 for the core's unit tests, after the approach of the
 * tests module's {@code RawServer} (which this module cannot depend on): a plain {@link ServerSocket},
 * one thread per connection, keep-alive, every request recorded with its exact target (query as sent)
 * and exact body bytes <em>before</em> it is answered. Each request takes the next scripted answer, or
 * the default one (a JSON 404) when the script is empty.
 */
public final class LoopbackServer implements AutoCloseable {

  /** One request as it reached the server. */
  public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The path, without the query. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** The query exactly as sent (still percent-encoded), or null. */
    public String rawQuery() {
      int q = target.indexOf('?');
      return q < 0 ? null : target.substring(q + 1);
    }

    /**
     * The query parameters, percent-decoded ({@code +} kept as a literal, as in a URI query), sorted
     * by name, every value of each name in order.
     */
    public Map<String, List<String>> query() {
      Map<String, List<String>> out = new TreeMap<>();
      String raw = rawQuery();
      if (raw == null || raw.isEmpty()) {
        return out;
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
      return out;
    }

    /** The first value of a header (name ignoring case), or null. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    private static String decode(String s) {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }

  /** One complete answer, with {@code Content-Length} and any other headers given. */
  public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Reply(int status, String contentType, byte[] body) {
      this(status, contentType, body, Map.of());
    }

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header. */
    public Reply header(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, body, more);
    }
  }

  private final ServerSocket server;
  private final ConcurrentLinkedQueue<Function<Request, Reply>> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Throwable> problems = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private LoopbackServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "loopback-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Appends answers to the script, one per request in order. */
  public LoopbackServer then(Reply... replies) {
    for (Reply r : replies) {
      script.add(request -> r);
    }
    return this;
  }

  /** Appends an answer computed from the request (runs on the server's thread, before answering). */
  public LoopbackServer then(Function<Request, Reply> reply) {
    script.add(reply);
    return this;
  }

  /** Every request received so far, in order of arrival. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Scripted answers not used yet. */
  public int unusedReplies() {
    return script.size();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!problems.isEmpty()) {
      IllegalStateException e = new IllegalStateException("the loopback server could not serve a request");
      problems.forEach(e::addSuppressed);
      throw e;
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "loopback-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (Request request = read(in); request != null; request = read(in)) {
        requests.add(request);
        Function<Request, Reply> next = script.poll();
        Reply reply = next == null ? Reply.json(404, "{\"error\":\"nothing scripted\"}") : next.apply(request);
        String head = "HTTP/1.1 " + reply.status() + " Scripted\r\n"
            + (reply.contentType() == null ? "" : "Content-Type: " + reply.contentType() + "\r\n")
            + reply.headers().entrySet().stream().map(h -> h.getKey() + ": " + h.getValue() + "\r\n")
                .collect(java.util.stream.Collectors.joining())
            + "Content-Length: " + reply.body().length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
        out.flush();
      }
    } catch (IOException clientWentAway) {
      // the client closed the connection
    } catch (RuntimeException e) {
      problems.add(e);
    } finally {
      sockets.remove(socket);
    }
  }

  private static Request read(InputStream in) throws IOException {
    String line = line(in);
    while (line != null && line.isEmpty()) {
      line = line(in);
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ", 3);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new IllegalStateException("not an HTTP/1.x request line");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    long length = 0;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      }
      if (name.equalsIgnoreCase("Transfer-Encoding")) {
        throw new IllegalStateException("request bodies must carry Content-Length");
      }
    }
    byte[] body = in.readNBytes((int) length);
    return body.length == length ? new Request(parts[0], parts[1], headers, body) : null;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        byte[] raw = line.toByteArray();
        int n = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
