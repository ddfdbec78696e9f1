package dev.paykit.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.sandbox.PaykitSandbox;
import java.math.BigDecimal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code resetBeforeEachTest = false}: what one test left in the sandbox is there for the next. */
@SpringBootTest(classes = KeptStateTest.App.class, properties = "spring.main.banner-mode=off")
@AutoConfigurePaykitSandbox(providers = SandboxProvider.PROMPTCASH, resetBeforeEachTest = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeptStateTest {

  @SpringBootApplication
  static class App {}

  @Autowired PaykitSandbox sandbox;
  @Autowired PromptCashClient promptCash;
  @Autowired ObjectProvider<PrunnyClient> prunny;

  @Test
  @Order(1)
  void aPaymentIsMade() {
    assertThat(prunny.getIfAvailable()).isNull(); // only Prompt.Cash is listed
    promptCash.payments().create(CreatePaymentRequest.builder("kept-1", new BigDecimal("1.00"), "USD").build());
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void itIsStillThereInTheNextTest() {
    assertThat(sandbox.promptCash().payment("kept-1")).isPresent();
  }
}
