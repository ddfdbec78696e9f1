package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.tests.shared.NoHiddenRetriesSuite;
import dev.paykit.tests.support.RawServer.Reply;
import java.math.BigDecimal;
import okhttp3.OkHttpClient;

/**
 * No hidden retries for PT: a card load (never repeated by the pipeline, and the transport must not either)
 * and the businesses list. Each load has a referenceId of its own. The client logs in when connected, so the
 * suite's scripted answers all go to the calls it makes.
 */
class PtApiNoHiddenRetriesTest extends NoHiddenRetriesSuite {

  private static final String LOADED = "{\"transactionId\":\"T-%1$s\",\"referenceId\":\"ref-%1$s\",\"type\":\"load\","
      + "\"proxyKey\":\"PK1\",\"amount\":25.00,\"cardBalance\":75.00,\"masterFundsBalance\":9975.00}";

  private PtApiClient client;
  private int loads;

  @Override
  protected boolean repeatsTheMoneyCall() {
    return false;
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient) {
    PtApiClient.Builder b = PtApiOutcomeSafetyTest.builder(baseUrl).clock(clock).retryPolicy(policy)
        .httpOptions(options);
    client = (httpClient == null ? b : b.httpClient(httpClient)).build();
    server.then(Reply.json(200, PtApiOutcomeSafetyTest.SESSION));
    assertThat(client.loginCustomerId()).isEqualTo("200001");
  }

  @Override
  protected Object pay() {
    loads++;
    return client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("25.00"))
        .referenceId("ref-" + loads));
  }

  @Override
  protected String payPath() {
    return PtApiOutcomeSafetyTest.LOAD_PATH;
  }

  @Override
  protected String paySuccessBody() {
    return String.format(LOADED, loads + 1);
  }

  @Override
  protected Object read() {
    return client.hierarchy().businesses();
  }

  @Override
  protected String readPath() {
    return PtApiOutcomeSafetyTest.BUSINESSES_PATH;
  }

  @Override
  protected String readSuccessBody() {
    return PtApiOutcomeSafetyTest.BUSINESSES;
  }

  @Override
  protected String errorBody(int status) {
    return "{\"code\":" + status + ",\"message\":\"scripted error " + status + "\"}";
  }
}
