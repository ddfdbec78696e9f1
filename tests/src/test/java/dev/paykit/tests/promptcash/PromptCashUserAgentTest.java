package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * A {@code User-Agent} that an application interceptor of the user's own OkHttp client sets is the one
 * sent, exactly once: paykit names itself only in a request that names nobody (review of issue 11: the
 * transport set paykit's before the user's interceptors ran, so an interceptor that adds one sent two and
 * one that sets one only when absent was overridden).
 */
class PromptCashUserAgentTest extends PromptCashTestBase {

  private List<String> agentsSentWith(OkHttpClient mine) {
    try (PromptCashClient own = clientBuilder().httpClient(mine).build()) {
      own.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("1.00"), "USD").build());
    }
    var sent = sent("/create-payment");
    return sent[sent.length - 1].getHeader("User-Agent");
  }

  @Test
  void anInterceptorThatAddsAUserAgentSendsItOnce() {
    assertThat(agentsSentWith(new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
        chain.request().newBuilder().addHeader("User-Agent", "myapp/1").build())).build()))
        .containsExactly("myapp/1");
  }

  @Test
  void anInterceptorThatSetsAUserAgentOnlyWhenNoneIsThereIsNotPreempted() {
    List<String> seenByTheUser = new ArrayList<>();
    assertThat(agentsSentWith(new OkHttpClient.Builder().addInterceptor(chain -> {
      Request request = chain.request();
      seenByTheUser.add(String.valueOf(request.header("User-Agent")));
      return chain.proceed(request.header("User-Agent") != null ? request
          : request.newBuilder().header("User-Agent", "myapp/1").build());
    }).build())).containsExactly("myapp/1");
    assertThat(seenByTheUser).containsExactly("null");
  }

  @Test
  void aUsersClientWithoutInterceptorsAndPaykitsOwnSendPaykitsOnce() {
    assertThat(agentsSentWith(new OkHttpClient.Builder().build())).singleElement().asString()
        .startsWith("paykit/");
    assertThat(agentsSentWith(new OkHttpClient.Builder().addNetworkInterceptor(chain -> chain.proceed(
        chain.request())).build())).singleElement().asString().startsWith("paykit/");
  }
}
