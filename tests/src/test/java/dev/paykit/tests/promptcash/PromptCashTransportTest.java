package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.promptcash.api.PaymentsApi;
import feign.Capability;
import feign.InvocationHandlerFactory;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The pluggable pieces of the transport: the user's OkHttp client, the User-Agent, the retry registry. */
class PromptCashTransportTest extends PromptCashTestBase {

  /** A capability of the application's own (public: Feign calls {@code enrich} reflectively). */
  public static final class Counting implements Capability {
    private final List<String> invocations;

    Counting(List<String> invocations) {
      this.invocations = invocations;
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory inner) {
      return (target, dispatch) -> {
        var handler = inner.create(target, dispatch);
        return (proxy, method, args) -> {
          invocations.add(method.getName());
          return handler.invoke(proxy, method, args);
        };
      };
    }
  }

  @Test
  void everyRequestNamesPaykitItsVersionTheProviderAndJava() {
    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("1.00"), "USD").build());

    String agent = sent("/create-payment")[0].getFirstHeader("User-Agent");
    assertThat(agent).matches("paykit/[0-9][^ ]* \\(promptcash\\) java/" + java.util.regex.Pattern.quote(
        System.getProperty("java.version")));
  }

  @Test
  void aUsersOwnOkHttpClientIsUsedButItsHiddenRetriesAreNot() {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient mine = new OkHttpClient.Builder()
        .retryOnConnectionFailure(true)                      // paykit turns this off on its copy
        .addInterceptor(chain -> {
          seen.incrementAndGet();                           // the user's interceptor does run
          return chain.proceed(chain.request());
        })
        .build();
    PromptCashClient own = clientBuilder().httpClient(mine).build();
    sim.dropConnectionAfterProcessingNext(1);

    // short URL creation is not safe to repeat: one request, then an unknown outcome, no hidden re-send
    assertThatThrownBy(() -> own.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com"))))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(sent("/surl/create")).hasSize(1);
    assertThat(seen.get()).isEqualTo(1);
    assertThat(mine.retryOnConnectionFailure()).isTrue(); // the user's client is left as it was
    own.close();
    assertThat(mine.connectionPool().connectionCount()).isGreaterThanOrEqualTo(0); // not closed by paykit
  }

  @Test
  void retriesAreRegisteredPerOperationAndTwoClientsSharingARegistryKeepTheirOwnPolicies() {
    RetryRegistry registry = RetryRegistry.ofDefaults();
    PromptCashClient patient = clientBuilder().retryRegistry(registry).build();
    PromptCashClient impatient = clientBuilder().retryRegistry(registry).retryPolicy(RetryPolicy.none()).build();
    patient.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("1.00"), "USD").build());

    sim.failNext(1, 503);
    patient.payments().get("order-1");
    Retry retry = registry.retry("paykit.promptcash.getPayment");
    assertThat(retry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
    assertThat(sent("/get-payment/order-1")).hasSize(2);

    sim.failNext(1, 503);
    assertThatThrownBy(() -> impatient.payments().get("order-1")).isInstanceOf(dev.paykit.core.ServerException.class);
    assertThat(sent("/get-payment/order-1")).hasSize(3); // one attempt only: its own policy
    assertThat(registry.getAllRetries().stream().map(Retry::getName))
        .contains("paykit.promptcash.createPayment", "paykit.promptcash.getPayment");
  }

  @Test
  void aCapabilityTheApplicationAddsComposesWithThePipelineAndWrapsTheWholeCall() {
    List<String> invocations = new ArrayList<>();
    Capability counting = new Counting(invocations);
    PaymentsApi api = client.feignBuilder().addCapability(counting).target(PaymentsApi.class, sim.baseUrl());
    client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("1.00"), "USD").build());
    sim.failNext(1, 503);

    assertThat(api.getPayment("order-1", (Boolean) null).getData().getTxId()).isEqualTo("order-1");
    assertThat(sent("/get-payment/order-1")).hasSize(2);
    assertThat(invocations).containsExactly("getPayment"); // once around the call, its retries inside
  }
}
