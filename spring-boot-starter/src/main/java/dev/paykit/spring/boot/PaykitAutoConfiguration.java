package dev.paykit.spring.boot;

import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prune.PruneClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.ptapi.PtApiClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import dev.paykit.core.ClientBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One paykit client per provider whose credential property is set ({@code paykit.promptcash.secret-token},
 * {@code paykit.prunny.api-key}, {@code paykit.paypercut.secret-key}, {@code paykit.prune.api-key},
 * {@code paykit.ptapi.subscription-key}). Every
 * bean steps aside for one of the application's own of the same type; clients are closed with the context.
 */
@AutoConfiguration
public class PaykitAutoConfiguration {

  /** Prompt.Cash. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paykit.promptcash", name = "secret-token")
  @EnableConfigurationProperties(PromptCashProperties.class)
  static class PromptCash {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PromptCashClient promptCashClient(PromptCashProperties p,
        ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
      PromptCashClient.Builder b = p.applyTo(PromptCashClient.builder())
          .secretToken(p.getSecretToken()).publicToken(p.getPublicToken());
      if (p.getBaseUrl() != null) {
        b.baseUrl(p.getBaseUrl());
      }
      if (p.getSignatureScheme() != null) {
        b.signatureScheme(p.getSignatureScheme());
      }
      return customize(b, customizers).build();
    }
  }

  /** Prunny. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paykit.prunny", name = "api-key")
  @EnableConfigurationProperties(PrunnyProperties.class)
  static class Prunny {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PrunnyClient prunnyClient(PrunnyProperties p,
        ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
      PrunnyClient.Builder b = p.applyTo(PrunnyClient.builder()).apiKey(p.getApiKey());
      if (p.getEnvironment() != null) {
        b.environment(p.getEnvironment());
      }
      if (p.getBaseUrl() != null) {
        b.baseUrl(p.getBaseUrl());
      }
      return customize(b, customizers).build();
    }
  }

  /** Paypercut. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paykit.paypercut", name = "secret-key")
  @EnableConfigurationProperties(PaypercutProperties.class)
  static class Paypercut {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PaypercutClient paypercutClient(PaypercutProperties p,
        ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
      PaypercutClient.Builder b = p.applyTo(PaypercutClient.builder()).secretKey(p.getSecretKey());
      if (p.getBaseUrl() != null) {
        b.baseUrl(p.getBaseUrl());
      }
      return customize(b, customizers).build();
    }
  }

  /** Prune Payments. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paykit.prune", name = "api-key")
  @EnableConfigurationProperties(PruneProperties.class)
  static class Prune {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PruneClient pruneClient(PruneProperties p,
        ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
      PruneClient.Builder b = p.applyTo(PruneClient.builder()).apiKey(p.getApiKey());
      if (p.getBaseUrl() != null) {
        b.baseUrl(p.getBaseUrl());
      }
      return customize(b, customizers).build();
    }
  }

  /** PT API. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "paykit.ptapi", name = "subscription-key")
  @EnableConfigurationProperties(PtApiProperties.class)
  static class PtApi {
    /** Closing logs out of PT (when a session is open) and releases the pool. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PtApiClient ptApiClient(PtApiProperties p, ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
      PtApiClient.Builder b = p.applyTo(PtApiClient.builder())
          .subscriptionKey(p.getSubscriptionKey()).secondaryKey(p.getSecondaryKey())
          .subscriptionKeyHeader(p.getSubscriptionKeyHeader())
          .loginId(p.getLoginId()).password(p.getPassword())
          .etagCacheSize(p.getEtagCacheSize());
      if (p.getBaseUrl() != null) {
        b.baseUrl(p.getBaseUrl());
      }
      return customize(b, customizers).build();
    }
  }

  /**
   * Masks paykit's credentials in {@code /actuator/configprops} and {@code /actuator/env} even when the
   * application shows values ({@code management.endpoint.*.show-values=always}); Spring's own default
   * ({@code never}) masks every value anyway.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Sanitizing {
    @Bean
    @ConditionalOnMissingBean(name = "paykitSanitizingFunction")
    PaykitSanitizingFunction paykitSanitizingFunction() {
      return new PaykitSanitizingFunction();
    }
  }

  private static <B extends ClientBuilder<B>> B customize(B builder,
      ObjectProvider<PaykitClientBuilderCustomizer> customizers) {
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder;
  }
}
