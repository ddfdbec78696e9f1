package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.TestkitApi.Transfer;
import feign.jackson.JacksonDecoder;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;

/**
 * Found in review: an application's registry may already hold an instance under paykit's name (e.g. declared
 * in its Resilience4j settings), whose own rules would repeat a call paykit never repeats (here a money call refused with a 400). paykit never uses it.
 */
class ForeignRetryInstanceTest {

  private static ClientAndServer server;

  @BeforeAll
  static void startServer() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void anInstanceOfPaykitsNameMadeByTheApplicationDoesNotRepeatARefusedMoneyCall() {
    server.when(request().withPath("/transfers"), Times.unlimited())
        .respond(response().withStatusCode(400).withHeader("Content-Type", "application/json").withBody("{}"));
    RetryRegistry registry = RetryRegistry.ofDefaults();
    // what resilience4j-spring-boot makes from resilience4j.retry.instances[paykit.testkit.createTransfer]:
    // retry on every exception, 3 attempts
    registry.retry("paykit.testkit.createTransfer", RetryConfig.custom().maxAttempts(3).build());
    PipelineFixture fixture = new PipelineFixture();
    TestkitApi api = fixture.runtime("http://127.0.0.1:" + server.getPort(),
        RetryPolicy.builder().sleeper(fixture.sleeper).random(() -> 0.0).build(), new JacksonDecoder(fixture.mapper),
        null, b -> b.retryRegistry(registry)).api(TestkitApi.class);

    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> api.createTransfer(null, new Transfer(new BigDecimal("10.50"), "ref-1")))
          .isInstanceOf(PaykitException.class).isNotInstanceOf(OutcomeUnknownException.class);
    } finally {
      System.setErr(err);
    }
    assertThat(server.retrieveRecordedRequests(request().withPath("/transfers"))).hasSize(1);
    // the application is told, once, that its instance is not used
    assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8).split("was not made by paykit", -1)).hasSize(2);
  }
}
