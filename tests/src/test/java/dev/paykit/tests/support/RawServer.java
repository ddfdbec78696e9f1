package dev.paykit.tests.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny scripted HTTP/1.1 server on 127.0.0.1 for answers no real server (and no MockServer) gives on
 * purpose: bodies cut off, connections closed or reset after the request was read, stalls, drips,
 * endless bodies, statuses outside any spec. Plain {@link ServerSocket}, one thread per connection,
 * keep-alive.
 *
 * <p>Every request is parsed (request line, headers, {@code Content-Length} body) and recorded with
 * its exact body bytes <em>before</em> it is answered; each takes the next scripted {@link Reply} from
 * the queue, or the default reply when the queue is empty. {@link #close()} releases every stalled or
 * dripping connection and closes all sockets.
 */
public final class RawServer implements AutoCloseable {

  /** One request as it reached the server. Header names are kept as sent; look-ups ignore case. */
  public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The path, without the query. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** Every value of a header, in order (empty when absent). */
    public List<String> headerValues(String name) {
      List<String> values = new ArrayList<>();
      headers.forEach((k, v) -> {
        if (k.equalsIgnoreCase(name)) {
          values.addAll(v);
        }
      });
      return values;
    }

    /** The exact body bytes as UTF-8 text. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** A field of a form-encoded body ({@code a=1&b=2}), URL-decoded; null when absent. */
    public String formField(String name) {
      for (String pair : bodyText().split("&")) {
        int eq = pair.indexOf('=');
        String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (k.equals(name)) {
          return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** How one request is answered. Build with the static factories. */
  public static final class Reply {

    enum Kind { FULL, TRUNCATED, CLOSE, RESET, STALL, DRIP, ENDLESS }

    final Kind kind;
    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final long declaredLength;
    final Duration interval;

    private Reply(Kind kind, int status, Map<String, String> headers, byte[] body, long declaredLength,
        Duration interval) {
      this.kind = kind;
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.declaredLength = declaredLength;
      this.interval = interval;
    }

    /** A complete answer with {@code Content-Length} (none for 1xx, 204 and 304). */
    public static Reply full(int status, String contentType, String body) {
      return full(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
          body.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete answer with these headers and exact body bytes. */
    public static Reply full(int status, Map<String, String> headers, byte[] body) {
      return new Reply(Kind.FULL, status, new LinkedHashMap<>(headers), body.clone(), body.length, null);
    }

    /** A complete {@code application/json} answer. */
    public static Reply json(int status, String body) {
      return full(status, "application/json", body);
    }

    /**
     * The status line and headers <em>without</em> {@code Content-Length}, the first half of the body,
     * then the connection closes: the client cannot tell the body was cut off, except by reading it.
     */
    public static Reply truncated(int status, String contentType, String body) {
      byte[] all = body.getBytes(StandardCharsets.UTF_8);
      return new Reply(Kind.TRUNCATED, status, Map.of("Content-Type", contentType),
          Arrays.copyOf(all, all.length / 2), -1, null);
    }

    /** As {@link #truncated(int, String, String)}, with these headers (e.g. an {@code ETag}). */
    public static Reply truncated(int status, Map<String, String> headers, String body) {
      byte[] all = body.getBytes(StandardCharsets.UTF_8);
      return new Reply(Kind.TRUNCATED, status, new LinkedHashMap<>(headers), Arrays.copyOf(all, all.length / 2), -1,
          null);
    }

    /** The request is read, then the connection is closed without a byte of answer. */
    public static Reply closeWithoutAnswer() {
      return new Reply(Kind.CLOSE, 0, Map.of(), new byte[0], -1, null);
    }

    /** The request is read, then the connection is reset (SO_LINGER 0 and close: a TCP RST). */
    public static Reply reset() {
      return new Reply(Kind.RESET, 0, Map.of(), new byte[0], -1, null);
    }

    /** The request is read, then nothing happens until the server is closed. */
    public static Reply stall() {
      return new Reply(Kind.STALL, 0, Map.of(), new byte[0], -1, null);
    }

    /**
     * The status line and headers announcing {@code declaredLength} bytes, then one byte of
     * {@code body} (repeated) every {@code interval} until the client goes away or the server closes.
     */
    public static Reply drip(int status, String contentType, String body, long declaredLength, Duration interval) {
      return new Reply(Kind.DRIP, status, Map.of("Content-Type", contentType),
          body.getBytes(StandardCharsets.UTF_8), declaredLength, interval);
    }

    /**
     * The status line and headers without {@code Content-Length} ({@code Connection: close}), then
     * {@code prefix} and {@code filler} repeated, written as fast as the client reads, until it closes.
     */
    public static Reply endless(int status, String contentType, String prefix, String filler) {
      byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
      byte[] repeated = filler.repeat(Math.max(1, 8192 / Math.max(1, filler.length())))
          .getBytes(StandardCharsets.UTF_8);
      byte[] both = Arrays.copyOf(head, head.length + repeated.length);
      System.arraycopy(repeated, 0, both, head.length, repeated.length);
      return new Reply(Kind.ENDLESS, status, Map.of("Content-Type", contentType), both, head.length, null);
    }

    @Override
    public String toString() {
      return kind + (status == 0 ? "" : " " + status);
    }
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Thread> handlers = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Throwable> problems = new CopyOnWriteArrayList<>();
  private volatile Reply defaultReply = Reply.json(404, "{\"error\":\"nothing scripted\"}");
  private volatile int connections;

  private RawServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "raw-server-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
  }

  /** Starts a server on a free loopback port. */
  public static RawServer start() {
    try {
      RawServer s = new RawServer();
      s.acceptor.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the raw server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Appends replies to the script, taken one per request in order. */
  public RawServer then(Reply... replies) {
    script.addAll(Arrays.asList(replies));
    return this;
  }

  /** Appends {@code n} copies of a reply to the script. */
  public RawServer then(int n, Reply reply) {
    for (int i = 0; i < n; i++) {
      script.add(reply);
    }
    return this;
  }

  /** The reply for requests when the script is empty (default: a JSON 404). */
  public RawServer otherwise(Reply reply) {
    this.defaultReply = Objects.requireNonNull(reply);
    return this;
  }

  /** Every request received so far, in order of arrival. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests received so far at this path (query ignored), in order. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections;
  }

  /** Scripted replies not used yet. */
  public int unusedReplies() {
    return script.size();
  }

  /** Releases stalled and dripping connections, closes every socket and waits for the threads. */
  @Override
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    try {
      acceptor.join(2000);
      for (Thread t : handlers) {
        t.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!problems.isEmpty()) {
      IllegalStateException e = new IllegalStateException("the raw server could not parse a request");
      problems.forEach(e::addSuppressed);
      throw e;
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections++;
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "raw-server-conn-" + connections);
      t.setDaemon(true);
      handlers.add(t);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request request = readRequest(in);
        if (request == null) {
          return; // the client closed the connection
        }
        requests.add(request);
        Reply reply = script.poll();
        if (!answer(reply == null ? defaultReply : reply, request, socket, out)) {
          return;
        }
      }
    } catch (IOException clientWentAway) {
      // expected for every fault that ends the connection
    } catch (RuntimeException e) {
      problems.add(e);
    } finally {
      sockets.remove(socket);
    }
  }

  /** Writes the reply; true when the connection stays open for the next request. */
  private boolean answer(Reply reply, Request request, Socket socket, OutputStream out) throws IOException {
    switch (reply.kind) {
      case FULL -> {
        boolean noBody = reply.status < 200 || reply.status == 204 || reply.status == 304;
        out.write(head(reply, noBody ? -1 : reply.body.length, false));
        if (!noBody) {
          out.write(reply.body);
        }
        out.flush();
        return !"close".equalsIgnoreCase(request.header("Connection"));
      }
      case TRUNCATED -> {
        out.write(head(reply, -1, true));
        out.write(reply.body);
        out.flush();
        return false;
      }
      case CLOSE -> {
        return false;
      }
      case RESET -> {
        socket.setSoLinger(true, 0);
        return false;
      }
      case STALL -> {
        awaitClose(null);
        return false;
      }
      case DRIP -> {
        out.write(head(reply, reply.declaredLength, false));
        out.flush();
        for (long i = 0; i < reply.declaredLength && !awaitClose(reply.interval); i++) {
          out.write(reply.body[(int) (i % reply.body.length)]);
          out.flush();
        }
        return false;
      }
      case ENDLESS -> {
        out.write(head(reply, -1, true));
        out.write(reply.body); // the prefix, then filler
        byte[] filler = Arrays.copyOfRange(reply.body, (int) reply.declaredLength, reply.body.length);
        while (closed.getCount() > 0) {
          out.write(filler);
        }
        return false;
      }
      default -> throw new IllegalStateException(reply.kind.toString());
    }
  }

  /** Waits until the server closes (forever when {@code timeout} is null); true once it has. */
  private boolean awaitClose(Duration timeout) {
    try {
      if (timeout == null) {
        closed.await();
        return true;
      }
      return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static byte[] head(Reply reply, long contentLength, boolean close) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(reply.status).append(' ')
        .append(reason(reply.status)).append("\r\n");
    reply.headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    if (contentLength >= 0) {
      sb.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    if (close) {
      sb.append("Connection: close\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Scripted";
    };
  }

  /** Reads one request; null when the connection ended before a request line. */
  private static Request readRequest(InputStream in) throws IOException {
    String line = readLine(in);
    while (line != null && line.isEmpty()) {
      line = readLine(in); // tolerate stray CRLF between requests
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ", 3);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new IllegalStateException("not an HTTP/1.x request line: " + line);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    long length = 0;
    for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException("not a header: " + h);
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      }
      if (name.equalsIgnoreCase("Transfer-Encoding") && !value.toLowerCase(Locale.ROOT).equals("identity")) {
        throw new IllegalStateException("request bodies must carry Content-Length, not " + value);
      }
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      return null; // the client went away mid-body
    }
    return new Request(parts[0], parts[1], headers, body);
  }

  private static String readLine(InputStream in) throws IOException {
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

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
