package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.prune.PruneClient;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.ptapi.PtApiClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PaykitAutoConfigurationTest {

  private static final String PROMPTCASH_SECRET = "pc-secret-0f3a9";
  private static final String PROMPTCASH_PUBLIC = "1-pcPublic77";
  private static final String PRUNNY_KEY = "prunny-key-5521";
  private static final String PAYPERCUT_KEY = "sk_test_ppc_8812";
  private static final String PRUNE_KEY = "sk_test_prune_4410";
  private static final String PT_PRIMARY = "pt-primary-key-7781";
  private static final String PT_SECONDARY = "pt-secondary-key-7782";
  private static final String PT_PASSWORD = "pt-password-Qx91";

  private static final String[] ALL = {
      "paykit.promptcash.secret-token=" + PROMPTCASH_SECRET,
      "paykit.promptcash.public-token=" + PROMPTCASH_PUBLIC,
      "paykit.promptcash.base-url=http://127.0.0.1:1/promptcash/api/v1",
      "paykit.prunny.api-key=" + PRUNNY_KEY,
      "paykit.prunny.base-url=http://127.0.0.1:1/prunny",
      "paykit.paypercut.secret-key=" + PAYPERCUT_KEY,
      "paykit.paypercut.base-url=http://127.0.0.1:1/paypercut",
      "paykit.prune.api-key=" + PRUNE_KEY,
      "paykit.prune.base-url=http://127.0.0.1:1/prune",
      "paykit.ptapi.subscription-key=" + PT_PRIMARY,
      "paykit.ptapi.secondary-key=" + PT_SECONDARY,
      "paykit.ptapi.login-id=api-user@example.com",
      "paykit.ptapi.password=" + PT_PASSWORD,
      "paykit.ptapi.base-url=http://127.0.0.1:1/ptapi",
  };

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class));

  @Test
  void noPropertiesNoClients() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(PromptCashClient.class).doesNotHaveBean(PrunnyClient.class)
          .doesNotHaveBean(PaypercutClient.class).doesNotHaveBean(PruneClient.class).doesNotHaveBean(PtApiClient.class)
          .doesNotHaveBean(PromptCashProperties.class);
    });
  }

  @Test
  void eachProviderOnlyWhenItsCredentialIsSet() {
    runner.withPropertyValues("paykit.prunny.api-key=" + PRUNNY_KEY,
            "paykit.promptcash.public-token=" + PROMPTCASH_PUBLIC, // no secret-token: Prompt.Cash stays off
            "paykit.paypercut.base-url=http://127.0.0.1:1/x")     // no secret-key: Paypercut stays off
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(PrunnyClient.class);
          assertThat(ctx).doesNotHaveBean(PromptCashClient.class).doesNotHaveBean(PaypercutClient.class)
              .doesNotHaveBean(PruneClient.class);
          // Prunny's default environment is the sandbox host
          assertThat(ctx.getBean(PrunnyClient.class).baseUrl()).isEqualTo("https://api-demo.punny.com");
        });
    runner.withPropertyValues("paykit.prunny.api-key=" + PRUNNY_KEY, "paykit.prunny.environment=live")
        .run(ctx -> assertThat(ctx.getBean(PrunnyClient.class).baseUrl()).isEqualTo("https://api.punny.com"));
  }

  @Test
  void allFourWithTheirBaseUrlsAndSettingsBound() {
    runner.withPropertyValues(ALL)
        .withPropertyValues("paykit.prune.http.connect-timeout=2s", "paykit.prune.http.call-timeout=15s",
            "paykit.prune.retry.max-attempts=5", "paykit.prune.retry.initial-backoff=50ms",
            "paykit.prune.wire-logging=true")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(PromptCashClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/promptcash/api/v1");
          assertThat(ctx.getBean(PrunnyClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/prunny");
          assertThat(ctx.getBean(PaypercutClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/paypercut");
          assertThat(ctx.getBean(PruneClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/prune");
          assertThat(ctx.getBean(PtApiClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/ptapi");
          PruneProperties p = ctx.getBean(PruneProperties.class);
          assertThat(p.getHttp().toOptions().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(p.getHttp().toOptions().callTimeout()).isEqualTo(Duration.ofSeconds(15));
          assertThat(p.getHttp().toOptions().readTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(p.getRetry().toPolicy().maxAttempts()).isEqualTo(5);
          assertThat(p.getRetry().toPolicy().backoff(1)).isLessThanOrEqualTo(Duration.ofMillis(50));
          assertThat(p.isWireLogging()).isTrue();
        });
  }

  @Test
  void settingsReachTheBuilderAndBadOnesFailStartupNamingTheSetting() {
    runner.withPropertyValues(ALL).withPropertyValues("paykit.prunny.retry.max-attempts=0")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("maxAttempts"));
    runner.withPropertyValues(ALL).withPropertyValues("paykit.paypercut.http.read-timeout=0s")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("readTimeout"));
    runner.withPropertyValues("paykit.promptcash.secret-token=" + PROMPTCASH_SECRET)
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("publicToken").hasMessageNotContaining(PROMPTCASH_SECRET));
  }

  @Test
  void customizersSeeEveryBuilderAfterTheProperties() {
    AtomicInteger seen = new AtomicInteger();
    runner.withPropertyValues(ALL)
        .withBean(PaykitClientBuilderCustomizer.class, () -> b -> {
          assertThat(b.httpOptions().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
          seen.incrementAndGet();
        })
        .withPropertyValues("paykit.promptcash.http.connect-timeout=3s", "paykit.prunny.http.connect-timeout=3s",
            "paykit.paypercut.http.connect-timeout=3s", "paykit.prune.http.connect-timeout=3s",
            "paykit.ptapi.http.connect-timeout=3s")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(seen).hasValue(5);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClients {
    static final PrunnyClient PRUNNY = PrunnyClient.builder().apiKey("own-key").baseUrl("http://own.example/prunny").build();

    @Bean
    PrunnyClient myPrunny() {
      return PRUNNY;
    }
  }

  @Test
  void theApplicationsOwnBeanWins() {
    runner.withPropertyValues(ALL).withUserConfiguration(OwnClients.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(PrunnyClient.class);
      assertThat(ctx.getBean(PrunnyClient.class)).isSameAs(OwnClients.PRUNNY);
      assertThat(ctx).hasSingleBean(PromptCashClient.class); // the others are still the starter's
    });
  }

  @Test
  void clientsAreClosedWithTheContext() {
    runner.withPropertyValues(ALL).run(ctx -> {
      for (String name : new String[] {"promptCashClient", "prunnyClient", "paypercutClient", "pruneClient",
          "ptApiClient"}) {
        assertThat(ctx.getSourceApplicationContext().getBeanFactory().getBeanDefinition(name)
            .getDestroyMethodName()).as(name).isEqualTo("close");
      }
    });
  }

  private static final ApplicationContextRunner ACTUATOR = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PaykitAutoConfiguration.class, EndpointAutoConfiguration.class,
          ConfigurationPropertiesReportEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
      .withPropertyValues(ALL).withPropertyValues("spring.jmx.enabled=true",
          "management.endpoints.jmx.exposure.include=configprops,env");

  private static String configprops(org.springframework.context.ApplicationContext ctx) throws Exception {
    return new ObjectMapper().findAndRegisterModules()
        .writeValueAsString(ctx.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
  }

  private static String env(org.springframework.context.ApplicationContext ctx) throws Exception {
    return new ObjectMapper().findAndRegisterModules()
        .writeValueAsString(ctx.getBean(EnvironmentEndpoint.class).environment(null));
  }

  private static void assertNoSecret(String json) {
    assertThat(json).doesNotContain(PROMPTCASH_SECRET).doesNotContain(PROMPTCASH_PUBLIC)
        .doesNotContain(PRUNNY_KEY).doesNotContain(PAYPERCUT_KEY).doesNotContain(PRUNE_KEY)
        .doesNotContain(PT_PRIMARY).doesNotContain(PT_SECONDARY).doesNotContain(PT_PASSWORD);
  }

  @Test
  void secretsAreNotInConfigpropsOrEnvWithSpringsDefaults() {
    ACTUATOR.run(ctx -> {
      String props = configprops(ctx);
      assertThat(props).contains("paykit.promptcash", "paykit.prune"); // the beans are reported...
      assertNoSecret(props);                                            // ...values masked
      assertNoSecret(env(ctx));
    });
  }

  @Test
  void secretsAreNotInConfigpropsOrEnvEvenWhenValuesAreShown() {
    ACTUATOR.withPropertyValues("management.endpoint.configprops.show-values=always",
            "management.endpoint.env.show-values=always")
        .run(ctx -> {
          String props = configprops(ctx);
          assertThat(props).contains("http://127.0.0.1:1/prune"); // values are shown...
          assertThat(props).contains("api-user@example.com", "Ocp-Apim-Subscription-Key"); // not secrets: shown
          assertNoSecret(props);                                 // ...but not paykit's credentials
          String env = env(ctx);
          assertThat(env).contains("http://127.0.0.1:1/prunny");
          assertNoSecret(env);
        });
  }

  @Test
  void withoutActuatorThereIsNoSanitizingBean() {
    runner.withPropertyValues(ALL)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(PaykitSanitizingFunction.class));
  }

  @Test
  void configurationMetadataDescribesEveryPropertyWithItsDefault() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      var root = new ObjectMapper().readTree(in);
      var byName = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
      root.get("properties").forEach(p -> byName.put(p.get("name").asText(), p));
      for (String name : new String[] {"paykit.promptcash.secret-token", "paykit.promptcash.public-token",
          "paykit.prunny.api-key", "paykit.prunny.environment", "paykit.paypercut.secret-key", "paykit.prune.api-key",
          "paykit.prune.base-url", "paykit.prune.wire-logging", "paykit.prune.http.call-timeout",
          "paykit.prune.retry.max-attempts", "paykit.ptapi.subscription-key", "paykit.ptapi.secondary-key",
          "paykit.ptapi.subscription-key-header", "paykit.ptapi.login-id", "paykit.ptapi.password",
          "paykit.ptapi.base-url", "paykit.ptapi.http.read-timeout", "paykit.ptapi.retry.max-attempts",
          "paykit.ptapi.wire-logging", "paykit.promptcash.health.enabled", "paykit.ptapi.health.failure-threshold",
          "paykit.observations.enabled"}) {
        assertThat(byName).as(name).containsKey(name);
        assertThat(byName.get(name).path("description").asText()).as(name).isNotBlank();
      }
      assertThat(byName.get("paykit.promptcash.http.connect-timeout").path("defaultValue").asText()).isEqualTo("10s");
      assertThat(byName.get("paykit.prunny.retry.max-attempts").path("defaultValue").asInt()).isEqualTo(3);
      assertThat(byName.get("paykit.ptapi.subscription-key-header").path("defaultValue").asText())
          .isEqualTo("Ocp-Apim-Subscription-Key");
      assertThat(byName.get("paykit.prune.health.enabled").path("defaultValue").asBoolean(true)).isFalse();
      assertThat(byName.get("paykit.observations.enabled").path("defaultValue").asBoolean(false)).isTrue();
    }
  }
}
