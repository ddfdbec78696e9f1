package dev.paykit.spring.boot;

import dev.paykit.core.ClientBuilder;

/**
 * Applied, in {@code @Order}, to the builder of every client the starter makes, after the properties: set
 * what has no property (a clock, a Resilience4j {@code RetryRegistry}, your OkHttp client, a proxy).
 * Check {@code builder instanceof PromptCashClient.Builder} etc. for provider-specific settings.
 */
@FunctionalInterface
public interface PaykitClientBuilderCustomizer {

  /**
   * Customizes one client's builder before the client is built.
   *
   * @param builder the builder of the client being made, already set from the properties; never {@code null}
   */
  void customize(ClientBuilder<?> builder);
}
