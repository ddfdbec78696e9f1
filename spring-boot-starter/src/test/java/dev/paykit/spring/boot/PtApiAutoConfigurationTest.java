package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ServerException;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** PT API's client from {@code paykit.ptapi.*}, against the PT sandbox: login on first use, logout on close. */
class PtApiAutoConfigurationTest {

  private static final PaykitSandbox SANDBOX = PaykitSandbox.start();
  private static final String LOGIN = PtApiSimulator.PATH_PREFIX + "/_ah/api/userendpoint/v1/login";
  private static final String LOGOUT = PtApiSimulator.PATH_PREFIX + "/_ah/api/userendpoint/v1/logout";
  private static final String BUSINESSES = PtApiSimulator.PATH_PREFIX
      + "/_ah/api/customerendpoint/v1/getCustomerListByParent";

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class))
        .withBean(PaykitClientBuilderCustomizer.class, () -> b -> b.retryPolicy(
            b.retryPolicy().toBuilder().sleeper(waits::add).random(() -> 0.0).build()))
        .withPropertyValues("paykit.ptapi.base-url=" + SANDBOX.ptapi().baseUrl(),
            "paykit.ptapi.subscription-key=" + PtApiSimulator.PRIMARY_KEY,
            "paykit.ptapi.login-id=" + PtApiSimulator.LOGIN_ID,
            "paykit.ptapi.password=" + PtApiSimulator.PASSWORD);
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @BeforeEach
  void reset() {
    SANDBOX.reset();
    waits.clear();
  }

  private static HttpRequest[] sent(String path) {
    return SANDBOX.mockServer().retrieveRecordedRequests(request().withPath(path));
  }

  @Test
  void logsInOnFirstUseAndOutWhenTheContextCloses() {
    runner().run(ctx -> {
      PtApiClient pt = ctx.getBean(PtApiClient.class);
      assertThat(sent(LOGIN)).isEmpty(); // nothing is sent at startup
      assertThat(pt.hierarchy().businesses().getCustomers()).isNotEmpty();
      assertThat(SANDBOX.ptapi().loginCount()).isEqualTo(1);
      HttpRequest[] list = sent(BUSINESSES);
      assertThat(list).hasSize(1);
      assertThat(list[0].getHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER)).containsExactly(PtApiSimulator.PRIMARY_KEY);
      assertThat(sent(LOGOUT)).isEmpty();
    });
    assertThat(sent(LOGOUT)).hasSize(1); // closed with the context
  }

  @Test
  void theSecondaryKeyTakesOverWhenThePrimaryIsRevoked() {
    runner().withPropertyValues("paykit.ptapi.secondary-key=" + PtApiSimulator.SECONDARY_KEY).run(ctx -> {
      SANDBOX.ptapi().revokePrimaryKey();
      assertThat(ctx.getBean(PtApiClient.class).hierarchy().businesses().getCustomers()).isNotEmpty();
      assertThat(sent(BUSINESSES)[0].getHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER))
          .containsExactly(PtApiSimulator.SECONDARY_KEY);
    });
  }

  @Test
  void theRetryPolicyComesFromTheProperties() {
    runner().withPropertyValues("paykit.ptapi.retry.max-attempts=2", "paykit.ptapi.retry.initial-backoff=40ms")
        .run(ctx -> {
          PtApiClient pt = ctx.getBean(PtApiClient.class);
          pt.loginCustomerId(); // logged in first, so the faults meet the list
          SANDBOX.ptapi().failNext(5, 503);
          assertThatThrownBy(() -> pt.hierarchy().businesses()).isInstanceOf(ServerException.class);
          assertThat(sent(BUSINESSES)).hasSize(2);
          assertThat(waits).containsExactly(Duration.ofMillis(40));
        });
  }

  @Test
  void conditionalReadsAreOnByDefaultAndOffWithACacheSizeOfZero() {
    assertThat(new PtApiProperties().getEtagCacheSize()).isEqualTo(PtApiClient.DEFAULT_ETAG_CACHE_SIZE);
    runner().run(ctx -> {
      PtApiClient pt = ctx.getBean(PtApiClient.class);
      pt.hierarchy().businesses();
      pt.hierarchy().businesses();
      HttpRequest[] list = sent(BUSINESSES);
      assertThat(list).hasSize(2);
      assertThat(list[0].getHeader("If-None-Match")).isEmpty();
      assertThat(list[1].getHeader("If-None-Match")).hasSize(1); // the ETag of the first answer
    });
    SANDBOX.reset();
    runner().withPropertyValues("paykit.ptapi.etag-cache-size=0").run(ctx -> {
      PtApiClient pt = ctx.getBean(PtApiClient.class);
      pt.hierarchy().businesses();
      pt.hierarchy().businesses();
      HttpRequest[] list = sent(BUSINESSES);
      assertThat(list).hasSize(2);
      assertThat(list[1].getHeader("If-None-Match")).isEmpty();
    });
  }

  @Test
  void theDefaultHeaderNameIsTheClientsDefault() {
    assertThat(new PtApiProperties().getSubscriptionKeyHeader()).isEqualTo(PtApiClient.DEFAULT_KEY_HEADER);
  }

  @Test
  void aHeaderNameOfTheApplications() {
    runner().withPropertyValues("paykit.ptapi.subscription-key-header=X-Gateway-Key").run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(PtApiProperties.class).getSubscriptionKeyHeader()).isEqualTo("X-Gateway-Key");
      // the sandbox knows only APIM's default name, so it refuses the call: the configured name reached the wire
      assertThatThrownBy(() -> ctx.getBean(PtApiClient.class).hierarchy().businesses())
          .isInstanceOf(dev.paykit.core.PaykitException.class);
      assertThat(sent(LOGIN)[0].getHeader("X-Gateway-Key")).containsExactly(PtApiSimulator.PRIMARY_KEY);
      assertThat(sent(LOGIN)[0].getHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER)).isEmpty();
    });
  }

  @Test
  void aMissingBaseUrlOrLoginFailsStartupNamingItWithoutTheSecrets() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class))
        .withPropertyValues("paykit.ptapi.subscription-key=" + PtApiSimulator.PRIMARY_KEY,
            "paykit.ptapi.password=" + PtApiSimulator.PASSWORD)
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("baseUrl").hasMessageContaining("loginId")
            .hasMessageNotContaining(PtApiSimulator.PRIMARY_KEY).hasMessageNotContaining(PtApiSimulator.PASSWORD));
  }

  @Test
  void timeoutsAndWireLoggingAreBound() {
    runner().withPropertyValues("paykit.ptapi.http.read-timeout=7s", "paykit.ptapi.http.call-timeout=20s",
        "paykit.ptapi.wire-logging=true").run(ctx -> {
          PtApiProperties p = ctx.getBean(PtApiProperties.class);
          assertThat(p.getHttp().toOptions().readTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(p.getHttp().toOptions().callTimeout()).isEqualTo(Duration.ofSeconds(20));
          assertThat(p.isWireLogging()).isTrue();
          assertThat(p.toString()).doesNotContain(PtApiSimulator.PASSWORD).doesNotContain(PtApiSimulator.PRIMARY_KEY);
        });
  }
}
