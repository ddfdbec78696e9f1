package dev.paykit.tests.prune;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.prune.PruneClient;
import dev.paykit.tests.shared.NoHiddenRetriesSuite;
import okhttp3.OkHttpClient;

/**
 * No hidden retries for Prune: a transfer (never repeated by the pipeline, and the transport must not
 * either) and a read. Each transfer has a reference of its own (a client refuses one it already sent).
 */
class PruneNoHiddenRetriesTest extends NoHiddenRetriesSuite {

  private static final String TRANSACTION = "{\"status\":true,\"message\":\"Transfer Initiated Successfully\","
      + "\"data\":{\"id\":1001,\"reference\":\"%s\",\"status\":\"PENDING\"},\"code\":202}";

  private PruneClient client;
  private int transfers;

  @Override
  protected boolean repeatsTheMoneyCall() {
    return false;
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient) {
    PruneClient.Builder b = PruneClient.builder().apiKey(PruneOutcomeSafetyTest.KEY).baseUrl(baseUrl).clock(clock)
        .retryPolicy(policy).httpOptions(options);
    client = (httpClient == null ? b : b.httpClient(httpClient)).build();
  }

  @Override
  protected Object pay() {
    transfers++;
    return client.transfers().send(PruneFixtures.transfer(PruneOutcomeSafetyTest.IBAN, "inv-" + transfers, "250.50"));
  }

  @Override
  protected String payPath() {
    return "/v1/accounts/send";
  }

  @Override
  protected String paySuccessBody() {
    return String.format(TRANSACTION, "inv-" + (transfers + 1));
  }

  @Override
  protected Object read() {
    return client.accounts().balance("acc-1");
  }

  @Override
  protected String readPath() {
    return "/v1/accounts/acc-1/balance";
  }

  @Override
  protected String readSuccessBody() {
    return "{\"status\":true,\"message\":\"Account balance fetched\",\"data\":1250.75,\"code\":200}";
  }

  @Override
  protected String errorBody(int status) {
    return "{\"status\":false,\"message\":\"scripted error " + status + "\",\"code\":" + status + "}";
  }
}
