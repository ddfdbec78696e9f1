package dev.paykit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.api.PaymentsApi;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.api.AccountsApi;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.promptcash.invoker.ApiResponseDecoder;
import feign.Client;
import feign.Feign;
import feign.Response;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.jackson.JacksonEncoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the paykit pipeline (spec validation, auth, timestamp, signature, retry layer, typed decoding)
 * costs per call compared with the bare generated Feign interface wired by hand, both over the same
 * in-memory HTTP client, so that only client-side work is measured. Read the result as ratios of the
 * paykit and bare scores of the same operation in the same run: Prompt.Cash get-payment and create-payment,
 * Prunny getAccount and intraBankTransfer (its idempotency key, timestamp and envelope included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {

  private static final String URL = "http://bench.invalid/api/v1";
  private static final String PRUNNY_URL = "http://prunny.invalid";
  private static final String SECRET = "bench-secret-token";
  private static final byte[] PAYMENT = ("{\"id\":10,\"tx_id\":\"order-1\",\"amount_crypto\":0.000020576132,"
      + "\"amount_fiat\":25.00,\"status\":\"PENDING\",\"fiat_currency\":\"USD\",\"crypto_currency\":\"BCH\","
      + "\"created_at\":\"2021-01-22T20:07:37.666707+07:00\",\"paid\":\"0001-01-01T00:00:00Z\"}")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] GET_BODY = concat("{\"data\":", PAYMENT, "}");
  private static final byte[] CREATE_BODY = concat("{\"payment\":", PAYMENT, ",\"existing\":false}");

  private PaymentsApi bare;
  private PaymentsApi paykit;
  private AccountsApi accountsBare;
  private AccountsApi accountsPaykit;
  private TransfersApi transfersBare;
  private TransfersApi transfersPaykit;
  private final IntraBankTransferRequest transfer = CallCostBenchmark.transferRequest();
  private final BigDecimal amount = new BigDecimal("25.00");

  @Setup
  public void setUp() {
    Client memory = PipelineBenchmark::answer;
    ObjectMapper mapper = PaykitJson.newMapper();
    bare = Feign.builder()
        .client(memory)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new ApiResponseDecoder(mapper))
        .requestInterceptor(t -> t.header("Authorization", SECRET))
        .target(PaymentsApi.class, URL);
    paykit = PromptCashClient.builder()
        .publicToken("1-bench")
        .secretToken(SECRET)
        .clock(Clock.fixed(Instant.parse("2025-11-21T10:00:00.123Z"), ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.defaults())
        .build()
        .feignBuilder()
        .client(memory)
        .target(PaymentsApi.class, URL);
    Feign.Builder prunnyBare = Feign.builder()
        .client(memory)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(new JacksonEncoder(mapper))
        .decoder(new dev.paykit.prunny.invoker.ApiResponseDecoder(mapper))
        .requestInterceptor(t -> t.header("Authorization", "Bearer bench-api-key"));
    accountsBare = prunnyBare.target(AccountsApi.class, PRUNNY_URL);
    transfersBare = prunnyBare.target(TransfersApi.class, PRUNNY_URL);
    PrunnyClient prunny = PrunnyClient.builder()
        .apiKey("bench-api-key")
        .baseUrl(PRUNNY_URL)
        .clock(Clock.fixed(Instant.parse("2025-11-21T10:00:00.123Z"), ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.defaults())
        .build();
    accountsPaykit = prunny.feignBuilder().client(memory).target(AccountsApi.class, PRUNNY_URL);
    transfersPaykit = prunny.feignBuilder().client(memory).target(TransfersApi.class, PRUNNY_URL);
  }

  @Benchmark
  public Object getPaymentBare() {
    return bare.getPayment("order-1", (Boolean) null);
  }

  @Benchmark
  public Object getPaymentPaykit() {
    return paykit.getPayment("order-1", (Boolean) null);
  }

  @Benchmark
  public Object createPaymentBare() {
    return bare.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null, null, null);
  }

  @Benchmark
  public Object createPaymentPaykit() {
    return paykit.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null, null, null);
  }

  @Benchmark
  public Object getAccountBare() {
    return accountsBare.getAccount("1010119934");
  }

  @Benchmark
  public Object getAccountPaykit() {
    return accountsPaykit.getAccount("1010119934");
  }

  @Benchmark
  public Object transferBare() {
    return transfersBare.intraBankTransfer(UUID.randomUUID().toString(), transfer);
  }

  @Benchmark
  public Object transferPaykit() {
    return transfersPaykit.intraBankTransfer(null, transfer);
  }

  private static Response answer(feign.Request request, feign.Request.Options options) {
    String url = request.url();
    // Prunny's answers are the loopback server's
    byte[] body = url.contains("/v1/accounts/") ? LoopbackServer.PRUNNY_ACCOUNT
        : url.contains("singletransferwithbank") ? LoopbackServer.PRUNNY_TRANSFER
        : url.contains("create-payment") ? CREATE_BODY : GET_BODY;
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json"));
    return Response.builder().status(200).reason("OK").request(request).headers(headers).body(body).build();
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    return (head + new String(middle, StandardCharsets.UTF_8) + tail).getBytes(StandardCharsets.UTF_8);
  }
}
