package dev.paykit.spring.boot.feign;

import dev.paykit.prune.PruneClient;
import dev.paykit.spring.boot.PruneProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The Prune pipeline for a {@code @FeignClient} over a generated {@code dev.paykit.prune.api} interface,
 * taken from the application's {@link PruneClient} bean (the starter's, from {@code paykit.prune.*}, or
 * yours):
 *
 * <pre>{@code
 * @FeignClient(name = "prune", url = "${paykit.prune.base-url}", configuration = PruneFeignConfiguration.class)
 * interface PrunePayments extends dev.paykit.prune.api.SomeApi {}
 * }</pre>
 *
 * The wire log follows {@code paykit.prune.wire-logging} (off when the client is your own bean and the
 * starter's properties are absent). See {@link PaykitFeignConfiguration} for what it supplies.
 */
public class PruneFeignConfiguration extends PaykitFeignConfiguration {

  /**
   * Made by Spring Cloud OpenFeign in the {@code @FeignClient}'s own context.
   *
   * @param client the application's {@link PruneClient} bean, whose {@code feignBuilder()} supplies the components
   * @param properties the starter's {@code paykit.prune.*} properties, if present (only wire logging is read)
   */
  public PruneFeignConfiguration(PruneClient client, ObjectProvider<PruneProperties> properties) {
    super(new PaykitFeignParts(client::feignBuilder,
        properties.getIfAvailable() != null && properties.getIfAvailable().isWireLogging()));
  }
}
