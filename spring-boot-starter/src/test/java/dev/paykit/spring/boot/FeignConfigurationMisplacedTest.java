package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.spring.boot.feign.PromptCashFeignConfiguration;
import dev.paykit.spring.boot.feign.PrunnyFeignConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A paykit Feign configuration in the application's own context (a {@code @Configuration} on a subclass, or an
 * {@code @Import}) is refused at startup with a message that says what to do, instead of handing its beans
 * (contract, this provider's signing interceptor with its credentials) to every {@code @FeignClient}: before,
 * the application started and its other Feign clients failed later ("not annotated with HTTP method type",
 * "not an operation of the promptcash spec"), or inherited Prompt.Cash's interceptor.
 */
class FeignConfigurationMisplacedTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class, FeignAutoConfiguration.class))
      .withPropertyValues("paykit.promptcash.secret-token=pc-secret-1", "paykit.promptcash.public-token=1-pub",
          "paykit.promptcash.base-url=http://127.0.0.1:1/promptcash",
          "paykit.prunny.api-key=prunny-key-1", "paykit.prunny.base-url=http://127.0.0.1:1/prunny");

  @Configuration
  static class AnnotatedByMistake extends PromptCashFeignConfiguration {
    AnnotatedByMistake(PromptCashClient client, ObjectProvider<PromptCashProperties> properties) {
      super(client, properties);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Import(PrunnyFeignConfiguration.class)
  static class ImportedByMistake {}

  @Test
  void aConfigurationSubclassIsRefused() {
    runner.withUserConfiguration(AnnotatedByMistake.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(AnnotatedByMistake.class.getName())
          .hasMessageContaining("name it only in @FeignClient(configuration = ...)")
          .hasMessageNotContaining("pc-secret-1");
    });
  }

  @Test
  void anImportedConfigurationIsRefused() {
    runner.withUserConfiguration(ImportedByMistake.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageStartingWith(PrunnyFeignConfiguration.class.getName() + " is registered in the application context");
    });
  }
}
