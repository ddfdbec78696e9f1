package dev.paykit.spring.boot.it;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.spring.boot.PaykitClientBuilderCustomizer;
import java.math.BigDecimal;
import dev.paykit.spring.boot.feign.PromptCashFeignConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

  /** The application's own API over paykit, its failures answered as problems (paykit.problem-details.enabled). */
  @RestController
  static class Checkout {
    private final PromptCashClient promptCash;

    Checkout(PromptCashClient promptCash) {
      this.promptCash = promptCash;
    }

    @PostMapping("/checkout/{order}")
    String pay(@PathVariable String order, @RequestParam BigDecimal amount) {
      return promptCash.payments().create(CreatePaymentRequest.builder(order, amount, "USD").build()).toString();
    }

    @GetMapping("/checkout/{order}")
    String status(@PathVariable String order) {
      return String.valueOf(promptCash.payments().get(order).getStatus());
    }
  }

  @Bean
  PaykitClientBuilderCustomizer pinnedClock() {
    return b -> b.clock(Clock.fixed(PINNED, ZoneOffset.UTC));
  }
}
