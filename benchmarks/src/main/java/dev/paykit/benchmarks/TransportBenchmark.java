package dev.paykit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.api.PaymentsApi;
import dev.paykit.promptcash.invoker.ApiResponseDecoder;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.hc5.ApacheHttp5Client;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Which HTTP transport paykit should ship (issue 12, "Transport and lifecycle"): per-call time and
 * allocation over real loopback HTTP (keep-alive, Prompt.Cash-sized JSON), in one run, for three
 * transports and three layers each:
 * <ul>
 *   <li>{@code raw_*}: the HTTP library alone (OkHttp 5, Apache HttpClient 5 classic, JDK
 *       {@code java.net.http}), reading the answer's bytes;
 *   <li>{@code feign_*}: the generated {@code PaymentsApi} on plain Feign (no retries, form encoder,
 *       the generated decoder) over feign-okhttp, feign-hc5 and feign-java11;
 *   <li>{@code paykit_*}: the same interface through paykit's whole pipeline ({@code feignBuilder()}),
 *       on paykit's own OkHttp transport or with the hc5 / JDK Feign client plugged in;
 *       {@code facade_okhttp_*} is a real {@code PromptCashClient} call ({@code payments().get/create}).
 * </ul>
 * Every client is configured without retries of its own (OkHttp {@code retryOnConnectionFailure(false)},
 * hc5 {@code disableAutomaticRetries()}; the JDK client has no such switch) and pools of 8, and paykit
 * with {@link RetryPolicy#none()}, so that the server counting more requests than the benchmark made
 * calls can only be a re-send hidden in the transport. The counts are printed per trial
 * ({@code COUNTS ...}, {@link CallCostBenchmark.CallCounter}) and appended to {@code -Dpaykit.bench.counts=FILE}.
 *
 * <p>Run the server in its own JVM ({@code -Dpaykit.bench.server=URL}, see {@link LoopbackServer})
 * so that {@code -prof gc} counts the client's allocation only; without it, an in-process server is used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransportBenchmark {

  private static final String SECRET = "bench-secret-token";
  private static final String PREFIX = "/api/v1";
  private static final byte[] FORM = "token=1-bench&tx_id=order-1&amount=25.00&currency=USD&desc=Blue+shirt"
      .getBytes(StandardCharsets.UTF_8);
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration READ = Duration.ofSeconds(30);
  private static final int POOL = 8;

  private LoopbackServer local;
  private String server;
  private String api;
  private URI getUri;
  private URI postUri;

  private OkHttpClient okHttp;
  private CloseableHttpClient hc5;
  private java.net.http.HttpClient jdk;
  private PaymentsApi feignOkHttp;
  private PaymentsApi feignHc5;
  private PaymentsApi feignJdk;
  private PromptCashClient paykit;
  private PaymentsApi paykitOkHttp;
  private PaymentsApi paykitHc5;
  private PaymentsApi paykitJdk;
  private final BigDecimal amount = new BigDecimal("25.00");
  private final CreatePaymentRequest create = CreatePaymentRequest.builder("order-1", amount, "USD")
      .description("Blue shirt").build();

  private final CallCostBenchmark.CallCounter counter = new CallCostBenchmark.CallCounter();

  @Setup(Level.Trial)
  public void setUp() {
    server = System.getProperty("paykit.bench.server");
    if (server == null) {
      local = LoopbackServer.start();
      server = local.baseUrl();
    }
    api = server + PREFIX;
    getUri = URI.create(api + "/get-payment/order-1");
    postUri = URI.create(api + "/create-payment");

    okHttp = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(POOL, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(CONNECT)
        .readTimeout(READ)
        .build();
    hc5 = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(POOL)
            .setMaxConnTotal(2 * POOL)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(CONNECT))
                .setSocketTimeout(Timeout.of(READ))
                .build())
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .build();
    jdk = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1)
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT)
        .build();

    ObjectMapper mapper = PaykitJson.newMapper();
    Request.Options options = new Request.Options(CONNECT.toMillis(), TimeUnit.MILLISECONDS, READ.toMillis(),
        TimeUnit.MILLISECONDS, false);
    feignOkHttp = bare(mapper, options, new feign.okhttp.OkHttpClient(okHttp));
    feignHc5 = bare(mapper, options, new ApacheHttp5Client(hc5));
    feignJdk = bare(mapper, options, new Http2Client(jdk));

    paykit = PromptCashClient.builder()
        .publicToken("1-bench")
        .secretToken(SECRET)
        .baseUrl(api)
        .clock(Clock.fixed(Instant.parse("2025-11-21T10:00:00Z"), ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .httpOptions(new HttpOptions(CONNECT, READ, POOL, Duration.ofMinutes(5)))
        .build();
    paykitOkHttp = paykit.feignBuilder().target(PaymentsApi.class, api);
    paykitHc5 = paykit.feignBuilder().client(new ApacheHttp5Client(hc5)).target(PaymentsApi.class, api);
    paykitJdk = paykit.feignBuilder().client(new Http2Client(jdk)).target(PaymentsApi.class, api);

    if (local == null) {
      LoopbackServer.Remote.reset(server);
    }
  }

  private PaymentsApi bare(ObjectMapper mapper, Request.Options options, feign.Client client) {
    return Feign.builder()
        .client(client)
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new ApiResponseDecoder(mapper))
        .requestInterceptor(t -> t.header("Authorization", SECRET))
        .target(PaymentsApi.class, api);
  }

  /** Prints and records what the server saw against what this trial asked for. */
  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) throws IOException {
    counter.report(params, local, server);
    close();
  }

  /** Releases every client and the in-process server, if any. */
  void close() throws IOException {
    paykit.close();
    hc5.close();
    okHttp.connectionPool().evictAll();
    okHttp.dispatcher().executorService().shutdown();
    if (local != null) {
      local.close();
    }
  }

  // ---- raw HTTP libraries ----

  @Benchmark
  public Object raw_okhttp_get() {
    return call(() -> {
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder().url(getUri.toString())
          .header("Authorization", SECRET).build()).execute()) {
        return r.body().bytes();
      }
    });
  }

  @Benchmark
  public Object raw_okhttp_post() {
    return call(() -> {
      RequestBody body = RequestBody.create(FORM, MediaType.get("application/x-www-form-urlencoded"));
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder().url(postUri.toString())
          .header("Authorization", SECRET).post(body).build()).execute()) {
        return r.body().bytes();
      }
    });
  }

  @Benchmark
  public Object raw_hc5_get() {
    return call(() -> {
      HttpGet get = new HttpGet(getUri);
      get.setHeader("Authorization", SECRET);
      return hc5.execute(get, r -> EntityUtils.toByteArray(r.getEntity()));
    });
  }

  @Benchmark
  public Object raw_hc5_post() {
    return call(() -> {
      HttpPost post = new HttpPost(postUri);
      post.setHeader("Authorization", SECRET);
      post.setEntity(new ByteArrayEntity(FORM, ContentType.APPLICATION_FORM_URLENCODED));
      return hc5.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
    });
  }

  @Benchmark
  public Object raw_jdk_get() {
    return call(() -> jdk.send(java.net.http.HttpRequest.newBuilder(getUri).timeout(READ)
        .header("Authorization", SECRET).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  @Benchmark
  public Object raw_jdk_post() {
    return call(() -> jdk.send(java.net.http.HttpRequest.newBuilder(postUri).timeout(READ)
        .header("Authorization", SECRET).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(FORM)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  // ---- the generated interface on plain Feign ----

  @Benchmark
  public Object feign_okhttp_get() {
    return call(() -> feignOkHttp.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object feign_okhttp_post() {
    return call(() -> createBare(feignOkHttp));
  }

  @Benchmark
  public Object feign_hc5_get() {
    return call(() -> feignHc5.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object feign_hc5_post() {
    return call(() -> createBare(feignHc5));
  }

  @Benchmark
  public Object feign_jdk_get() {
    return call(() -> feignJdk.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object feign_jdk_post() {
    return call(() -> createBare(feignJdk));
  }

  // ---- the generated interface through paykit's pipeline ----

  @Benchmark
  public Object paykit_okhttp_get() {
    return call(() -> paykitOkHttp.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object paykit_okhttp_post() {
    return call(() -> createPaykit(paykitOkHttp));
  }

  @Benchmark
  public Object paykit_hc5_get() {
    return call(() -> paykitHc5.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object paykit_hc5_post() {
    return call(() -> createPaykit(paykitHc5));
  }

  @Benchmark
  public Object paykit_jdk_get() {
    return call(() -> paykitJdk.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object paykit_jdk_post() {
    return call(() -> createPaykit(paykitJdk));
  }

  // ---- a real PromptCashClient call ----

  @Benchmark
  public Object facade_okhttp_get() {
    return call(() -> paykit.payments().get("order-1"));
  }

  @Benchmark
  public Object facade_okhttp_post() {
    return call(() -> paykit.payments().create(create));
  }

  private Object createBare(PaymentsApi target) {
    return target.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null, null, null);
  }

  private Object createPaykit(PaymentsApi target) {
    return target.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null, null, null);
  }

  private Object call(CallCostBenchmark.CallCounter.Call call) {
    return counter.call(call);
  }
}
