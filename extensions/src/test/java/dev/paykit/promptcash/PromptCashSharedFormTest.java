package dev.paykit.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.internal.AttemptStep;
import dev.paykit.core.internal.DerivedValues;
import dev.paykit.core.internal.FormBody;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.AttemptRequest;
import feign.RequestTemplate;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The steps of one attempt fill and sign one shared form, decoded once and encoded once
 * ({@link FormBody#open}). The bytes must be exactly those of the steps run one after the other, each
 * decoding and re-encoding the whole body as they did before, and those of the decode-encode round
 * written out here independently of {@link FormBody} (the pre-issue-11 code, verbatim), for awkward
 * values: spaces, {@code +}, {@code *}, {@code ~}, {@code %}, non-ASCII, empty values, a key without
 * {@code =}, empty pairs, repeated keys and fields the spec does not list.
 */
class PromptCashSharedFormTest {

  private static final String SECRET = "sec_test_X9";
  private static final OperationSpec CREATE = ApiSpec.load("promptcash").operation("createPayment");

  /** What the pipeline runs on create-payment: token, then time, then the signature. */
  private static List<AttemptStep> steps(SignatureScheme scheme) {
    return List.of(new DerivedValues("public-token", () -> "1-pub"),
        new DerivedValues("timestamp", () -> scheme == SignatureScheme.NONE ? null : "1763719200"),
        new PromptCashSigner(SECRET, scheme));
  }

  private static AttemptRequest template(String body) {
    RequestTemplate t = new RequestTemplate();
    t.body(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return AttemptRequest.of(t);
  }

  private static String shared(String body, SignatureScheme scheme) {
    AttemptRequest t = template(body);
    try (FormBody.Attempt form = FormBody.open(t, CREATE.formFieldNames())) {
      for (AttemptStep step : steps(scheme)) {
        step.apply(t, CREATE);
      }
      form.commit();
    }
    return new String(t.body(), StandardCharsets.UTF_8);
  }

  private static String stepByStep(String body, SignatureScheme scheme) {
    AttemptRequest t = template(body);
    for (AttemptStep step : steps(scheme)) {
      step.apply(t, CREATE); // no attempt open: each step decodes and encodes the whole form itself
    }
    return new String(t.body(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "tx_id=order-1&amount=10.50&currency=USD&desc=Blue+shirt",
      "desc=a+b%2Bc*d~e%7Ef%25g&tx_id=o%201&amount=1&currency=EUR",
      "tx_id=%C3%A9t%C3%A9-%E2%82%AC-%F0%9F%92%B8&amount=2&currency=USD&desc=%E6%97%A5%E6%9C%AC",
      "tx_id=&amount=0.01&currency=USD&desc=&callback=",
      "tx_id=x&&amount=3&&currency=USD&",
      "tx_id=first&amount=1&tx_id=second&currency=USD&desc=d&desc=e",
      "extra=1&tx_id=t&zzz=last%20one&amount=4&currency=USD&flag",
      "token=stale&time=1&signature=old&tx_id=t&amount=5&currency=USD",
      "",
  })
  void oneSharedFormGivesTheBytesOfTheStepsRunOneAfterTheOther(String body) {
    for (SignatureScheme scheme : SignatureScheme.values()) {
      assertThat(shared(body, scheme)).as(scheme + " " + body).isEqualTo(stepByStep(body, scheme));
      assertThat(shared(body, scheme)).as(scheme + " " + body).isEqualTo(oldCode(body, scheme));
    }
  }

  @Test
  void theSignedFormMatchesTheIndependentVector() {
    // printf '%s' 'sec_test_X9token=1-pub&tx_id=order-1&amount=10.50&currency=USD&desc=Blue shirt&time=1763719200' | sha256sum
    assertThat(shared("tx_id=order-1&amount=10.50&currency=USD&desc=Blue+shirt", SignatureScheme.QUERY_STRING))
        .isEqualTo("token=1-pub&tx_id=order-1&amount=10.50&currency=USD&desc=Blue+shirt&time=1763719200"
            + "&signature=d44fc97d6d6d30dc63c4bb345555bf1f6246bd17cc176395fc52d0cd51e34c81");
  }

  @Test
  void aFormNoStepEditedIsLeftAsItWasEncoded() {
    AttemptRequest t = template("b=2&a=1");
    try (FormBody.Attempt form = FormBody.open(t, List.of("a", "b"))) {
      form.commit();
    }
    assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo("b=2&a=1");
  }

  @Test
  void anotherRequestOnTheSameThreadIsNotSharedAndTheSharingEndsWithTheAttempt() {
    AttemptRequest attempt = template("a=1");
    AttemptRequest other = template("a=2");
    try (FormBody.Attempt form = FormBody.open(attempt, List.of("a"))) {
      FormBody own = FormBody.edit(other);
      own.set("a", "3");
      own.write(other, List.of("a"));
      assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo("a=3");
      FormBody.edit(attempt).set("a", "4");
      assertThat(new String(attempt.body(), StandardCharsets.UTF_8)).isEqualTo("a=1"); // not yet: once, at commit
      form.commit();
    }
    assertThat(new String(attempt.body(), StandardCharsets.UTF_8)).isEqualTo("a=4");
    FormBody after = FormBody.edit(attempt);
    after.set("a", "5");
    after.write(attempt, List.of("a"));
    assertThat(new String(attempt.body(), StandardCharsets.UTF_8)).isEqualTo("a=5");
  }

  // ---- the code before issue 11, kept verbatim as the reference: decode, change, encode, per step ----

  private static String oldCode(String body, SignatureScheme scheme) {
    List<String> order = CREATE.formFieldNames();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> form = oldParse(bytes);
    form.put("token", "1-pub");
    bytes = oldEncode(form, order);
    form = oldParse(bytes);
    if (scheme == SignatureScheme.NONE) {
      form.remove("time");
    } else {
      form.put("time", "1763719200");
    }
    bytes = oldEncode(form, order);
    form = oldParse(bytes);
    form.remove("signature");
    if (scheme != SignatureScheme.NONE) {
      form.put("signature", PromptCashSigner.sha256Hex(SECRET + oldSigned(form, order, scheme)));
    }
    return new String(oldEncode(form, order), StandardCharsets.UTF_8);
  }

  private static Map<String, String> oldParse(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body != null && body.length > 0) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static byte[] oldEncode(Map<String, String> fields, List<String> order) {
    StringJoiner out = new StringJoiner("&");
    Map<String, String> rest = new LinkedHashMap<>(fields);
    for (String name : order) {
      String v = rest.remove(name);
      if (v != null) {
        out.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    rest.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String oldSigned(Map<String, String> form, List<String> order, SignatureScheme scheme) {
    if (scheme == SignatureScheme.LEGACY_VALUES) {
      StringBuilder sb = new StringBuilder();
      for (String name : List.of("token", "tx_id", "amount", "currency", "desc", "callback", "return", "time")) {
        String v = form.get(name);
        sb.append(v == null ? "" : v);
      }
      return sb.toString();
    }
    StringJoiner joined = new StringJoiner("&");
    for (String name : order) {
      String v = form.get(name);
      if (!name.equals("signature") && v != null) {
        joined.add(name + "=" + v);
      }
    }
    return joined.toString();
  }
}
