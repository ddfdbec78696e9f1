package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Feign;
import feign.MethodMetadata;
import feign.Request;
import feign.Retryer;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DirectCall} sends what Feign's own method handler sends: for every method of every generated
 * interface of the five providers, with arguments drawn from values that stress Feign's expansion (spaces,
 * slashes, percent signs, braces, non-ASCII, query syntax, dot segments, lists, nulls), both build the
 * request from the same contract, encoder and base URL (one with a path), and the method, URL, headers
 * (names, order, values) and body bytes must be equal, or both must fail with the same exception. The
 * Feign side is the real {@code Feign.builder()} handler; the transport is a client that records the
 * request and stops the call, so nothing is sent.
 */
class DirectCallEquivalenceTest {

  private static final String BASE = "http://127.0.0.1:9/base/v1/";

  static final Map<String, List<String>> APIS = Map.of(
      "promptcash", List.of("PaymentsApi", "UrlShortenerApi"),
      "prunny", List.of("AccountsApi", "CustomersApi", "FundsApi", "MandatesApi", "TransfersApi"),
      "prune", List.of("AccountRequestsApi", "AccountsApi", "PayoutsApi"),
      "paypercut", List.of("AccountsApi", "CheckoutSessionsApi", "CustomersApi", "EventsApi", "PaymentIntentApi",
          "PaymentLinksApi", "PaymentMethodDomainsApi", "PaymentMethodsApi", "PaymentsApi", "PricesApi",
          "ProductsApi", "RefundsApi", "SetupIntentsApi", "SubscriptionsApi", "WebhooksApi"),
      "ptapi", List.of("CardholdersApi", "CardsApi", "HierarchyApi", "UserApi"));

  private static final String[] TEXTS = {
      "order-1", "a b", "a/b", "LIEN/2026/0001", "x?y=z&w=1", "%41", "50%", "50%2", "{id}", "a}b", "a+b", "#frag",
      "", " ", "..", ".", "%2e%2e", "a,b", "~!*'()", "caf\u00e9", "\u20ac100", "\ud83d\ude00", "a;b=c", "@:[]",
      "tab\tnew", "q=1&r=2", "&", "=", "a=", "=b", "+", "a\"b", "<x>", "a|b", "back\\slash", "0", "-1",
      "a%2Fb", "a%2fb", "%2F%2F", "%252F", "half\ud83d", "\ude00half", "sk_test_" + "x".repeat(40)};

  /** Records the request it is given and stops the call there. */
  static final class Captured extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Request request;

