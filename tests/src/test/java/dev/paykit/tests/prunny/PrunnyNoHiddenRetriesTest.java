package dev.paykit.tests.prunny;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.tests.shared.NoHiddenRetriesSuite;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/** No hidden retries for Prunny: an intra-bank transfer (under an Idempotency-Key) and a balance read. */
class PrunnyNoHiddenRetriesTest extends NoHiddenRetriesSuite {

  private PrunnyClient client;

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient) {
    AtomicLong keys = new AtomicLong();
    PrunnyClient.Builder b = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY).baseUrl(baseUrl).clock(clock)
        .idempotencyKeySource(() -> new UUID(0L, keys.incrementAndGet()))
        .retryPolicy(policy).httpOptions(options);
    client = (httpClient == null ? b : b.httpClient(httpClient)).build();
  }

  @Override
  protected Object pay() {
    return client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));
  }

  @Override
  protected String payPath() {
    return "/v1/transactions/singletransferwithbank";
  }

  @Override
  protected String paySuccessBody() {
    return "{\"status\":\"00\",\"message\":\"Approved\",\"data\":{\"transactionRef\":\"TX-1\"}}";
  }

  @Override
  protected Object read() {
    return client.accounts().balance("0123456789");
  }

  @Override
  protected String readPath() {
    return "/v1/accounts/balance/0123456789";
  }

  @Override
  protected String readSuccessBody() {
    return "{\"status\":\"00\",\"data\":{\"accountNumber\":\"0123456789\",\"currency\":\"NGN\","
        + "\"availableBalance\":2500.00}}";
  }

  @Override
  protected String errorBody(int status) {
    return "{\"message\":\"scripted error\",\"status\":" + status + "}";
  }
}
