package dev.paykit.tests.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A small HTTP/1.1 proxy on 127.0.0.1 in front of one upstream server (the sandbox) that injects
 * faults as its {@link FaultPlan} decides, one decision per request. Clients point their base URL at
 * {@link #url()} plus the upstream's path prefix.
 *
 * <p>Client connections are kept alive: several requests per connection, each read in full (request
 * line, headers, Content-Length or chunked body). Every forwarded request goes to the upstream on a
 * fresh connection with {@code Connection: close}, and its whole answer is read before the fault (if
 * any) is applied, so the upstream has processed the request whenever a forwarding fault hits. What
 * each {@link FaultKind} does to the client connection:
 * <ul>
 *   <li>{@code STORM_503}: 503 with the provider's error body ({@code errorBody}), not forwarded;
 *       the connection stays open;
 *   <li>{@code DROP_AFTER_PROCESSING}: closed with nothing sent, or after the status line and headers
 *       (announcing the whole body) when {@link FaultPlan.Decision#headersFirst()};
 *   <li>{@code READ_TIMEOUT}: nothing sent until the client closes (at most {@code withholdFor}), then closed;
 *   <li>{@code TRUNCATED_BODY}: status line and headers without Content-Length, {@code Connection:
 *       close}, the first half of the body, then closed;
 *   <li>{@code GATEWAY_HTML}: 502 with an HTML page; the connection stays open;
 *   <li>{@code RESET}: reset (SO_LINGER 0, close).
 * </ul>
 *
 * <p>Every exchange is journalled ({@link #exchanges(int)}) before anything is written back to the
 * client, so a driver that sees an answer (or its absence) also sees the exchange. Thread-safe.
 */
public final class FaultInjectionProxy implements AutoCloseable {

  /**
   * One request that reached the proxy and what became of it.
   *
   * @param seq arrival number, from 0
   * @param request what the client sent
   * @param decision the plan's decision
   * @param upstreamStatus the upstream's HTTP status when forwarded, 0 when not forwarded, -1 when
   *     forwarding failed
   * @param upstreamTime how long the upstream took to answer (zero when not forwarded)
   */
  public record Exchange(int seq, ProxiedRequest request, FaultPlan.Decision decision, int upstreamStatus,
      Duration upstreamTime) {
    /** Whether the upstream received and answered the request. */
    public boolean forwarded() {
      return upstreamStatus > 0;
    }

    /**
     * The request reached the upstream (or may have: forwarding failed half-way) and the client did
     * not get the upstream's answer: the outcome is unknown to the client.
     */
    public boolean answerLost() {
      return upstreamStatus == -1 || (forwarded() && !decision.isClean());
    }
  }

  static final String GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  private final InetSocketAddress upstream;
  private final FaultPlan plan;
  private final IntFunction<String> errorBody;
  private final Duration withholdFor;
  private final ServerSocket server;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<FaultKind, AtomicInteger> injected = new EnumMap<>(FaultKind.class);
  private final List<Exchange> journal = new ArrayList<>();
  private volatile boolean closed;

  private FaultInjectionProxy(InetSocketAddress upstream, FaultPlan plan, IntFunction<String> errorBody,
      Duration withholdFor) throws IOException {
    this.upstream = upstream;
    this.plan = Objects.requireNonNull(plan, "plan");
    this.errorBody = Objects.requireNonNull(errorBody, "errorBody");
    this.withholdFor = Objects.requireNonNull(withholdFor, "withholdFor");
    for (FaultKind k : FaultKind.values()) {
      injected.put(k, new AtomicInteger());
    }
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fault-proxy");
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::acceptLoop);
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param upstreamPort the upstream's port on 127.0.0.1
   * @param plan decides each request's fault
   * @param errorBody the provider's JSON error body for an HTTP status (used by {@code STORM_503})
   * @param withholdFor the longest a {@code READ_TIMEOUT} waits for the client to give up
   */
  public static FaultInjectionProxy start(int upstreamPort, FaultPlan plan, IntFunction<String> errorBody,
      Duration withholdFor) {
    try {
      return new FaultInjectionProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort),
          plan, errorBody, withholdFor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a path. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many faults of each kind were injected (every kind present, zeros included). */
  public Map<FaultKind, Integer> faultCounts() {
    Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  /** How many requests reached the proxy. */
  public int requests() {
    return sequence.get();
  }

  /** How many exchanges are journalled so far. */
  public synchronized int journalSize() {
    return journal.size();
  }

  /** The exchanges journalled from index {@code from} on, in journal order. */
  public synchronized List<Exchange> exchanges(int from) {
    return List.copyOf(journal.subList(Math.min(from, journal.size()), journal.size()));
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("fault proxy: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(client.getOutputStream());
      while (!closed && handle(client, in, out)) {
        out.flush();
      }
      out.flush();
    } catch (IOException e) {
      // the client went away or sent something unreadable: drop the connection
    } finally {
      open.remove(client);
      closeQuietly(client);
    }
  }

  /** Handles one request; false when the connection must be closed afterwards. */
  private boolean handle(Socket client, InputStream in, OutputStream out) throws IOException {
    ProxiedRequest request = Http1.readRequest(in);
    if (request == null) {
      return false;
    }
    int seq = sequence.getAndIncrement();
    FaultPlan.Decision decision = plan.decide(request);
    if (!decision.isClean()) {
      injected.get(decision.kind()).incrementAndGet();
    }
    if (decision.kind() == FaultKind.STORM_503) {
      record(new Exchange(seq, request, decision, 0, Duration.ZERO));
      byte[] body = errorBody.apply(503).getBytes(StandardCharsets.UTF_8);
      Http1.writeHead(out, "HTTP/1.1 503 Service Unavailable", List.of(
          Map.entry("Content-Type", "application/json"), Map.entry("Content-Length", Integer.toString(body.length))));
      out.write(body);
      return keepAlive(request);
    }
    Http1.Response answer;
    long started = System.nanoTime();
    try {
      answer = forward(request);
    } catch (IOException e) {
      record(new Exchange(seq, request, decision, -1, Duration.ofNanos(System.nanoTime() - started)));
      System.err.println("fault proxy: forwarding " + request + " failed: " + e);
      return false;
    }
    record(new Exchange(seq, request, decision, answer.status(), Duration.ofNanos(System.nanoTime() - started)));
    if (decision.isClean()) {
      boolean keepAlive = keepAlive(request);
      List<Map.Entry<String, String>> headers = new ArrayList<>(Http1.endToEnd(answer.headers()));
      headers.add(Map.entry("Content-Length", Integer.toString(answer.body().length)));
      if (!keepAlive) {
        headers.add(Map.entry("Connection", "close"));
      }
      Http1.writeHead(out, answer.statusLine(), headers);
      out.write(answer.body());
      return keepAlive;
    }
    switch (decision.kind()) {
      case DROP_AFTER_PROCESSING -> {
        if (decision.headersFirst()) {
          List<Map.Entry<String, String>> headers = new ArrayList<>(Http1.endToEnd(answer.headers()));
          headers.add(Map.entry("Content-Length", Integer.toString(answer.body().length)));
          Http1.writeHead(out, answer.statusLine(), headers);
          out.flush();
        }
        return false;
      }
      case READ_TIMEOUT -> {
        withhold(client, in);
        return false;
      }
      case TRUNCATED_BODY -> {
        List<Map.Entry<String, String>> headers = new ArrayList<>(Http1.endToEnd(answer.headers()));
        headers.add(Map.entry("Connection", "close"));
        Http1.writeHead(out, answer.statusLine(), headers);
        out.write(Arrays.copyOf(answer.body(), answer.body().length / 2));
        out.flush();
        client.shutdownOutput();
        return false;
      }
      case GATEWAY_HTML -> {
        byte[] page = GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8);
        Http1.writeHead(out, "HTTP/1.1 502 Bad Gateway", List.of(
            Map.entry("Server", "nginx"), Map.entry("Content-Type", "text/html; charset=utf-8"),
            Map.entry("Content-Length", Integer.toString(page.length))));
        out.write(page);
        return keepAlive(request);
      }
      case RESET -> {
        client.setSoLinger(true, 0);
        return false; // the close in serve() now sends RST
      }
      default -> throw new IllegalStateException("unhandled fault " + decision);
    }
  }

  /** Sends nothing and waits until the client closes (its read timeout) or {@code withholdFor} passes. */
  private void withhold(Socket client, InputStream in) throws IOException {
    client.setSoTimeout((int) Math.max(1, withholdFor.toMillis()));
    try {
      while (in.read() != -1) {
        // discard: the client has nothing more to say on this connection
      }
    } catch (SocketTimeoutException gaveUpFirst) {
      // the client never closed; close it ourselves
    }
  }

  private Http1.Response forward(ProxiedRequest request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(upstream, 5_000);
      s.setSoTimeout(30_000);
      s.setTcpNoDelay(true);
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      List<Map.Entry<String, String>> headers = new ArrayList<>(Http1.endToEnd(request.headers()));
      if (request.body().length > 0 || !request.isRead()) {
        headers.add(Map.entry("Content-Length", Integer.toString(request.body().length)));
      }
      headers.add(Map.entry("Connection", "close"));
      Http1.writeHead(out, request.method() + " " + request.target() + " HTTP/1.1", headers);
      out.write(request.body());
      out.flush();
      return Http1.readResponse(new BufferedInputStream(s.getInputStream()), request.method());
    }
  }

  private static boolean keepAlive(ProxiedRequest request) {
    return !request.header("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
  }

  private synchronized void record(Exchange exchange) {
    journal.add(exchange);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
