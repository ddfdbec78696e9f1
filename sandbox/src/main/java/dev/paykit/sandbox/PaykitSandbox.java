package dev.paykit.sandbox;

import java.util.concurrent.CountDownLatch;
import org.mockserver.configuration.Configuration;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.ClearType;
import org.mockserver.model.HttpRequest;
import org.mockserver.socket.tls.ForwardProxyTLSX509CertificatesTrustManager;

/**
 * A local, stateful stand-in for the payment providers: one MockServer on {@code 127.0.0.1} with
 * one simulator per provider under its own path prefix ({@link #promptCash()} under
 * {@value PromptCashSimulator#PATH_PREFIX}, {@link #prunny()} under
 * {@value PrunnySimulator#PATH_PREFIX}). Start one per test class (the first MockServer in a JVM
 * takes about a second) and {@link #reset()} between tests.
 *
 * <p>Use {@link #reset()}, not {@code mockServer().reset()}: MockServer's own reset also removes
 * the expectations that route requests to the simulators.
 *
 * <p>Thread-safe.
 */
public final class PaykitSandbox implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final ClientAndServer mockServer;
  private final PromptCashSimulator promptCash;
  private final PrunnySimulator prunny;

  private PaykitSandbox(ClientAndServer mockServer) {
    this.mockServer = mockServer;
    String origin = "http://" + HOST + ":" + mockServer.getLocalPort();
    this.promptCash = new PromptCashSimulator(origin);
    promptCash.mount(mockServer);
    this.prunny = new PrunnySimulator(origin);
    prunny.mount(mockServer);
  }

  /** Starts on a free port. */
  public static PaykitSandbox start() {
    return start(0);
  }

  /** Starts on {@code port} (0 for a free one), bound to 127.0.0.1 only. */
  public static PaykitSandbox start(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    ClientAndServer server = ClientAndServer.startClientAndServer(quietConfiguration(), port);
    try {
      return new PaykitSandbox(server);
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  /**
   * MockServer logs every request at INFO and, by default, warns at start-up about TLS settings the
   * sandbox never uses (TLSv1/1.1 in the protocol list, a trust-all forward proxy). WARN level and
   * the safer TLS settings keep test and demo output to what matters. One line remains: MockServer
   * prints "Loading JavaScript to validate ECMA262 ..." straight to System.err once per JVM.
   */
  private static Configuration quietConfiguration() {
    return Configuration.configuration()
        .localBoundIP(HOST)
        .logLevel("WARN")
        .disableSystemOut(true)
        .tlsAllowInsecureProtocols(false)
        .forwardProxyTLSX509CertificatesTrustManagerType(ForwardProxyTLSX509CertificatesTrustManager.JVM);
  }

  /** The port MockServer listens on (the chosen one, or the free one it was given). */
  public int port() {
    return mockServer.getLocalPort();
  }

  /** The Prompt.Cash simulator, mounted under {@value PromptCashSimulator#PATH_PREFIX}. */
  public PromptCashSimulator promptCash() {
    return promptCash;
  }

  /** The Prunny simulator, mounted under {@value PrunnySimulator#PATH_PREFIX}. */
  public PrunnySimulator prunny() {
    return prunny;
  }

  /** The underlying MockServer, e.g. for {@code retrieveRecordedRequests(...)}. */
  public ClientAndServer mockServer() {
    return mockServer;
  }

  /** Clears every simulator's state, settings and queued faults, and the recorded requests. */
  public void reset() {
    promptCash.reset();
    prunny.reset();
    mockServer.clear(HttpRequest.request(), ClearType.LOG);
  }

  /** Stops the server; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (mockServer.isRunning()) {
      // Removing the callback expectations first lets the server close their web-socket channels
      // cleanly; stopping straight away sometimes made MockServerClient log a "Connection reset"
      // ERROR (seen in about 1 of 13 stops).
      mockServer.reset();
      mockServer.stop();
    }
  }

  /**
   * Runs the sandbox until the process is killed, for manual tries and demos. Argument: an optional
   * port (default: a free one). Prints the base URL and the sandbox credentials. From the project
   * root: {@code ./mvnw -q -pl sandbox compile exec:java [-Dexec.args=PORT]}.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    PaykitSandbox sandbox = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "paykit-sandbox-shutdown"));
    PromptCashSimulator promptCash = sandbox.promptCash();
    System.out.println("paykit sandbox on http://" + HOST + ":" + sandbox.port());
    System.out.println("Prompt.Cash base URL : " + promptCash.baseUrl());
    System.out.println("  Authorization      : " + PromptCashSimulator.SECRET_TOKEN);
    System.out.println("  public token       : " + PromptCashSimulator.PUBLIC_TOKEN);
    System.out.println("Prunny base URL      : " + sandbox.prunny().baseUrl());
    System.out.println("  Authorization      : Bearer " + PrunnySimulator.API_KEY);
    System.out.println("  " + PrunnySimulator.TIMESTAMP_HEADER + ": now, ISO-8601 UTC (+/- 5 minutes)");
    System.out.println("  OTP                : " + PrunnySimulator.SANDBOX_OTP + " (transfers from "
        + PrunnySimulator.DEFAULT_OTP_THRESHOLD.toPlainString() + " NGN)");
    System.out.println("  accounts           : " + PrunnyFixtures.ACCOUNT_ADAEZE + " ("
        + PrunnyFixtures.BALANCE_ADAEZE.toPlainString() + "), " + PrunnyFixtures.ACCOUNT_BABATUNDE + " ("
        + PrunnyFixtures.BALANCE_BABATUNDE.toPlainString() + "), " + PrunnyFixtures.ACCOUNT_CHIAMAKA + " ("
        + PrunnyFixtures.BALANCE_CHIAMAKA.toPlainString() + ")");
    System.out.println("(sandbox-only credentials; stop with Ctrl+C)");
    new CountDownLatch(1).await();
  }
}
