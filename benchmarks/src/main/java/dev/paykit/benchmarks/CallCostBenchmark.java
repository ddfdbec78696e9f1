package dev.paykit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.api.PaymentsApi;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.PaymentResponse;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.api.AccountsApi;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.AccountResponse;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.prunny.model.TransactionResponse;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.jackson.JacksonEncoder;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
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
 * What one call costs through paykit against what a user would pick instead (issue 11), over real
 * loopback HTTP (keep-alive, {@link LoopbackServer} in its own JVM), in one run. Per provider and call,
 * three layers on the same transport (OkHttp):
 * <ul>
 *   <li>{@code *_paykit}: the generated interface through paykit's whole pipeline (the client's own proxy, {@code api()}:
 *       validation, idempotency key, authentication, derived fields, signature, retry layer, response
 *       guard), with paykit's <em>default</em> {@link dev.paykit.core.HttpOptions} (the pool a user gets);
 *   <li>{@code *_bare}: the same generated interface on plain Feign over feign-okhttp, wired by hand
 *       (form / Jackson encoder, the generated decoder, an auth interceptor, no retries), a pool of 64;
 *   <li>{@code *_floor}: raw OkHttp + Jackson sending the same bytes paykit sends (Prompt.Cash: the form
 *       with public token, time and signature; Prunny: the JSON body with a fresh key and timestamp)
 *       and decoding the answer into the same model: no validation, no retries, no safety checks.
 * </ul>
 * The calls: Prompt.Cash {@code get-payment} (a read) and {@code create-payment} (a signed, validated
 * write), Prunny {@code getAccount} (a read) and {@code intraBankTransfer} (a validated write with an
 * idempotency key and a timestamp header). {@code stripe_*} is stripe-java (its own HTTP client, its
 * defaults but no retries) creating and retrieving a PaymentIntent of about Prompt.Cash's size on a
 * Stripe-shaped stub of the same server.
 *
 * <p>Each client is shared by all the benchmark's threads ({@code -t 1, 8, 32}). The server's counts of
 * requests and new connections are printed per trial ({@code COUNTS ...}, see {@link CallCounter}), so a
 * pool that churns under concurrency, or a hidden re-send, shows. {@code benchmarks/scripts/call-cost.sh}
 * runs it and prints the ratios (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallCostBenchmark {

  static final String SECRET = "bench-secret-token";
  static final String PUBLIC_TOKEN = "1-bench";
  static final String PROMPTCASH_PREFIX = "/api/v1";
  static final String API_KEY = "bench-api-key";
  static final Instant NOW = Instant.parse("2025-11-21T10:00:00.123Z");
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration READ = Duration.ofSeconds(30);
  /** Idle connections of the hand-wired clients: more than the most threads, so they never churn. */
  private static final int BASELINE_POOL = 64;

  private LoopbackServer local;
  private String server;
  private String promptCashUrl;
  private final CallCounter counter = new CallCounter();

  private PromptCashClient promptCash;
  private PrunnyClient prunny;
  private PaymentsApi pcPaykit;
  private PaymentsApi pcBare;
  private AccountsApi accountsPaykit;
  private AccountsApi accountsBare;
  private TransfersApi transfersPaykit;
  private TransfersApi transfersBare;
  private OkHttpClient okHttp;
  private ObjectMapper mapper;
  private MessageDigest sha256;
  private com.stripe.StripeClient stripe;

  private final BigDecimal amount = new BigDecimal("25.00");
  private final IntraBankTransferRequest transfer = transferRequest();

  /** The Prunny transfer every benchmark sends (here and in {@link PipelineBenchmark}). */
  static IntraBankTransferRequest transferRequest() {
    return new IntraBankTransferRequest()
        .amount(new BigDecimal("1500.00"))
        .channel("mobile")
        .currency("NGN")
        .destinationAccount("1010119934")
        .destinationAccountName("Ado Bello")
        .destinationNarration("Transfer to Ado")
        .referenceId("ABCD12345678901234567890")
        .sourceAccount("2020229945")
        .sourceAccountName("Chi Okafor")
        .sourceAmount(new BigDecimal("1500.00"))
        .sourceCurrency("NGN")
        .sourceNarration("Rent for November");
  }

  /**
   * Builds the clients, then, when the trial runs on more than one thread, calls the benchmarked method
   * alone on this thread for {@code -Dpaykit.bench.prewarmMillis} (default 10,000 ms) before JMH's own
   * warm-up. On two cores shared by 8 or 32 callers and the server, the JIT's compiler threads get a small
   * share of the CPU and were still compiling (20-24 % of the client's CPU samples) after 30 s of warm-up at
   * 8 threads, so scores under load measured a program still being compiled, the more so the more code a
   * layer has. One caller leaves the compiler a core. The server's counters and the call counts start after
   * the pre-warm (its one pooled connection is then reused, so a trial may count one connection fewer).
   */
  @Setup(Level.Trial)
  public void setUpTrial(BenchmarkParams params) throws Exception {
    setUp();
    long millis = Long.getLong("paykit.bench.prewarmMillis", 10_000L);
    if (params.getThreads() > 1 && millis > 0) {
      String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      java.lang.reflect.Method method = CallCostBenchmark.class.getMethod(name);
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      while (System.nanoTime() < end) {
        method.invoke(this);
      }
      counter.reset();
      if (local == null) {
        LoopbackServer.Remote.reset(server);
      }
    }
  }

  /** Builds every client (no pre-warm): {@link CallCostCpu} and the tests start here. */
  public void setUp() throws NoSuchAlgorithmException {
    server = System.getProperty("paykit.bench.server");
    if (server == null) {
      local = LoopbackServer.start();
      server = local.baseUrl();
    }
    promptCashUrl = server + PROMPTCASH_PREFIX;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    mapper = PaykitJson.newMapper();
    sha256 = MessageDigest.getInstance("SHA-256");

    promptCash = PromptCashClient.builder()
        .publicToken(PUBLIC_TOKEN)
        .secretToken(SECRET)
        .baseUrl(promptCashUrl)
        .clock(clock)
        .retryPolicy(RetryPolicy.none())
        .build();
    prunny = PrunnyClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server)
        .clock(clock)
        .retryPolicy(RetryPolicy.none())
        .build();
    pcPaykit = promptCash.api(PaymentsApi.class);
    accountsPaykit = prunny.api(AccountsApi.class);
    transfersPaykit = prunny.api(TransfersApi.class);

    okHttp = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(BASELINE_POOL, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(CONNECT)
        .readTimeout(READ)
        .build();
    feign.okhttp.OkHttpClient feignClient = new feign.okhttp.OkHttpClient(okHttp);
    Request.Options options = new Request.Options(CONNECT.toMillis(), TimeUnit.MILLISECONDS, READ.toMillis(),
        TimeUnit.MILLISECONDS, false);
    pcBare = Feign.builder()
        .client(feignClient)
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new dev.paykit.promptcash.invoker.ApiResponseDecoder(mapper))
        .requestInterceptor(t -> t.header("Authorization", SECRET))
        .target(PaymentsApi.class, promptCashUrl);
    Feign.Builder prunnyBare = Feign.builder()
        .client(feignClient)
        .options(options)
        .retryer(Retryer.NEVER_RETRY)
        .encoder(new JacksonEncoder(mapper))
        .decoder(new dev.paykit.prunny.invoker.ApiResponseDecoder(mapper))
        .requestInterceptor(t -> t.header("Authorization", "Bearer " + API_KEY));
    accountsBare = prunnyBare.target(AccountsApi.class, server);
    transfersBare = prunnyBare.target(TransfersApi.class, server);

    stripe = StripeStub.client(server);

    if (local == null) {
      LoopbackServer.Remote.reset(server);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) throws IOException {
    counter.report(params, local, server);
    closeForTest();
  }

  // ---- Prompt.Cash get-payment (read) ----

  @Benchmark
  public Object pc_get_paykit() {
    return counter.call(() -> pcPaykit.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object pc_get_bare() {
    return counter.call(() -> pcBare.getPayment("order-1", (Boolean) null));
  }

  @Benchmark
  public Object pc_get_floor() {
    return counter.call(() -> {
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder()
          .url(promptCashUrl + "/get-payment/order-1").header("Authorization", SECRET).build()).execute()) {
        return mapper.readValue(r.body().bytes(), PaymentResponse.class);
      }
    });
  }

  // ---- Prompt.Cash create-payment (signed, validated write) ----

  @Benchmark
  public Object pc_create_paykit() {
    return counter.call(() -> pcPaykit.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null,
        null, null));
  }

  @Benchmark
  public Object pc_create_bare() {
    return counter.call(() -> pcBare.createPayment("order-1", amount, "USD", null, "Blue shirt", null, null,
        null, null));
  }

  @Benchmark
  public Object pc_create_floor() {
    return counter.call(() -> {
      RequestBody body = RequestBody.create(signedForm(), FORM);
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder().url(promptCashUrl + "/create-payment")
          .header("Authorization", SECRET).post(body).build()).execute()) {
        return mapper.readValue(r.body().bytes(), CreatePaymentResponse.class);
      }
    });
  }

  /** The form paykit sends for the call above, built by hand: fields, time and signature in the documented order. */
  private byte[] signedForm() throws CloneNotSupportedException {
    String time = Long.toString(NOW.getEpochSecond());
    String signed = "token=" + PUBLIC_TOKEN + "&tx_id=order-1&amount=" + amount.toPlainString()
        + "&currency=USD&desc=Blue shirt&time=" + time;
    MessageDigest digest = (MessageDigest) sha256.clone();
    String signature = HexFormat.of().formatHex(digest.digest((SECRET + signed).getBytes(StandardCharsets.UTF_8)));
    return ("token=" + PUBLIC_TOKEN + "&tx_id=order-1&amount=" + amount.toPlainString() + "&currency=USD&desc="
        + URLEncoder.encode("Blue shirt", StandardCharsets.UTF_8) + "&time=" + time + "&signature=" + signature)
        .getBytes(StandardCharsets.UTF_8);
  }

  // ---- Prunny getAccount (read) ----

  @Benchmark
  public Object prunny_account_paykit() {
    return counter.call(() -> accountsPaykit.getAccount("1010119934"));
  }

  @Benchmark
  public Object prunny_account_bare() {
    return counter.call(() -> accountsBare.getAccount("1010119934"));
  }

  @Benchmark
  public Object prunny_account_floor() {
    return counter.call(() -> {
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder().url(server + "/v1/accounts/1010119934")
          .header("Authorization", "Bearer " + API_KEY).header("X-Request-Timestamp", timestamp()).build())
          .execute()) {
        return mapper.readValue(r.body().bytes(), AccountResponse.class);
      }
    });
  }

  // ---- Prunny intraBankTransfer (validated write, idempotency key, timestamp) ----

  @Benchmark
  public Object prunny_transfer_paykit() {
    return counter.call(() -> transfersPaykit.intraBankTransfer(null, transfer));
  }

  @Benchmark
  public Object prunny_transfer_bare() {
    return counter.call(() -> transfersBare.intraBankTransfer(UUID.randomUUID().toString(), transfer));
  }

  @Benchmark
  public Object prunny_transfer_floor() {
    return counter.call(() -> {
      RequestBody body = RequestBody.create(mapper.writeValueAsBytes(transfer), JSON);
      try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder()
          .url(server + "/v1/transactions/singletransferwithbank")
          .header("Authorization", "Bearer " + API_KEY).header("Idempotency-Key", UUID.randomUUID().toString())
          .header("X-Request-Timestamp", timestamp()).post(body).build()).execute()) {
        return mapper.readValue(r.body().bytes(), TransactionResponse.class);
      }
    });
  }

  private static String timestamp() {
    return DateTimeFormatter.ISO_INSTANT.format(NOW.truncatedTo(ChronoUnit.MILLIS));
  }

  // ---- stripe-java on a Stripe-shaped stub ----

  @Benchmark
  public Object stripe_retrieve() {
    return counter.call(() -> StripeStub.retrieve(stripe));
  }

  @Benchmark
  public Object stripe_create() {
    return counter.call(() -> StripeStub.create(stripe));
  }

  /** Runs every variant once against an in-process server; a failure is returned, not thrown. */
  Map<String, Object> callEach() {
    Map<String, Object> out = new TreeMap<>();
    out.put("pc_get_paykit", pc_get_paykit());
    out.put("pc_get_bare", pc_get_bare());
    out.put("pc_get_floor", pc_get_floor());
    out.put("pc_create_paykit", pc_create_paykit());
    out.put("pc_create_bare", pc_create_bare());
    out.put("pc_create_floor", pc_create_floor());
    out.put("prunny_account_paykit", prunny_account_paykit());
    out.put("prunny_account_bare", prunny_account_bare());
    out.put("prunny_account_floor", prunny_account_floor());
    out.put("prunny_transfer_paykit", prunny_transfer_paykit());
    out.put("prunny_transfer_bare", prunny_transfer_bare());
    out.put("prunny_transfer_floor", prunny_transfer_floor());
    out.put("stripe_retrieve", stripe_retrieve());
    out.put("stripe_create", stripe_create());
    return out;
  }

  /** What the in-process server (no {@code -Dpaykit.bench.server}) has read. */
  LoopbackServer.Counts localCounts() {
    return new LoopbackServer.Counts(local.gets(), local.posts(), local.connections(), local.problems());
  }

  /** Releases the clients and the in-process server without a JMH trial. */
  void closeForTest() {
    promptCash.close();
    prunny.close();
    okHttp.connectionPool().evictAll();
    okHttp.dispatcher().executorService().shutdown();
    if (local != null) {
      local.close();
    }
  }

  /**
   * Counts the calls of a trial and their failures (by type, returned instead of thrown), and at the end
   * of the trial prints and records what the server saw against them.
   */
  static final class CallCounter {
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<String, LongAdder> failureTypes = new ConcurrentHashMap<>();

    @FunctionalInterface
    interface Call {
      Object run() throws Exception;
    }

    Object call(Call call) {
      calls.increment();
      try {
        return call.run();
      } catch (Exception e) {
        failures.increment();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        String type = e.getClass().getSimpleName() + (root != e ? "<-" + root.getClass().getSimpleName() : "");
        failureTypes.computeIfAbsent(type, k -> new LongAdder()).increment();
        return e;
      }
    }

    long failures() {
      return failures.sum();
    }

    /** Forgets the calls so far (the pre-warm's). */
    void reset() {
      calls.reset();
      failures.reset();
      failureTypes.clear();
    }

    /** {@code COUNTS name threads=.. calls=.. failures=.. received=.. connections=..}, also to {@code -Dpaykit.bench.counts}. */
    void report(BenchmarkParams params, LoopbackServer local, String server) throws IOException {
      LoopbackServer.Counts seen = local != null
          ? new LoopbackServer.Counts(local.gets(), local.posts(), local.connections(), local.problems())
          : LoopbackServer.Counts.of(server);
      String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      Map<String, Long> types = new TreeMap<>();
      failureTypes.forEach((k, v) -> types.put(k, v.sum()));
      String line = String.format("COUNTS %s threads=%d calls=%d failures=%d received=%d hiddenResends=%d "
              + "connections=%d serverProblems=%d server=%s load=%s failureTypes=%s",
          name, params.getThreads(), calls.sum(), failures.sum(), seen.gets() + seen.posts(),
          seen.gets() + seen.posts() - calls.sum(), seen.connections(), seen.problems(),
          local != null ? "in-process" : "own-jvm", loadAverage(), types);
      System.out.println(line);
      String file = System.getProperty("paykit.bench.counts");
      if (file != null) {
        try (PrintWriter out = new PrintWriter(new FileWriter(file, StandardCharsets.UTF_8, true))) {
          out.println(line);
        }
      }
    }

    /** The machine's one-minute load average (the figures are only as quiet as it). */
    static String loadAverage() {
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return load < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", load);
    }
  }
}
