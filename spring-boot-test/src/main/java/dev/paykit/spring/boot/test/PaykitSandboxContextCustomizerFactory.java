package dev.paykit.spring.boot.test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigurePaykitSandbox} on a test class (or an enclosing class of a {@code @Nested} one)
 * and customizes its context with a {@link PaykitSandboxContextCustomizer}. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class PaykitSandboxContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigurePaykitSandbox annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigurePaykitSandbox.class);
    if (annotation == null) {
      return null;
    }
    Set<SandboxProvider> providers = EnumSet.noneOf(SandboxProvider.class);
    providers.addAll(List.of(annotation.providers()));
    if (providers.isEmpty()) {
      throw new IllegalStateException("@AutoConfigurePaykitSandbox on " + testClass.getName()
          + " lists no provider");
    }
    return new PaykitSandboxContextCustomizer(providers);
  }
}
