package dev.paykit.spring.boot.observation;

import dev.paykit.core.CallObserver;
import dev.paykit.spring.boot.PaykitClientBuilderCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Metrics and tracing of every paykit client the starter builds, when Micrometer is on the class path:
 * an Observation per call ({@code paykit.client.requests}) and per attempt ({@code paykit.client.attempts})
 * ({@link PaykitObservations}). They go to the application's {@link ObservationRegistry} (Spring Boot's,
 * whose meter handler makes the timers and whose tracing handler makes the spans); without one, to a
 * {@link MeterRegistry} through a registry of the starter's own with Micrometer's meter handler, so the
 * timers are the same. Off with {@code paykit.observations.enabled=false}.
 *
 * <p>Also hands the application's Resilience4j {@link RetryRegistry} bean, when it has one, to every client
 * that has none, so its {@code Retry} instances ({@code paykit.<provider>.<operationId>}) and their metrics
 * show where Resilience4j's own Spring Boot support reports them.
 *
 * <p>Everything is read lazily, when the first client is built, so the order of auto-configurations does
 * not matter; the names below are only an ordering hint for Boot 3.5 and 4.0.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
public class PaykitObservationAutoConfiguration {

  private static final boolean METERS = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
      PaykitObservationAutoConfiguration.class.getClassLoader());

  /** Observations of every call and attempt. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
  @ConditionalOnProperty(prefix = "paykit.observations", name = "enabled", matchIfMissing = true)
  static class Observations {
    @Bean
    @ConditionalOnMissingBean(name = "paykitObservationCustomizer")
    PaykitClientBuilderCustomizer paykitObservationCustomizer(ListableBeanFactory beans) {
      SingletonSupplier<CallObserver> observer = SingletonSupplier.of(() -> observer(beans));
      return builder -> {
        CallObserver o = observer.obtain();
        if (o != NONE) {
          builder.addCallObserver(o);
        }
      };
    }
  }

  /** Stands for "nothing to observe into". */
  private static final CallObserver NONE = (provider, operationId) -> CallObserver.Call.NONE;

  private static CallObserver observer(ListableBeanFactory beans) {
    ObservationRegistry registry = beans.getBeanProvider(ObservationRegistry.class).getIfUnique();
    if (registry != null && !registry.isNoop()) {
      return new PaykitObservations(registry);
    }
    ObservationRegistry own = METERS ? Meters.registry(beans) : null;
    return own == null ? NONE : new PaykitObservations(own);
  }

  /** Touches Micrometer's meters only when they are on the class path. */
  private static final class Meters {
    /** A registry of the starter's own that times observations into the application's meter registry. */
    static ObservationRegistry registry(ListableBeanFactory beans) {
      MeterRegistry meterRegistry = beans.getBeanProvider(MeterRegistry.class).getIfUnique();
      if (meterRegistry == null) {
        return null;
      }
      ObservationRegistry own = ObservationRegistry.create();
      own.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
      return own;
    }
  }

  /** The application's Resilience4j registry, for every client that has none. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.github.resilience4j.retry.RetryRegistry")
  static class Retries {
    @Bean
    @ConditionalOnMissingBean(name = "paykitRetryRegistryCustomizer")
    PaykitClientBuilderCustomizer paykitRetryRegistryCustomizer(ObjectProvider<RetryRegistry> registries) {
      return builder -> {
        RetryRegistry registry = registries.getIfUnique();
        if (registry != null && builder.retryRegistry() == null) {
          builder.retryRegistry(registry);
        }
      };
    }
  }
}
