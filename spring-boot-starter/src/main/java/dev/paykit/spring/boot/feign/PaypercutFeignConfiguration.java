package dev.paykit.spring.boot.feign;

import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.spring.boot.PaypercutProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The Paypercut pipeline for a {@code @FeignClient} over a generated {@code dev.paykit.paypercut.api} interface,
 * taken from the application's {@link PaypercutClient} bean (the starter's, from {@code paykit.paypercut.*}, or
 * yours):
 *
 * <pre>{@code
 * @FeignClient(name = "paypercut", url = "${paykit.paypercut.base-url}", configuration = PaypercutFeignConfiguration.class)
 * interface PaypercutPayments extends dev.paykit.paypercut.api.SomeApi {}
 * }</pre>
 *
 * The wire log follows {@code paykit.paypercut.wire-logging} (off when the client is your own bean and the
 * starter's properties are absent). See {@link PaykitFeignConfiguration} for what it supplies.
 */
public class PaypercutFeignConfiguration extends PaykitFeignConfiguration {

  /**
   * Made by Spring Cloud OpenFeign in the {@code @FeignClient}'s own context.
   *
   * @param client the application's {@link PaypercutClient} bean, whose {@code feignBuilder()} supplies the components
   * @param properties the starter's {@code paykit.paypercut.*} properties, if present (only wire logging is read)
   */
  public PaypercutFeignConfiguration(PaypercutClient client, ObjectProvider<PaypercutProperties> properties) {
    super(new PaykitFeignParts(client::feignBuilder,
        properties.getIfAvailable() != null && properties.getIfAvailable().isWireLogging()));
  }
}
