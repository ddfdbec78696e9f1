package dev.paykit.spring.boot.test;

import dev.paykit.sandbox.PaykitSandbox;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the context's sandbox before each test method of an {@link AutoConfigurePaykitSandbox} test class
 * (unless {@code resetBeforeEachTest = false}). Registered in {@code META-INF/spring.factories}; does
 * nothing, and loads no context, for other test classes.
 */
public final class PaykitSandboxResetListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    AutoConfigurePaykitSandbox annotation = TestContextAnnotationUtils.findMergedAnnotation(
        testContext.getTestClass(), AutoConfigurePaykitSandbox.class);
    if (annotation == null || !annotation.resetBeforeEachTest()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    if (context.containsBean(PaykitSandboxContextCustomizer.BEAN_NAME)) {
      context.getBean(PaykitSandboxContextCustomizer.BEAN_NAME, PaykitSandbox.class).reset();
    }
  }

  /** Before the listeners that run a test's own {@code @BeforeEach}-time work (e.g. SQL scripts). */
  @Override
  public int getOrder() {
    return 1_000;
  }
}
