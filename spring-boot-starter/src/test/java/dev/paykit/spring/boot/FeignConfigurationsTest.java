package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.spring.boot.feign.PaypercutFeignConfiguration;
import dev.paykit.spring.boot.feign.PruneFeignConfiguration;
import dev.paykit.spring.boot.feign.PrunnyFeignConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Configuration;

/**
 * The other three providers' Feign configurations: a {@code @FeignClient} refuses a missing required
 * argument before sending (nothing listens at the base URL, so a request sent would fail differently),
 * and a request that cannot connect surfaces as paykit's {@code ConnectionException}, not as Feign's {@code RetryableException}.
 */
class FeignConfigurationsTest {

  @FeignClient(name = "prunny-accounts", url = "${paykit.prunny.base-url}", configuration = PrunnyFeignConfiguration.class)
  interface PrunnyAccounts extends dev.paykit.prunny.api.AccountsApi {}

  @FeignClient(name = "paypercut-checkouts", url = "${paykit.paypercut.base-url}", configuration = PaypercutFeignConfiguration.class)
  interface PaypercutCheckouts extends dev.paykit.paypercut.api.CheckoutSessionsApi {}

  @FeignClient(name = "prune-requests", url = "${paykit.prune.base-url}", configuration = PruneFeignConfiguration.class)
  interface PruneRequests extends dev.paykit.prune.api.AccountRequestsApi {}

  @Configuration(proxyBeanMethods = false)
  @EnableFeignClients(clients = {PrunnyAccounts.class, PaypercutCheckouts.class, PruneRequests.class})
  static class App {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class, FeignAutoConfiguration.class))
      .withUserConfiguration(App.class)
      .withPropertyValues(
          "paykit.prunny.api-key=prunny-key-1", "paykit.prunny.base-url=http://127.0.0.1:1/prunny",
          "paykit.prunny.retry.max-attempts=1",
          "paykit.paypercut.secret-key=sk_test_feign_1", "paykit.paypercut.base-url=http://127.0.0.1:1/paypercut",
          "paykit.paypercut.retry.max-attempts=1",
          "paykit.prune.api-key=sk_test_feign_2", "paykit.prune.base-url=http://127.0.0.1:1/prune",
          "paykit.prune.retry.max-attempts=1");

  private static void refusedBeforeSending(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).contains(field)));
  }

  private static void typedWhenSent(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(dev.paykit.core.ConnectionException.class)
        .hasMessageNotContaining("prunny-key-1").hasMessageNotContaining("sk_test_feign");
  }

  @Test
  void prunny() {
    runner.run(ctx -> {
      PrunnyAccounts api = ctx.getBean(PrunnyAccounts.class);
      refusedBeforeSending(() -> api.getAccount(null), "accountNumber");
      typedWhenSent(() -> api.getAccount("0123456789"));
    });
  }

  @Test
  void paypercut() {
    runner.run(ctx -> {
      PaypercutCheckouts api = ctx.getBean(PaypercutCheckouts.class);
      refusedBeforeSending(() -> api.getCheckout(null, (java.util.List<String>) null), "id");
      typedWhenSent(() -> api.getCheckout("cs_123", (java.util.List<String>) null));
    });
  }

  @Test
  void prune() {
    runner.run(ctx -> {
      PruneRequests api = ctx.getBean(PruneRequests.class);
      refusedBeforeSending(() -> api.getAccountRequest(null), "request_id");
      typedWhenSent(() -> api.getAccountRequest("req_1"));
    });
  }
}
