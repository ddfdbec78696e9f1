package dev.paykit.tests.promptcash;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.tests.shared.NoHiddenRetriesSuite;
import java.math.BigDecimal;
import okhttp3.OkHttpClient;

/** No hidden retries for Prompt.Cash: create-payment (repeatable by its tx_id) and get-payment. */
class PromptCashNoHiddenRetriesTest extends NoHiddenRetriesSuite {

  private static final String PREFIX = "/api/v1";

  private PromptCashClient client;

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, OkHttpClient httpClient) {
    PromptCashClient.Builder b = PromptCashClient.builder().publicToken("1-rawPub").secretToken("raw-secret-token-42")
        .baseUrl(baseUrl + PREFIX).clock(clock).retryPolicy(policy).httpOptions(options);
    client = (httpClient == null ? b : b.httpClient(httpClient)).build();
  }

  @Override
  protected Object pay() {
    return client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("12.34"), "USD").build());
  }

  @Override
  protected String payPath() {
    return PREFIX + "/create-payment";
  }

  @Override
  protected String paySuccessBody() {
    return "{\"payment\":{\"id\":7,\"tx_id\":\"order-1\",\"status\":\"PENDING\",\"amount_fiat\":12.34,"
        + "\"fiat_currency\":\"USD\"},\"existing\":false}";
  }

  @Override
  protected Object read() {
    return client.payments().get("order-1");
  }

  @Override
  protected String readPath() {
    return PREFIX + "/get-payment/order-1";
  }

  @Override
  protected String readSuccessBody() {
    return "{\"data\":{\"tx_id\":\"order-1\",\"status\":\"PAID\"}}";
  }

  @Override
  protected String errorBody(int status) {
    return "{\"error\":\"scripted error " + status + "\"}";
  }
}
