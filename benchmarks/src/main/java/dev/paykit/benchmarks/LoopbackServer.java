package dev.paykit.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for the transport benchmark: one thread per
 * connection, plain blocking sockets, a fixed JSON answer per path: Prompt.Cash get/create payment,
 * Prunny get account / intra-bank transfer, and a Stripe-shaped PaymentIntent for stripe-java. It counts every
 * request it reads (so that a client's hidden re-sends show as more requests than calls) and every
 * connection it accepts (so that pool churn shows). The same server answers every client under test,
 * so its own cost is the same in every score.
 *
 * <p>Run it in its own JVM ({@link #main}) so that neither its allocation nor its threads count in the
 * client's {@code -prof gc} figures; the benchmark reaches it through {@code -Dpaykit.bench.server=URL}
 * and reads the counters with {@link Remote} ({@code /__reset}, {@code /__counts}).
 */
public final class LoopbackServer implements AutoCloseable {

  private static final byte[] PAYMENT = ("{\"id\":10,\"tx_id\":\"order-1\",\"amount_crypto\":0.000020576132,"
      + "\"amount_fiat\":25.00,\"status\":\"PENDING\",\"fiat_currency\":\"USD\",\"crypto_currency\":\"BCH\","
      + "\"created_at\":\"2021-01-22T20:07:37.666707+07:00\",\"paid\":\"0001-01-01T00:00:00Z\"}")
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] GET_BODY = wrap("{\"data\":", "}");
  static final byte[] CREATE_BODY = wrap("{\"payment\":", ",\"existing\":false}");
  /** Prunny getAccount: one account as a one-element array in the envelope (spec: AccountResponse). */
  static final byte[] PRUNNY_ACCOUNT = ("{\"status\":\"00\",\"message\":\"The process was completed successfully\","
      + "\"data\":[{\"accountNumber\":\"1010119934\",\"customerId\":\"C-100234\",\"accountName\":\"Ado Bello\","
      + "\"currency\":\"NGN\",\"accountOpeningDate\":\"2017-01-13\",\"accountType\":\"SAVINGS\","
      + "\"fullName\":\"Ado Bello\",\"phoneNumber\":\"+2348030000000\",\"status\":\"Active\"}]}")
      .getBytes(StandardCharsets.UTF_8);
  /** Prunny intraBankTransfer: the transaction reference (spec: TransactionResponse). */
  static final byte[] PRUNNY_TRANSFER = ("{\"status\":\"00\",\"message\":\"The process was completed successfully\","
      + "\"data\":{\"transactionRef\":\"TRX-2025112110000001\",\"errorMessage\":null,\"errorCode\":null}}")
      .getBytes(StandardCharsets.UTF_8);
  /** A Stripe-shaped PaymentIntent of about the size of a Prompt.Cash payment (for stripe-java). */
  static final byte[] STRIPE_INTENT = ("{\"id\":\"pi_3Q0bench0000000001\",\"object\":\"payment_intent\","
      + "\"amount\":2500,\"amount_received\":0,\"capture_method\":\"automatic\",\"client_secret\":null,"
      + "\"confirmation_method\":\"automatic\",\"created\":1763719200,\"currency\":\"usd\","
      + "\"description\":\"Blue shirt\",\"livemode\":false,\"metadata\":{\"order_id\":\"order-1\"},"
      + "\"payment_method_types\":[\"card\"],\"status\":\"requires_payment_method\"}")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND = "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8);

  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong problems = new AtomicLong();
  private volatile boolean closed;

  private LoopbackServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server and prints {@code listening http://127.0.0.1:<port>}; runs until stdin closes. */
  public static void main(String[] args) throws IOException {
    try (LoopbackServer s = start()) {
      System.out.println("listening " + s.baseUrl());
      System.out.flush();
      while (System.in.read() != -1) {
        // until the parent goes away
      }
    }
  }

  /** The counters of a server in another JVM, read over a fresh connection ({@code Connection: close}). */
  record Counts(long gets, long posts, long connections, long problems) {

    /** What this server saw since {@code /__reset}, without the connection that asked. */
    static Counts of(String baseUrl) {
      String[] v = Remote.get(baseUrl, "/__counts").trim().split(" ");
      return new Counts(Long.parseLong(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]) - 1, Long.parseLong(v[3]));
    }
  }

  /** Plain-socket requests to the admin paths (no client library involved). */
  static final class Remote {
    private Remote() {}

    static void reset(String baseUrl) {
      get(baseUrl, "/__reset");
    }

    static String get(String baseUrl, String path) {
      java.net.URI uri = java.net.URI.create(baseUrl);
      try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return all.substring(all.indexOf("\r\n\r\n") + 4);
      } catch (IOException e) {
        throw new IllegalStateException("the loopback server at " + baseUrl + " did not answer", e);
      }
    }
  }

  static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  long gets() {
    return gets.get();
  }

  long posts() {
    return posts.get();
  }

  long connections() {
    return connections.get();
  }

  /** Requests the server could not parse (a broken benchmark, never expected). */
  long problems() {
    return problems.get();
  }

  @Override
  public void close() {
    closed = true;
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
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
        s.setTcpNoDelay(true);
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "loopback-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      while (true) {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
          line = readLine(in);
        }
        if (line == null) {
          return;
        }
        int sp1 = line.indexOf(' ');
        int sp2 = line.indexOf(' ', sp1 + 1);
        if (sp1 < 0 || sp2 < 0) {
          problems.incrementAndGet();
          return;
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          int colon = h.indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = h.substring(colon + 1).trim();
          switch (name) {
            case "content-length" -> length = Long.parseLong(value);
            case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            case "connection" -> close = value.equalsIgnoreCase("close");
            default -> { }
          }
        }
        if (chunked) {
          skipChunked(in);
        } else {
          in.skipNBytes(length);
        }
        byte[] body;
        if (target.equals("/__counts")) {
          body = (gets.get() + " " + posts.get() + " " + connections.get() + " " + problems.get())
              .getBytes(StandardCharsets.US_ASCII);
        } else if (target.equals("/__reset")) {
          gets.set(0);
          posts.set(0);
          connections.set(0);
          body = new byte[0];
        } else if ((body = route(method, target)) != null) {
          (method.equals("GET") ? gets : posts).incrementAndGet();
        } else {
          body = NOT_FOUND;
        }
        String head = (body == NOT_FOUND ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK")
            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (SocketException | java.io.EOFException clientWentAway) {
      // the client closed or reset the connection
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        problems.incrementAndGet();
      }
    } finally {
      sockets.remove(socket);
    }
  }

  /** The answer to a benchmarked call, or null for a path this server does not know. */
  private static byte[] route(String method, String target) {
    if (method.equals("GET")) {
      if (target.contains("/get-payment/")) {
        return GET_BODY;
      }
      if (target.startsWith("/v1/accounts/")) {
        return PRUNNY_ACCOUNT;
      }
      if (target.startsWith("/v1/payment_intents/")) {
        return STRIPE_INTENT;
      }
    } else if (method.equals("POST")) {
      if (target.endsWith("/create-payment")) {
        return CREATE_BODY;
      }
      if (target.equals("/v1/transactions/singletransferwithbank")) {
        return PRUNNY_TRANSFER;
      }
      if (target.equals("/v1/payment_intents")) {
        return STRIPE_INTENT;
      }
    }
    return null;
  }

  private static void skipChunked(InputStream in) throws IOException {
    while (true) {
      String size = readLine(in);
      if (size == null) {
        throw new java.io.EOFException();
      }
      int semi = size.indexOf(';');
      long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
          // trailers
        }
        return;
      }
      in.skipNBytes(n);
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
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

  private static byte[] wrap(String head, String tail) {
    return (head + new String(PAYMENT, StandardCharsets.UTF_8) + tail).getBytes(StandardCharsets.UTF_8);
  }
}
