package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.CreatePaymentResult;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.tests.shared.OutcomeSafetySuite;
import dev.paykit.tests.support.RawServer.Request;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Outcome safety for Prompt.Cash: the money call is create-payment, repeatable by its tx_id. */
class PromptCashOutcomeSafetyTest extends OutcomeSafetySuite {

  private static final String PUBLIC = "1-rawPub";
  private static final String SECRET = "raw-secret-token-42";
  private static final String PREFIX = "/api/v1";

  private PromptCashClient client;

  @Override
  protected String provider() {
    return "promptcash";
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging) {
    client = PromptCashClient.builder().publicToken(PUBLIC).secretToken(SECRET).baseUrl(baseUrl + PREFIX)
        .clock(clock).retryPolicy(policy).httpOptions(options).wireLogging(wireLogging).build();
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

  /** The signed form, the signature computed here: SHA-256(secret + the fields before it, in order). */
  @Override
  protected String expectedPayBody() {
    String signed = "token=" + PUBLIC + "&tx_id=order-1&amount=12.34&currency=USD&time=" + START.getEpochSecond();
    return signed + "&signature=" + sha256Hex(SECRET + signed);
  }

  @Override
  protected String keyOf(Request attempt) {
    return attempt.formField("tx_id");
  }

  @Override
  protected String expectedKey() {
    return "order-1";
  }

  @Override
  protected void assertPaid(Object result) {
    assertThat(result).isInstanceOfSatisfying(CreatePaymentResult.class, r -> {
      assertThat(r.getPayment().getTxId()).isEqualTo("order-1");
      assertThat(r.getPayment().getAmountFiat()).isEqualByComparingTo("12.34");
      assertThat(r.createdByThisCall()).isTrue();
    });
  }

  @Override
  protected void assertResolvable(OutcomeUnknownException e) {
    assertThat(e.reference()).isEqualTo("order-1");
    assertThat(e.idempotencyKey()).isNull(); // Prompt.Cash takes none: the tx_id is the key
    assertThat(e.resolution()).contains("tx_id order-1").contains("getPayment");
    assertThat(e.getMessage()).contains("tx_id order-1").doesNotContain(SECRET);
    assertThat(e.provider()).isEqualTo("promptcash");
    assertThat(e.operationId()).contains("createPayment");
  }

  @Override
  protected String errorBody(int status) {
    return "{\"error\":\"scripted error " + status + "\"}";
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

  /**
   * Answers that cannot be read and quote the secret token: Jackson's messages repeat the offending value
   * ("Cannot deserialize value of type `java.lang.Long` from String ...", "Unrecognized token ..."), so
   * the unusable-answer message, and the unknown outcome built on it, must be redacted.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"payment\":{\"id\":\"%s\",\"tx_id\":\"order-1\"},\"existing\":false}",
      "{\"payment\":{\"id\":7,\"tx_id\":\"order-1\",\"status\":%s}}"})
  void anUnreadableAnswerQuotingTheSecretNeverLeaksIt(String template) {
    String secret = "pcSecret_0123456789abcdef";
    client = PromptCashClient.builder().publicToken(PUBLIC).secretToken(secret).baseUrl(server.baseUrl() + PREFIX)
        .clock(clock).retryPolicy(policy(3)).httpOptions(options()).build();
    server.then(3, dev.paykit.tests.support.RawServer.Reply.json(200, String.format(template, secret)));

    OutcomeUnknownException e = org.junit.jupiter.api.Assertions.assertThrows(OutcomeUnknownException.class, this::pay);

    java.util.List<String> texts = new java.util.ArrayList<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(java.util.List.of(e));
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (seen.add(t)) {
        texts.add(t.toString());
        if (t.getCause() != null) {
          todo.push(t.getCause());
        }
        java.util.Arrays.stream(t.getSuppressed()).forEach(todo::push);
      }
    }
    assertThat(texts).noneMatch(s -> s.contains(secret));
    assertThat(String.join("\n", texts)).contains(dev.paykit.core.internal.Redactor.MASK);
    assertThat(server.requests(payPath())).hasSize(3);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
