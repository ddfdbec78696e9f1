package dev.paykit.spring.boot.feign;

import dev.paykit.prunny.PrunnyClient;
import dev.paykit.spring.boot.PrunnyProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The Prunny pipeline for a {@code @FeignClient} over a generated {@code dev.paykit.prunny.api} interface,
 * taken from the application's {@link PrunnyClient} bean (the starter's, from {@code paykit.prunny.*}, or
 * yours):
 *
 * <pre>{@code
 * @FeignClient(name = "prunny", url = "${paykit.prunny.base-url}", configuration = PrunnyFeignConfiguration.class)
 * interface PrunnyPayments extends dev.paykit.prunny.api.SomeApi {}
 * }</pre>
 *
 * The wire log follows {@code paykit.prunny.wire-logging} (off when the client is your own bean and the
 * starter's properties are absent). See {@link PaykitFeignConfiguration} for what it supplies.
 */
public class PrunnyFeignConfiguration extends PaykitFeignConfiguration {

  /**
   * Made by Spring Cloud OpenFeign in the {@code @FeignClient}'s own context.
   *
   * @param client the application's {@link PrunnyClient} bean, whose {@code feignBuilder()} supplies the components
   * @param properties the starter's {@code paykit.prunny.*} properties, if present (only wire logging is read)
   */
  public PrunnyFeignConfiguration(PrunnyClient client, ObjectProvider<PrunnyProperties> properties) {
    super(new PaykitFeignParts(client::feignBuilder,
        properties.getIfAvailable() != null && properties.getIfAvailable().isWireLogging()));
  }
}
