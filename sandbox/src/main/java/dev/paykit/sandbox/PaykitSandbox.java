package dev.paykit.sandbox;

import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mockserver.configuration.Configuration;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.mock.Expectation;
import org.mockserver.model.ClearType;
import org.mockserver.model.HttpRequest;
import org.mockserver.serialization.ExpectationSerializer;
import org.mockserver.socket.tls.ForwardProxyTLSX509CertificatesTrustManager;

/**
 * A local, stateful stand-in for the payment providers: one MockServer on {@code 127.0.0.1} with
 * one simulator per provider under its own path prefix ({@link #promptCash()} under
 * {@value PromptCashSimulator#PATH_PREFIX}, {@link #prunny()} under
 * {@value PrunnySimulator#PATH_PREFIX}, {@link #prune()} under {@value PruneSimulator#PATH_PREFIX},
 * {@link #paypercut()} under {@value PaypercutSimulator#PATH_PREFIX}, {@link #ptapi()} under
 * {@value PtApiSimulator#PATH_PREFIX}). Start one per test run or
 * class (the first MockServer in a JVM takes about a second) and {@link #reset()} between tests.
 *
 * <p>The simulators are listed once, in {@code SIMULATORS}, and handled through the
 * {@link Simulator} contract only: mounted at start, reset together, printed by {@link #main}. A
 * new provider's simulator is one more line there; {@link #simulator(Class)} finds it, and a typed
 * one-line accessor such as {@link #prunny()} is a convenience on top.
 *
 * <p>Use {@link #reset()}, not {@code mockServer().reset()}: MockServer's own reset also removes
 * the expectations that route requests to the simulators. {@link #reset()} removes every other
 * expectation (answers a test scripted ahead of a simulator through {@link #mockServer()}) and keeps
 * the routes.
 *
 * <p>Thread-safe.
 */
