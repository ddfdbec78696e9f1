package dev.paykit.spring.boot.it;

import dev.paykit.spring.boot.PaykitClientBuilderCustomizer;
import dev.paykit.spring.boot.feign.PromptCashFeignConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;

/**
 * The application under test, as a user writes it: the starter's clients from {@code paykit.*}, one
 * {@code @FeignClient} over the generated Prompt.Cash interface with paykit's Feign configuration, and the
 * clock pinned for the tests.
 */
@SpringBootApplication
@EnableFeignClients(clients = PaykitTestApplication.PromptCashPayments.class)
public class PaykitTestApplication {

  /** 2025-11-21T10:00:00Z. */
  static final Instant PINNED = Instant.ofEpochSecond(1763719200L);

  @FeignClient(name = "promptcash-payments", url = "${paykit.promptcash.base-url}",
      configuration = PromptCashFeignConfiguration.class)
  public interface PromptCashPayments extends dev.paykit.promptcash.api.PaymentsApi {}

  @Bean
  PaykitClientBuilderCustomizer pinnedClock() {
    return b -> b.clock(Clock.fixed(PINNED, ZoneOffset.UTC));
  }
}
