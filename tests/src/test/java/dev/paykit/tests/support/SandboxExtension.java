package dev.paykit.tests.support;

import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.Simulator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One {@link PaykitSandbox} for the whole test run, reset for every test that uses it, and the
 * per-test fixtures that go with it. Register it with {@link SandboxTest}; take what a test needs as
 * parameters of its {@code @BeforeEach} or test methods:
 *
 * <ul>
 *   <li>{@link PaykitSandbox}: started the first time any test asks for it (in the JUnit root store, so
 *       it is closed when the run ends) and {@linkplain PaykitSandbox#reset() reset} once per test,
 *       before the test first gets it: simulator state, settings, clocks and queued faults, answers
 *       scripted on its MockServer, recorded requests. Whatever the previous test changed, in
 *       whichever class, this one starts from the fixtures.
 *   <li>any registered {@link Simulator} by its type, e.g. {@code PrunnySimulator}: the same reset
 *       sandbox's simulator. A new provider's simulator needs no change here.
 *   <li>{@link MutableClock}: pinned at {@link SandboxTest#clock()}, one per test (every parameter of
 *       one test gets the same clock); give it to the client and to the simulator.
 *   <li>{@link RecordingSleeper}: records waits and moves that clock instead of sleeping.
 *   <li>{@link NumberedKeys}: idempotency keys 1, 2, 3... for this test.
 * </ul>
 *
 * <p>Only test-scoped parameters are resolved: asking for one in a constructor or a {@code @BeforeAll}
 * method fails, because a sandbox kept across tests would skip the reset. Tests run one at a time (no
 * parallel execution is configured); the sandbox is not shared between concurrent tests.
 */
public final class SandboxExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(SandboxExtension.class);
  private static final String RESET_FOR_THIS_TEST = "sandbox reset for this test";

  /** The fixtures of one test. */
  private record Fixtures(MutableClock clock, RecordingSleeper sleeper, NumberedKeys keys) {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PaykitSandbox.class || (Simulator.class.isAssignableFrom(type) && type != Simulator.class)
        || type == MutableClock.class || type == RecordingSleeper.class || type == NumberedKeys.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(type.getSimpleName() + " is per test: take it as a parameter of a "
          + "@BeforeEach or test method, not of " + parameter.getDeclaringExecutable());
    }
    if (type == PaykitSandbox.class) {
      return sandbox(context);
    }
    if (Simulator.class.isAssignableFrom(type)) {
      try {
        return sandbox(context).simulator(type.asSubclass(Simulator.class));
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(e.getMessage(), e);
      }
    }
    Fixtures fixtures = fixtures(context);
    if (type == MutableClock.class) {
      return fixtures.clock();
    }
    return type == RecordingSleeper.class ? fixtures.sleeper() : fixtures.keys();
  }

  /**
   * The run's sandbox, reset on the first call within a test. {@code context} must be a test's context:
   * its store lives as long as that test, and no parent store holds {@link #RESET_FOR_THIS_TEST}.
   */
  static PaykitSandbox sandbox(ExtensionContext context) {
    PaykitSandbox shared = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(PaykitSandbox.class, type -> PaykitSandbox.start(), PaykitSandbox.class);
    context.getStore(NAMESPACE).getOrComputeIfAbsent(RESET_FOR_THIS_TEST, key -> {
      shared.reset();
      return Boolean.TRUE;
    });
    return shared;
  }

  private static Fixtures fixtures(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(Fixtures.class, type -> {
      MutableClock clock = new MutableClock(pinnedInstant(context));
      return new Fixtures(clock, new RecordingSleeper(clock), new NumberedKeys());
    }, Fixtures.class);
  }

  private static Instant pinnedInstant(ExtensionContext context) {
    String text = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SandboxTest.class)
        .map(SandboxTest::clock).orElse(SandboxTest.DEFAULT_CLOCK);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterResolutionException("@SandboxTest(clock = \"" + text + "\") on "
          + context.getRequiredTestClass().getName() + " is not an ISO-8601 instant", e);
    }
  }
}
