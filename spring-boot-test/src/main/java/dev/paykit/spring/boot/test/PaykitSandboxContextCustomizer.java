package dev.paykit.spring.boot.test;

import dev.paykit.sandbox.PaykitSandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a sandbox for one test context, adds the providers' properties as the environment's first property
 * source ({@value #PROPERTY_SOURCE}), registers the sandbox as the bean {@value #BEAN_NAME} and stops it
 * when the context is closed. Equal for equal provider sets, so Spring's context cache shares the context.
 */
final class PaykitSandboxContextCustomizer implements ContextCustomizer {

  static final String BEAN_NAME = "paykitSandbox";
  static final String PROPERTY_SOURCE = "paykitSandbox";

  private final Set<SandboxProvider> providers;

  PaykitSandboxContextCustomizer(Set<SandboxProvider> providers) {
    this.providers = Set.copyOf(providers);
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    PaykitSandbox sandbox = startKeepingTheApplicationsJulHandlers();
    try {
      Map<String, Object> properties = new LinkedHashMap<>();
      // enum order, not the set's: a stable property listing
      for (SandboxProvider provider : SandboxProvider.values()) {
        if (providers.contains(provider)) {
          properties.putAll(provider.properties(sandbox));
        }
      }
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
      beans.registerSingleton(BEAN_NAME, sandbox);
      if (!(beans instanceof DefaultListableBeanFactory registry)) {
        throw new IllegalStateException("cannot register the sandbox's shutdown with a "
            + beans.getClass().getName());
      }
      // Registered before any other bean, so destroyed after all of them (clients close first).
      registry.registerDisposableBean(BEAN_NAME + ".stop", sandbox::close);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /**
   * MockServer re-reads {@code java.util.logging}'s configuration when it first starts in a JVM (installing its own
   * console handler), which would undo Spring Boot's SLF4J bridge: Tomcat's and other JUL output would then bypass
   * the application's logging configuration. The root logger's handlers and level are put back.
   */
  static PaykitSandbox startKeepingTheApplicationsJulHandlers() {
    return keepingJulRootHandlers(PaykitSandbox::start);
  }

  static <T> T keepingJulRootHandlers(java.util.function.Supplier<T> action) {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Handler[] handlers = root.getHandlers();
    java.util.logging.Level level = root.getLevel();
    try {
      return action.get();
    } finally {
      java.util.logging.Logger after = java.util.logging.Logger.getLogger("");
      for (java.util.logging.Handler h : after.getHandlers()) {
        after.removeHandler(h);
      }
      for (java.util.logging.Handler h : handlers) {
        after.addHandler(h);
      }
      after.setLevel(level);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaykitSandboxContextCustomizer other
        && providers.equals(other.providers);
  }

  @Override
  public int hashCode() {
    return providers.hashCode();
  }
}
