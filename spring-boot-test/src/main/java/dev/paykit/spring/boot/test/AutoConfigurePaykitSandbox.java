package dev.paykit.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts paykit's embedded sandbox ({@link dev.paykit.sandbox.PaykitSandbox}, on a free loopback port) once
 * per Spring test context and points the starter's clients of the listed providers at it through their
 * properties: {@code paykit.<provider>.base-url} and the simulator's own credentials
 * ({@code paykit.promptcash.secret-token} / {@code public-token}, {@code paykit.prunny.api-key},
 * {@code paykit.paypercut.secret-key}, {@code paykit.prune.api-key}, {@code paykit.ptapi.subscription-key} /
 * {@code secondary-key} / {@code login-id} / {@code password}). These win over the application's own values
 * of the same names; every other {@code paykit.*} property (timeouts, retries, wire logging) stays the
 * application's.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigurePaykitSandbox(providers = {SandboxProvider.PROMPTCASH, SandboxProvider.PRUNNY})
 * class CheckoutTest {
 *   @Autowired PromptCashClient promptCash;   // the starter's bean, talking to the sandbox
 *   @Autowired PaykitSandbox sandbox;          // its state and MockServer's recorded requests
 * }
 * }</pre>
 *
 * <p>The sandbox is a bean of the context ({@code paykitSandbox}); it is {@linkplain
 * dev.paykit.sandbox.PaykitSandbox#reset() reset} before each test method unless {@link #resetBeforeEachTest()}
 * is false, and stopped when the context closes (after the clients, so PT API's logout still reaches it).
 * Contexts with the same providers are cached and share one sandbox, as Spring shares the
 * context. Needs {@code paykit-spring-boot-test} on the test class path (it registers itself through
 * {@code META-INF/spring.factories}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigurePaykitSandbox {

  /**
   * The providers whose client properties point at the sandbox.
   *
   * @return the providers whose starter properties are set; by default all five
   */
  SandboxProvider[] providers() default {SandboxProvider.PROMPTCASH, SandboxProvider.PRUNNY,
      SandboxProvider.PAYPERCUT, SandboxProvider.PRUNE, SandboxProvider.PTAPI};

  /**
   * Whether the sandbox's state and recorded requests are cleared before each test method.
   *
   * @return {@code true} (the default) to start every test from the simulators' seeded state
   */
  boolean resetBeforeEachTest() default true;
}
