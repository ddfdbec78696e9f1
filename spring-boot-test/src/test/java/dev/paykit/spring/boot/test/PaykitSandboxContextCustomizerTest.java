package dev.paykit.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

/** The factory, the customizer's life cycle (start, properties, bean, stop after the other beans) and its equality. */
class PaykitSandboxContextCustomizerTest {

  private final PaykitSandboxContextCustomizerFactory factory = new PaykitSandboxContextCustomizerFactory();

  @AutoConfigurePaykitSandbox(providers = SandboxProvider.PTAPI)
  static class PtOnly {}

  @AutoConfigurePaykitSandbox
  static class All {}

  @AutoConfigurePaykitSandbox(providers = {})
  static class None {}

  static class Unannotated {}

  @AutoConfigurePaykitSandbox(providers = SandboxProvider.PTAPI)
  static class Enclosing {
    @Nested
    class Inner {}
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aClassWithoutTheAnnotationIsLeftAlone() {
    assertThat(factory.createContextCustomizer(Unannotated.class, List.of())).isNull();
  }

  @Test
  void noProviderIsAClearError() {
    assertThatThrownBy(() -> factory.createContextCustomizer(None.class, List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lists no provider")
        .hasMessageContaining(None.class.getName());
  }

  @Test
  void equalProviderSetsShareTheCachedContext() {
    ContextCustomizer pt = factory.createContextCustomizer(PtOnly.class, List.of());
    assertThat(pt).isEqualTo(new PaykitSandboxContextCustomizer(EnumSet.of(SandboxProvider.PTAPI)))
        .hasSameHashCodeAs(new PaykitSandboxContextCustomizer(EnumSet.of(SandboxProvider.PTAPI)));
    assertThat(factory.createContextCustomizer(Enclosing.Inner.class, List.of())).isEqualTo(pt);
    assertThat(factory.createContextCustomizer(All.class, List.of()))
        .isEqualTo(new PaykitSandboxContextCustomizer(EnumSet.allOf(SandboxProvider.class)))
        .isNotEqualTo(pt);
  }

  @Test
  void startsTheSandboxSetsThePropertiesAndStopsItAfterTheOtherBeans() {
    AtomicBoolean sandboxUpWhenTheClientClosed = new AtomicBoolean();
    int port;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      factory.createContextCustomizer(PtOnly.class, List.of()).customizeContext(context, null);
      PaykitSandbox sandbox = context.getDefaultListableBeanFactory().getBean(PaykitSandbox.class);
      port = sandbox.port();
      // stands for a client bean that still talks to the sandbox when it closes (PT API logs out)
      context.registerBean("client", DisposableBean.class,
          () -> () -> sandboxUpWhenTheClientClosed.set(listening(port)));
      context.refresh();
      context.getBean("client");

      assertThat(listening(port)).isTrue();
      assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
          .isEqualTo(PaykitSandboxContextCustomizer.PROPERTY_SOURCE);
      assertThat(context.getEnvironment().getProperty("paykit.ptapi.base-url")).isEqualTo(sandbox.ptapi().baseUrl());
      assertThat(context.getEnvironment().getProperty("paykit.ptapi.subscription-key"))
          .isEqualTo(PtApiSimulator.PRIMARY_KEY);
      assertThat(context.getEnvironment().getProperty("paykit.ptapi.secondary-key"))
          .isEqualTo(PtApiSimulator.SECONDARY_KEY);
      assertThat(context.getEnvironment().getProperty("paykit.ptapi.login-id")).isEqualTo(PtApiSimulator.LOGIN_ID);
      assertThat(context.getEnvironment().getProperty("paykit.ptapi.password")).isEqualTo(PtApiSimulator.PASSWORD);
      assertThat(context.getEnvironment().containsProperty("paykit.promptcash.base-url")).isFalse();
    }
    assertThat(sandboxUpWhenTheClientClosed).isTrue();
    assertThat(listening(port)).isFalse();
  }

  @Test
  void theApplicationsJavaUtilLoggingHandlersSurviveTheSandboxsStart() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Handler[] before = root.getHandlers();
    java.util.logging.Handler bridge = new java.util.logging.Handler() { // stands for Boot's SLF4J bridge
      @Override public void publish(java.util.logging.LogRecord r) {}
      @Override public void flush() {}
      @Override public void close() {}
    };
    for (java.util.logging.Handler h : before) {
      root.removeHandler(h);
    }
    root.addHandler(bridge);
    try {
      // what MockServer does on its first start in a JVM: re-read JUL's configuration (here: a console handler)
      String handlerSetBy = PaykitSandboxContextCustomizer.keepingJulRootHandlers(() -> {
        try {
          java.util.logging.LogManager.getLogManager().readConfiguration(new java.io.ByteArrayInputStream(
              "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return java.util.Arrays.toString(java.util.logging.Logger.getLogger("").getHandlers());
      });
      assertThat(handlerSetBy).contains("ConsoleHandler"); // replaced meanwhile...
      assertThat(root.getHandlers()).containsExactly(bridge); // ...and put back
      try (PaykitSandbox sandbox = PaykitSandboxContextCustomizer.startKeepingTheApplicationsJulHandlers()) {
        assertThat(root.getHandlers()).containsExactly(bridge);
      }
    } finally {
      root.removeHandler(bridge);
      for (java.util.logging.Handler h : before) {
        root.addHandler(h);
      }
    }
  }

  @Test
  void everyProvidersPropertiesAreTheStartersNames() {
    try (PaykitSandbox sandbox = PaykitSandbox.start()) {
      assertThat(SandboxProvider.PROMPTCASH.properties(sandbox)).containsOnlyKeys("paykit.promptcash.base-url",
          "paykit.promptcash.public-token", "paykit.promptcash.secret-token");
      assertThat(SandboxProvider.PRUNNY.properties(sandbox)).containsOnlyKeys("paykit.prunny.base-url",
          "paykit.prunny.api-key");
      assertThat(SandboxProvider.PAYPERCUT.properties(sandbox)).containsOnlyKeys("paykit.paypercut.base-url",
          "paykit.paypercut.secret-key");
      assertThat(SandboxProvider.PRUNE.properties(sandbox)).containsOnlyKeys("paykit.prune.base-url",
          "paykit.prune.api-key");
      assertThat(SandboxProvider.PTAPI.properties(sandbox)).containsOnlyKeys("paykit.ptapi.base-url",
          "paykit.ptapi.login-id", "paykit.ptapi.password", "paykit.ptapi.secondary-key",
          "paykit.ptapi.subscription-key");
      Map<String, Object> prune = SandboxProvider.PRUNE.properties(sandbox);
      assertThat(prune.get("paykit.prune.base-url")).isEqualTo(sandbox.prune().baseUrl());
    }
    assertThatThrownBy(() -> SandboxProvider.PRUNE.properties(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sandbox is required");
  }
}
