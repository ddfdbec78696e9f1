package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Feign;
import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectCall}'s shortcuts decide only where the generated methods never go: the encoder link a
 * method's {@code Content-Type} and body type settle (JSON, forms, multipart, maps, no type) and the
 * expansion of a header that is one variable alone. Methods written to reach every such branch send, on
 * both paths, the same request as Feign's own handler ({@link DirectCallEquivalenceTest} covers the
 * generated ones).
 */
class DirectCallSyntheticTest {

  private static final String BASE = "http://127.0.0.1:9/base/v1/";

  /** A body model with a text that needs escaping and an amount in exponent form. */
  public static class Model {
    public String name = "a%2Fb c";
    public BigDecimal amount = new BigDecimal("1E+3");
  }

  interface Synthetic {
    @RequestLine("POST /x") @Headers("Content-Type: application/json; charset=ISO-8859-1")
    void jsonCharset(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: APPLICATION/JSON")
    void jsonUpper(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: application/json")
    void jsonMapWildcard(Map<String, ?> body);

    @RequestLine("POST /x") @Headers("Content-Type: application/json")
    void jsonMapObject(Map<String, Object> body);

    @RequestLine("POST /x") @Headers("Content-Type: application/json")
    void jsonObject(Object body);

    @RequestLine("POST /x") @Headers("Content-Type: application/x-www-form-urlencoded")
    void formPojo(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: Application/X-WWW-Form-Urlencoded")
    void formPojoUpper(Model body);

    @RequestLine("POST /x") @Headers("Content-Type:  application/x-www-form-urlencoded;charset=ISO-8859-1")
    void formPojoCharset(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: multipart/form-data")
    void multipartMap(Map<String, ?> body);

    @RequestLine("POST /x") @Headers("Content-Type: multipart/form-data")
    void multipartPojo(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: MULTIPART/FORM-DATA")
    void multipartUpperMap(Map<String, ?> body);

    @RequestLine("POST /x") @Headers("Content-Type: text/plain")
    void textString(String body);

    @RequestLine("POST /x") @Headers("Content-Type: application/octet-stream")
    void bytes(byte[] body);

    @RequestLine("POST /x")
    void noType(Model body);

    @RequestLine("POST /x") @Headers("Content-Type: application/x-www-form-urlencoded; charset=ISO-8859-1")
    void formParams(@Param("a") String a, @Param("amount") BigDecimal amount);

    @RequestLine("POST /x") @Headers("Content-Type: APPLICATION/X-WWW-FORM-URLENCODED")
    void formParamsUpper(@Param("a") String a, @Param("amount") BigDecimal amount);

    @RequestLine("POST /x") @Headers("Content-Type: application/json")
    void formParamsJson(@Param("a") String a, @Param("amount") BigDecimal amount);

    @RequestLine("POST /x") @Headers("content-type: application/json")
    void jsonLowerName(Model body);

    @RequestLine("POST /x") @Headers({"Content-Type: application/json", "Content-Length: 999"})
    void jsonWithLength(Model body);

    @RequestLine("GET /h") @Headers({"X-A: {a}", "X-B: {b.c}", "X-C: {d-e}", "X-D: {f_}", "X-E: pre-{a}"})
    void headers(@Param("a") Object a, @Param("b.c") Object b, @Param("d-e") Object c, @Param("f_") Object d);

    @RequestLine("POST /h/{a}") @Headers({"Content-Type: application/json", "X-A: {a}"})
    void headerAndPath(@Param("a") Object a, Model body);
  }

  private static final Object[] HEADER_VALUES = {
      "a%2Fb", "a%2fb", "%2F%2F", "%252F", "", " ", "{a}", "a,b", "x/y", Optional.of("x%2Fy"), Optional.empty(),
      12, List.of("a%2Fb", "c d"), List.of(), new StringBuilder("s%2Fb"), "caf\u00e9", "tab\tx"};

  @Test
  void everyShortcutSendsWhatFeignSends() throws Exception {
    ApiSpec spec = ApiSpec.load("paypercut");
    OperationSpec op = spec.operations().stream().filter(o -> !o.hasDerivedFormFields()).findFirst().orElseThrow();
    ClientRuntime.Encoders encoders = ClientRuntime.Encoders.of(PaykitJson.newMapper());
    SlashEncodingContract contract = new SlashEncodingContract();
    Request.Options options = new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);
    AttemptStep none = (r, o) -> { };
    CallPipeline pipeline = new CallPipeline(spec, PaykitJson.newMapper(), Clock.systemUTC(),
        IdempotencyKeys.random(), new RetryExecutor("paypercut", RetryPolicy.none(), Clock.systemUTC(), null),
        new FailureTranslator("paypercut", Redactor.none()), Duration.ofSeconds(30), none, none, none);
    DirectCall.Wiring wiring = new DirectCall.Wiring(DirectCallEquivalenceTest.RECORDER, options, encoders, null,
        null, pipeline);
    Object feignProxy = Feign.builder().contract(contract).encoder(encoders.all())
        .client(DirectCallEquivalenceTest.RECORDER).options(options).retryer(Retryer.NEVER_RETRY)
        .target(Synthetic.class, BASE);
    int compared = 0;
    for (MethodMetadata md : contract.parseAndValidateMetadata(Synthetic.class)) {
      DirectCall call = DirectCall.of(wiring, op, md, BASE).orElseThrow(); // every one of these goes direct
      Method method = md.method();
      for (Object[] args : argumentsFor(method)) {
        Object viaFeign = DirectCallEquivalenceTest.outcome(() -> method.invoke(feignProxy, args));
        Object viaDirect = DirectCallEquivalenceTest.outcome(() -> call.invoke(args));
        assertThat(viaDirect).as("%s with %s", md.configKey(), Arrays.deepToString(args)).isEqualTo(viaFeign);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(60);
  }

  private static List<Object[]> argumentsFor(Method m) {
    List<Object[]> out = new ArrayList<>();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("amount", new BigDecimal("1E+3"));
    map.put("name", "a b");
    switch (m.getName()) {
      case "headers" -> {
        for (Object v : HEADER_VALUES) {
          out.add(new Object[] {v, v, v, v});
        }
        out.add(new Object[] {null, null, null, null});
      }
      case "headerAndPath" -> {
        for (Object v : HEADER_VALUES) {
          out.add(new Object[] {v, new Model()});
        }
      }
      case "formParams", "formParamsUpper", "formParamsJson" -> {
        out.add(new Object[] {"a b&c=d", new BigDecimal("1E+3")});
        out.add(new Object[] {null, new BigDecimal("0.000001")});
      }
      case "jsonMapWildcard", "jsonMapObject", "multipartMap", "multipartUpperMap" -> {
        out.add(new Object[] {map});
        out.add(new Object[] {new LinkedHashMap<>()});
        out.add(new Object[] {null});
      }
      case "jsonObject" -> {
        out.add(new Object[] {map});
        out.add(new Object[] {new Model()});
        out.add(new Object[] {"text"});
        out.add(new Object[] {null});
      }
      case "textString" -> {
        out.add(new Object[] {"plain"});
        out.add(new Object[] {null});
      }
      case "bytes" -> {
        out.add(new Object[] {new byte[] {1, 2, 3}});
        out.add(new Object[] {new byte[0]});
      }
      default -> {
        out.add(new Object[] {new Model()});
        out.add(new Object[] {null});
      }
    }
    return out;
  }
}
