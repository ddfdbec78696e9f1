package dev.paykit.spring.boot.health;

import dev.paykit.spring.boot.PaykitClientBuilderCustomizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Opt-in health of each provider ({@code paykit.<provider>.health.enabled=true}, default false) whose client
 * the starter builds: a {@link PaykitCallHistory} observes that client's calls, and a contributor reports
 * it. Nothing is sent to check health (no probe): every provider's cheapest call either moves money, creates
 * state (PT API's login opens a session) or needs an id of the application's, and a probe would spend the
 * provider's rate limits; the client's own traffic says whether the provider answers.
 *
 * <p>The contributor is made for the health API on the class path, each behind {@code @ConditionalOnClass}:
 * Spring Boot 3.5's ({@code org.springframework.boot.actuate.health}) or 4.0's, which moved to
 * {@code org.springframework.boot.health.contributor} (module spring-boot-health). Without either the history
 * still runs.
 */
@AutoConfiguration
@Conditional(PaykitHealthAutoConfiguration.AnyProviderHealthEnabled.class)
public class PaykitHealthAutoConfiguration {

  /** Provider id and the property whose presence turns that provider's client on. */
  static final Map<String, String> ACTIVATION = Map.of(
      "promptcash", "secret-token",
      "prunny", "api-key",
      "paypercut", "secret-key",
      "prune", "api-key",
      "ptapi", "subscription-key");

  /** In a stable order: promptcash, prunny, paypercut, prune, ptapi. */
  private static final String[] ORDER = {"promptcash", "prunny", "paypercut", "prune", "ptapi"};

  /** The providers with a client and health on, each with its failure threshold. */
  static Map<String, Integer> enabled(Environment environment) {
    Binder binder = Binder.get(environment);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String provider : ORDER) {
      String prefix = "paykit." + provider;
      boolean client = environment.containsProperty(prefix + "." + ACTIVATION.get(provider));
      boolean on = binder.bind(prefix + ".health.enabled", Boolean.class).orElse(false);
      if (client && on) {
        out.put(provider, binder.bind(prefix + ".health.failure-threshold", Integer.class).orElse(3));
      }
    }
    return out;
  }

  @Bean
  @ConditionalOnMissingBean
  PaykitCallHistory paykitCallHistory(Environment environment, ObjectProvider<Clock> clock) {
    return new PaykitCallHistory(enabled(environment), clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean(name = "paykitCallHistoryCustomizer")
  PaykitClientBuilderCustomizer paykitCallHistoryCustomizer(PaykitCallHistory history) {
    return builder -> builder.addCallObserver(history);
  }

  /** Spring Boot 3.5's health API. The outer condition is repeated: a component scan can find this class alone. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AnyProviderHealthEnabled.class)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class Boot3Health {
    @Bean
    @ConditionalOnMissingBean(name = "paykitHealthContributor")
    org.springframework.boot.actuate.health.CompositeHealthContributor paykitHealthContributor(
        PaykitCallHistory history) {
      return PaykitHealthIndicators.of(history);
    }
  }

  /** Spring Boot 4.0's health API ({@code org.springframework.boot.health}, module spring-boot-health). */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AnyProviderHealthEnabled.class)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4Health {
    @Bean
    @ConditionalOnMissingBean(name = "paykitHealthContributor")
    org.springframework.boot.health.contributor.CompositeHealthContributor paykitHealthContributor(
        PaykitCallHistory history) {
      return PaykitBoot4HealthIndicators.of(history);
    }
  }

  /** True when at least one provider with a client has {@code health.enabled=true}. */
  static final class AnyProviderHealthEnabled extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Map<String, Integer> on = enabled(context.getEnvironment());
      return on.isEmpty()
          ? ConditionOutcome.noMatch("no paykit.<provider>.health.enabled=true for a configured client")
          : ConditionOutcome.match("paykit health on for " + on.keySet());
    }
  }
}
