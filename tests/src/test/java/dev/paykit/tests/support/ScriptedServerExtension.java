package dev.paykit.tests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mockserver.configuration.Configuration;
import org.mockserver.integration.ClientAndServer;

/**
 * Resolves {@link ScriptedServer} parameters of {@code @BeforeEach} and test methods: one per test
 * (every parameter of one test gets the same), over the run's one scripted MockServer (in the JUnit root
 * store, stopped when the run ends; reset the first time each test uses it) and a {@link RawServer} of
 * the test's own (closed when the test ends). Register it with {@code @ExtendWith} or through
 * {@link SandboxTest}.
 */
public final class ScriptedServerExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(ScriptedServerExtension.class);

  /** The run's scripted MockServer, bound to loopback; stopped with the root store. */
  private record Shared(ClientAndServer server) implements AutoCloseable {
    static Shared start() {
      return new Shared(ClientAndServer.startClientAndServer(
          Configuration.configuration().localBoundIP("127.0.0.1").logLevel("WARN").disableSystemOut(true), 0));
    }

    @Override
    public void close() {
      server.stop();
    }
  }

  /** What one test holds: the reset scripted MockServer once touched, its raw server once started. */
  private static final class Lease implements AutoCloseable {
    private final ExtensionContext root;
    private final ScriptedServer server;
    private ClientAndServer mockServer;
    private RawServer raw;

    Lease(ExtensionContext root) {
      this.root = root;
      this.server = new ScriptedServer(this::mockServer, () -> "http://127.0.0.1:" + mockServer().getPort(), 0,
          this::raw);
    }

    ClientAndServer mockServer() {
      if (mockServer == null) {
        ClientAndServer shared = root.getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, type -> Shared.start(),
            Shared.class).server();
        shared.reset();
        mockServer = shared;
      }
      return mockServer;
    }

    RawServer raw() {
      if (raw == null) {
        raw = RawServer.start();
      }
      return raw;
    }

    @Override
    public void close() {
      if (raw != null) {
        raw.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ScriptedServer.class;
  }

  @Override
  public ScriptedServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("ScriptedServer is per test: take it as a parameter of a "
          + "@BeforeEach or test method, not of " + parameter.getDeclaringExecutable());
    }
    // In the test's own store: closed (its raw server with it) when the test ends.
    return context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Lease.class, type -> new Lease(context.getRoot()), Lease.class).server;
  }
}