public final class PaykitSandbox implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  /**
   * The registration: every provider's simulator, one line each, built from the sandbox's origin
   * ({@code http://127.0.0.1:<port>}). Mounted, reset and printed in this order.
   */
  private static final List<Function<String, Simulator>> SIMULATORS = List.of(
      PromptCashSimulator::new,
      PrunnySimulator::new,
      PruneSimulator::new,
      PaypercutSimulator::new,
      PtApiSimulator::new);

  /** A path prefix: one or more {@code /segment}s of letters, digits, {@code _} and {@code -}. */
  private static final Pattern PATH_PREFIX = Pattern.compile("(/[A-Za-z0-9_-]+)+");

  private final ClientAndServer mockServer;
  private final List<Simulator> simulators;
  /** The ids of the simulators' own expectations (their routes), taken right after mounting. */
  private final Set<String> routes;

  private PaykitSandbox(ClientAndServer mockServer) {
    this.mockServer = mockServer;
    String origin = "http://" + HOST + ":" + mockServer.getLocalPort();
    List<Simulator> created = new ArrayList<>();
    for (Function<String, Simulator> factory : SIMULATORS) {
      Simulator simulator = factory.apply(origin);
      checkPrefix(simulator, created);
      created.add(simulator);
    }
    this.simulators = List.copyOf(created);
    simulators.forEach(simulator -> simulator.mount(mockServer));
    this.routes = Set.copyOf(activeExpectationIds());
  }

  private List<String> activeExpectationIds() {
    return Arrays.stream(mockServer.retrieveActiveExpectations(HttpRequest.request()))
        .map(Expectation::getId).toList();
  }

  /** Each simulator owns its prefix: well-formed, and neither equal to nor nested in another. */
  static void checkPrefix(Simulator simulator, List<Simulator> others) {
    String prefix = simulator.pathPrefix();
    if (!PATH_PREFIX.matcher(prefix).matches()) {
      throw new IllegalStateException(simulator.name() + ": malformed path prefix '" + prefix + "'");
    }
    for (Simulator other : others) {
      String taken = other.pathPrefix();
      if (prefix.equals(taken) || prefix.startsWith(taken + "/") || taken.startsWith(prefix + "/")) {
        throw new IllegalStateException(simulator.name() + "'s path prefix " + prefix + " overlaps "
            + other.name() + "'s " + taken);
      }
    }
  }

  /**
   * Starts on a free port.
   *
   * @return the started sandbox, every simulator mounted; close it when done
   */
  public static PaykitSandbox start() {
    return start(0);
  }

  /**
   * Starts on {@code port} (0 for a free one), bound to 127.0.0.1 only.
   *
   * @param port the TCP port to listen on, 0 to 65535 (0: a free one)
   * @return the started sandbox, every simulator mounted; close it when done
   * @throws IllegalArgumentException when {@code port} is out of range
   */
  public static PaykitSandbox start(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    skipEcma262Notice();
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
   * the safer TLS settings keep test and demo output to what matters. MockServer's ECMA262 notice is
   * not a log line: see {@link #skipEcma262Notice()}.
   */
  private static Configuration quietConfiguration() {
    return Configuration.configuration()
        .localBoundIP(HOST)
        .logLevel("WARN")
        .disableSystemOut(true)
        .tlsAllowInsecureProtocols(false)
        .forwardProxyTLSX509CertificatesTrustManagerType(ForwardProxyTLSX509CertificatesTrustManager.JVM);
  }

  /**
   * MockServer 6.1.0's {@code ExpectationSerializer} prints "Loading JavaScript to validate ECMA262 regular
   * expression in JsonSchema ..." with {@code System.err.println} the first time it validates an expectation
   * in a JVM when Nashorn is on the class path: no logger, log level or {@code ConfigurationProperties} setting
   * governs it (its only guard is the static flag {@code printedECMA262Warning}). It tells nothing about the
   * sandbox, so the flag is set before the first expectation. Nothing else changes: validation still uses
   * Nashorn for ECMA262 patterns. If a MockServer version drops the flag, the notice is printed again.
   */
  private static void skipEcma262Notice() {
    try {
      var printed = ExpectationSerializer.class.getDeclaredField("printedECMA262Warning");
      printed.setAccessible(true);
      printed.setBoolean(null, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another MockServer version: the notice may be printed, nothing else depends on it
    }
  }

  /** {@return the port MockServer listens on (the chosen one, or the free one it was given)} */
  public int port() {
    return mockServer.getLocalPort();
  }

  /** {@return the Prompt.Cash simulator, mounted under {@value PromptCashSimulator#PATH_PREFIX}} */
  public PromptCashSimulator promptCash() {
    return simulator(PromptCashSimulator.class);
  }

  /** {@return the Prunny simulator, mounted under {@value PrunnySimulator#PATH_PREFIX}} */
  public PrunnySimulator prunny() {
    return simulator(PrunnySimulator.class);
  }

  /** {@return the PT API simulator, mounted under {@value PtApiSimulator#PATH_PREFIX}} */
  public PtApiSimulator ptapi() {
    return simulator(PtApiSimulator.class);
  }

  /** {@return the Prune simulator, mounted under {@value PruneSimulator#PATH_PREFIX}} */
  public PruneSimulator prune() {
    return simulator(PruneSimulator.class);
  }

  /** {@return the Paypercut simulator, mounted under {@value PaypercutSimulator#PATH_PREFIX}} */
  public PaypercutSimulator paypercut() {
    return simulator(PaypercutSimulator.class);
  }

  /**
   * The registered simulator of this type.
   *
   * @param <S> the simulator type
   * @param type the simulator's class (or a supertype it implements)
   * @return the first registered simulator that is an instance of {@code type}
   * @throws IllegalArgumentException when no simulator of that type is registered
   */
  public <S extends Simulator> S simulator(Class<S> type) {
    for (Simulator simulator : simulators) {
      if (type.isInstance(simulator)) {
        return type.cast(simulator);
      }
    }
    throw new IllegalArgumentException("no " + type.getSimpleName() + " is registered in the sandbox");
  }

  /** {@return every simulator, in registration order (an unmodifiable list)} */
  public List<Simulator> simulators() {
    return simulators;
  }

  /** {@return the underlying MockServer, e.g. for {@code retrieveRecordedRequests(...)}} */
  public ClientAndServer mockServer() {
    return mockServer;
  }

  /**
   * Clears every simulator's state, settings and queued faults, every expectation added through
   * {@link #mockServer()} since the start (the simulators' routes stay), and the recorded requests:
   * a test that scripted an answer, a delay or an unlimited fault there leaves nothing behind.
   */
  public void reset() {
    simulators.forEach(Simulator::reset);
    for (String id : activeExpectationIds()) {
      if (!routes.contains(id)) {
        mockServer.clear(id, ClearType.EXPECTATIONS);
      }
    }
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
   * port (default: a free one). Prints the base URL of every simulator with its banner lines (the
   * sandbox credentials and the like). From the project root:
   * {@code ./mvnw -q -pl sandbox compile exec:java [-Dexec.args=PORT]}.
   *
   * @param args an optional port as the first argument
   * @throws InterruptedException when the main thread is interrupted while it waits
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    PaykitSandbox sandbox = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "paykit-sandbox-shutdown"));
    System.out.println("paykit sandbox on http://" + HOST + ":" + sandbox.port());
    for (Simulator simulator : sandbox.simulators()) {
      System.out.println(String.format("%-" + (Simulator.BANNER_LABEL_WIDTH + 2) + "s: %s",
          simulator.name() + " base URL", simulator.baseUrl()));
      System.out.println("  " + Simulator.bannerLine("simulates", simulator.description()));
      simulator.bannerLines().forEach(line -> System.out.println("  " + line));
    }
    System.out.println("(sandbox-only credentials; stop with Ctrl+C)");
    new CountDownLatch(1).await();
  }
}
