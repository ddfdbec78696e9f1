package dev.paykit.tests.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the sandbox: {@link SandboxExtension} (the run's one {@code PaykitSandbox}, reset for
 * each test, a simulator by its type, a pinned clock, a recording sleeper, numbered keys) and
 * {@link ScriptedServerExtension} (a {@link ScriptedServer} for answers no simulator gives), all taken
 * as parameters of {@code @BeforeEach} or test methods. Put it on a provider's test base; subclasses
 * inherit it.
 *
 * <pre>{@code
 * @SandboxTest
 * class MyPrunnyTest {
 *   @Test
 *   void paysOnce(PrunnySimulator sim, MutableClock clock, NumberedKeys keys) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({SandboxExtension.class, ScriptedServerExtension.class})
public @interface SandboxTest {

  /** Where each test's clock starts unless {@link #clock()} says otherwise. */
  String DEFAULT_CLOCK = "2026-11-21T10:00:00.123Z";

  /** Where each test's {@code MutableClock} starts: an ISO-8601 instant ({@link java.time.Instant#parse}). */
  String clock() default DEFAULT_CLOCK;
}
