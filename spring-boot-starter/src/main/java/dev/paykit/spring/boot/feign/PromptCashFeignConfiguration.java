package dev.paykit.spring.boot.feign;

import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.spring.boot.PromptCashProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The PromptCash pipeline for a {@code @FeignClient} over a generated {@code dev.paykit.promptcash.api} interface,
 * taken from the application's {@link PromptCashClient} bean (the starter's, from {@code paykit.promptcash.*}, or
 * yours):
 *
 * <pre>{@code
 * @FeignClient(name = "promptcash", url = "${paykit.promptcash.base-url}", configuration = PromptCashFeignConfiguration.class)
 * interface PromptCashPayments extends dev.paykit.promptcash.api.SomeApi {}
 * }</pre>
 *
 * The wire log follows {@code paykit.promptcash.wire-logging} (off when the client is your own bean and the
 * starter's properties are absent). See {@link PaykitFeignConfiguration} for what it supplies.
 */
public class PromptCashFeignConfiguration extends PaykitFeignConfiguration {

  /**
   * Made by Spring Cloud OpenFeign in the {@code @FeignClient}'s own context.
   *
   * @param client the application's {@link PromptCashClient} bean, whose {@code feignBuilder()} supplies the components
   * @param properties the starter's {@code paykit.promptcash.*} properties, if present (only wire logging is read)
   */
  public PromptCashFeignConfiguration(PromptCashClient client, ObjectProvider<PromptCashProperties> properties) {
    super(new PaykitFeignParts(client::feignBuilder,
        properties.getIfAvailable() != null && properties.getIfAvailable().isWireLogging()));
  }
}