    Captured(Request request) {
      super(null, null, false, false);
      this.request = request;
    }
  }

  static final feign.Client RECORDER = (request, options) -> {
    throw new Captured(request);
  };

  /** Requests the direct calls sent marked as their method's constant URL (CallContext#constantUrl). */
  private static final java.util.concurrent.atomic.AtomicInteger MARKED = new java.util.concurrent.atomic.AtomicInteger();

  /** {@link #RECORDER}, checking the constant-URL mark: when there is one, it is the URL sent. */
  private static final feign.Client DIRECT_RECORDER = (request, options) -> {
    String marked = CallContext.current().constantUrl();
    if (marked != null) {
      assertThat(marked).isEqualTo(request.url());
      MARKED.incrementAndGet();
    }
    throw new Captured(request);
  };

  /**
   * A step that changes everything a step can (and records the URL it saw): on both paths it runs on the
   * encoded request, so what it leaves must be the same too.
   */
  private static final AttemptStep PROBE = (r, o) -> {
    r.replaceHeader("X-Probe", r.method() + " " + r.url());
    r.removeHeader("Accept");
    r.replaceHeader("content-type", "application/probe");
    r.replaceHeader("X-Empty", "");
    r.replaceHeader("X-Braces", "{a},b c");
    r.replaceHeader("Idempotency-Key", "");
    r.replaceQuery("probe", "p%20q");
    r.replaceQuery("offset", null);
    r.replaceQuery("limit", "9");
    r.replaceQuery("empty", "");
    r.replaceQuery("probe", "again,%7B");
    r.replaceQuery("spaced", " a\tb&c=\u00e9{x}");
    if (r.body() != null) {
      // the form the steps share, as a signing step edits it: from the fields a direct call knows, or from
      // the bytes Feign's encoder wrote; written back, it shows both are the same fields in the same order
      try (FormBody.Attempt form = FormBody.open(r, List.of())) {
        FormBody.edit(r).set("probe_field", "\u00e9 &=+");
        form.commit();
      } catch (IllegalArgumentException notAForm) {
        // a body that is no form (a JSON '%' that is no escape) fails alike on both paths
      }
      byte[] more = Arrays.copyOf(r.body(), r.body().length + 2);
      more[more.length - 2] = '&';
      more[more.length - 1] = 'x';
      r.body(more);
    }
  };

  @ParameterizedTest
  @ValueSource(strings = {"promptcash", "prunny", "prune", "paypercut", "ptapi"})
  void everyGeneratedMethodSendsWhatFeignSends(String provider) throws Exception {
    compare(provider, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"promptcash", "prunny", "prune", "paypercut", "ptapi"})
  void aStepChangesBothRequestsAlike(String provider) throws Exception {
    compare(provider, true);
  }

  private static void compare(String provider, boolean probe) throws Exception {
    ApiSpec spec = ApiSpec.load(provider);
    ObjectMapper mapper = PaykitJson.newMapper();
    ClientRuntime.Encoders encoders = ClientRuntime.Encoders.of(mapper);
    feign.codec.Encoder encoder = encoders.all();
    SlashEncodingContract contract = new SlashEncodingContract();
    Request.Options options = new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);
    AttemptStep none = (r, o) -> { };
    CallPipeline pipeline = new CallPipeline(spec, mapper, Clock.systemUTC(), IdempotencyKeys.random(),
        new RetryExecutor(provider, RetryPolicy.none(), Clock.systemUTC(), null),
        new FailureTranslator(provider, Redactor.none()), Duration.ofSeconds(30), probe ? PROBE : none, none, none);
    DirectCall.Wiring wiring = new DirectCall.Wiring(DIRECT_RECORDER, options, encoders, null, null, pipeline);
    MARKED.set(0);
    int constant = 0;
    int constantSent = 0;
    Random random = new Random(20261203L + provider.hashCode());
    int direct = 0;
    int compared = 0;
    List<String> toFeign = new ArrayList<>();
    for (String simpleName : APIS.get(provider)) {
      Class<?> type = Class.forName("dev.paykit." + provider + ".api." + simpleName);
      Feign.Builder feign = Feign.builder().contract(contract).encoder(encoder).client(RECORDER).options(options)
          .retryer(Retryer.NEVER_RETRY);
      if (probe) {
        feign.requestInterceptor(t -> PROBE.apply(AttemptRequest.of(t), null));
      }
      Object feignProxy = feign.target(type, BASE);
      java.util.Set<Method> planned = new java.util.HashSet<>();
      for (MethodMetadata md : contract.parseAndValidateMetadata(type)) {
        OperationSpec op = OperationBinding.bind(spec, md).orElseThrow().operation();
        Optional<DirectCall> call = DirectCall.of(wiring, op, md, BASE);
        if (call.isEmpty()) {
          toFeign.add(md.configKey());
          continue;
        }
        direct++;
        planned.add(md.method());
        boolean constantUrl = md.template().url().indexOf('{') < 0 && md.template().queries().isEmpty();
        if (constantUrl) {
          constant++;
        }
        Method method = md.method();
        for (int round = 0; round < 60; round++) {
          Object[] args = arguments(method, random, mapper, round);
          Object viaFeign = outcome(() -> method.invoke(feignProxy, args));
          Object viaDirect = outcome(() -> {
            CallContext.set(new CallContext(op, null, java.time.Instant.now(), Duration.ofSeconds(30)));
            try {
              return call.get().invoke(args);
            } finally {
              CallContext.set(null);
            }
          });
          assertThat(viaDirect).as("%s with %s", md.configKey(), Arrays.deepToString(args)).isEqualTo(viaFeign);
          if (constantUrl && !String.valueOf(viaDirect).startsWith("failed: ")) {
            constantSent++;
          }
          compared++;
        }
      }
      // what a client's proxies use: the same methods, planned once per JVM
      assertThat(DirectCall.plans(type).keySet()).as(simpleName).containsExactlyInAnyOrderElementsOf(planned);
    }
    // every method the generator writes from @RequestLine, @Headers, @Param and one body goes direct; only
    // the query-map overloads stay with Feign
    assertThat(direct).isGreaterThan(0);
    assertThat(toFeign).allMatch(k -> k.contains("QueryParams"), "only query-map methods are left to Feign");
    assertThat(compared).isEqualTo(direct * 60);
    // a method without URI and query variables sends its constant URL, marked (unless the probe changed it)
    assertThat(constant).isGreaterThan(0);
    if (probe) {
      assertThat(MARKED.get()).isZero();
    } else {
      assertThat(MARKED.get()).isEqualTo(constantSent).isGreaterThan(0);
    }
  }

  @FunctionalInterface
  interface Call {
    Object run() throws Throwable;
  }

  /** What reached the transport, or how the call failed before it did. */
  static Object outcome(Call call) {
    try {
      call.run();
      return "returned without sending";
    } catch (Throwable t) {
      Throwable c = t instanceof InvocationTargetException ite ? ite.getCause() : t;
      if (c instanceof Captured captured) {
        return sent(captured.request);
      }
      return "failed: " + c.getClass().getName() + ": " + c.getMessage();
    }
  }

  private static String sent(Request request) {
    StringBuilder out = new StringBuilder().append(request.httpMethod()).append(' ').append(request.url())
        .append(" charset=").append(request.charset()).append('\n');
    String boundary = null;
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      out.append(h.getKey()).append(": ").append(List.copyOf(h.getValue())).append('\n');
      for (String v : h.getValue()) {
        int at = v.indexOf("boundary=");
        if (at >= 0) {
          boundary = v.substring(at + "boundary=".length());
        }
      }
    }
    byte[] body = request.body();
    String text = body == null ? "<no body>" : new String(body, StandardCharsets.ISO_8859_1);
    String all = out.append('\n').append(text).toString();
    // a multipart body's boundary is fresh per request: the same request has a different one each time
    // (the probe step may have replaced the header that names it)
    return (boundary == null ? all : all.replace(boundary, "BOUNDARY")).replaceAll("paykit-[0-9a-f]{32}", "BOUNDARY");
  }

  private static Object[] arguments(Method method, Random random, ObjectMapper mapper, int round) {
    Type[] types = method.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = round == 0 ? plain(types[i], mapper) : value(types[i], random, mapper);
    }
    return args;
  }

  /** An ordinary value: the first round of each method. */
  private static Object plain(Type type, ObjectMapper mapper) {
    Object v = value(type, new Random(1), mapper);
    return v instanceof String ? "ref-1" : v;
  }

  private static Object value(Type type, Random random, ObjectMapper mapper) {
    if (random.nextInt(6) == 0) {
      return null;
    }
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class) {
      return TEXTS[random.nextInt(TEXTS.length)];
    } else if (raw == Integer.class || raw == int.class) {
      return random.nextInt(2000) - 100;
    } else if (raw == Long.class || raw == long.class) {
      return random.nextLong();
    } else if (raw == Boolean.class || raw == boolean.class) {
      return random.nextBoolean();
    } else if (raw == BigDecimal.class) {
      return List.of(new BigDecimal("25.00"), new BigDecimal("1E+3"), new BigDecimal("0.000001"),
          new BigDecimal("-7.5"), new BigDecimal("100"),
          new BigDecimal("0E-2147483647")).get(random.nextInt(6)); // the last has no plain text: encoding fails
    } else if (raw == OffsetDateTime.class) {
      return OffsetDateTime.parse("2026-12-03T10:15:30.123+01:00");
    } else if (raw == LocalDate.class) {
      return LocalDate.parse("2026-12-03");
    } else if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      List<Object> list = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        list.add(value(p.getActualTypeArguments()[0], random, mapper));
      }
      return list;
    } else if (raw == File.class || raw == byte[].class || Map.class.isAssignableFrom(raw)) {
      return null;
    }
    try {
      return mapper.readValue("{}", raw); // a model: the body encoder sees an empty one
    } catch (Exception e) {
      return null;
    }
  }
}
