package dev.paykit.tests.paypercut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.paypercut.CardDeclinedException;
import dev.paykit.paypercut.ConnectedAccountException;
import dev.paykit.paypercut.IdempotencyConflictException;
import dev.paykit.paypercut.IdempotencyKeyInUseException;
import dev.paykit.paypercut.ListParams;
import dev.paykit.paypercut.PaypercutAuthenticationException;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.PaypercutFailure;
import dev.paykit.paypercut.PaypercutInvalidRequestException;
import dev.paykit.paypercut.PaypercutMode;
import dev.paykit.paypercut.PaypercutNotFoundException;
import dev.paykit.paypercut.PaypercutRateLimitException;
import dev.paykit.paypercut.PaypercutServerException;
import dev.paykit.paypercut.model.Payment;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.paypercut.model.RefundCreateRequest;
import dev.paykit.tests.support.NumberedKeys;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paypercut's error object becomes the typed exception of its {@code type} and {@code code}, with every
 * field; retries repeat only what is safe, with the same key; requests that break the spec never leave.
 */
@ExtendWith(ScriptedServerExtension.class)
class PaypercutErrorsAndRetriesTest {

  static final String KEY = "sk_test_errors_0123456789";
  static final String PI = "{\"id\":\"pi_1\",\"amount\":2500,\"currency\":{\"iso\":\"eur\",\"scale\":2},\"status\":\"succeeded\"}";

  RawServer raw;
  NumberedKeys keys;
  MutableClock clock;
  RecordingSleeper sleeper;
  PaypercutClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    raw = scripted.raw();
    keys = new NumberedKeys();
    clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    client = PaypercutClient.builder().secretKey(KEY).baseUrl(raw.baseUrl()).idempotencyKeySource(keys::next)
        .clock(clock).retryPolicy(RetryPolicy.builder().maxAttempts(4).sleeper(sleeper).random(() -> 0.0).build())
        .build();
  }

  private PaymentIntent createIntent() {
    return client.paymentIntents().create(new PaymentIntentCreateRequest().amount(2500L).currency("EUR")
        .paymentMethod("pm_card_visa").confirm(true));
  }

  private List<String> keysSent() {
    return raw.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
  }

  @Test
  void aCardDeclineCarriesEveryCodeAndIsNeverRetried() {
    raw.then(Reply.json(400, "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
        + "\"advice_code\":\"try_again_later\",\"network_decline_code\":\"51\",\"network_advice_code\":\"02\","
        + "\"message\":\"Your card has insufficient funds.\",\"trace_id\":\"trc_123\"}"));
    CardDeclinedException e = catchThrowableOfType(CardDeclinedException.class, this::createIntent);
    assertThat(e).isInstanceOf(DeclinedException.class);
    assertThat(e.declineCode()).contains("insufficient_funds");
    assertThat(e.adviceCode()).contains("try_again_later");
    assertThat(e.networkDeclineCode()).contains("51");
    assertThat(e.networkAdviceCode()).contains("02");
    assertThat(e.doNotTryAgain()).isFalse();
    assertThat(e.providerCode()).contains("card_declined");
    assertThat(e.providerMessage()).contains("Your card has insufficient funds.");
    assertThat(e.requestId()).as("trace_id is the request id for support").contains("trc_123");
    assertThat(e.isRetryable()).isFalse();
    assertThat(raw.requests()).hasSize(1);
  }

  @Test
  void doNotTryAgainIsNeverRetriedEvenOnA5xx() {
    raw.then(Reply.json(500, "{\"type\":\"api_error\",\"advice_code\":\"do_not_try_again\",\"message\":\"stop\"}"));
    PaypercutServerException e = catchThrowableOfType(PaypercutServerException.class,
        () -> client.payments().retrieve("py_1"));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.paypercutError().doNotTryAgain()).isTrue();
    assertThat(raw.requests()).hasSize(1);
  }

  @Test
  void anInvalidRequestNamesTheParam() {
    raw.then(Reply.json(400, "{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\",\"param\":\"company.tax_id\","
        + "\"message\":\"Invalid tax id\",\"violation_code\":\"format\",\"trace_id\":\"trc_9\"}"));
    PaypercutInvalidRequestException e = catchThrowableOfType(PaypercutInvalidRequestException.class, this::createIntent);
    assertThat(e.param()).contains("company.tax_id");
    assertThat(e.paypercutError().violationCode()).isEqualTo("format");
    assertThat(raw.requests()).hasSize(1);
  }

  @Test
  void theWrappedErrorFormReadsToo() {
    raw.then(Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such payment\"}}"));
    PaypercutNotFoundException e = catchThrowableOfType(PaypercutNotFoundException.class,
        () -> client.payments().retrieve("py_404"));
    assertThat(e.providerCode()).contains("resource_missing");
    assertThat(e.providerMessage()).contains("No such payment");
  }

  @Test
  void authenticationFailuresNeverShowTheKey() {
    raw.then(Reply.json(401, "{\"type\":\"invalid_request_error\",\"code\":\"authentication_invalid\","
        + "\"message\":\"Invalid API key " + KEY + "\"}"));
    PaypercutAuthenticationException e = catchThrowableOfType(PaypercutAuthenticationException.class,
        () -> client.payments().retrieve("py_1"));
    assertThat(e.getMessage()).doesNotContain(KEY);
    assertThat(e.paypercutError().message()).doesNotContain(KEY);
    assertThat(e.toString()).doesNotContain(KEY);
  }

  @Test
  void connectedAccountErrors() {
    raw.then(Reply.json(403, "{\"type\":\"invalid_request_error\",\"code\":\"account_invalid\",\"message\":\"no access\"}"),
        Reply.json(400, "{\"type\":\"invalid_request_error\",\"code\":\"account_required\",\"message\":\"header needed\"}"));
    ConnectedAccountException invalid = catchThrowableOfType(ConnectedAccountException.class,
        () -> client.forAccount("acct_x").payments().retrieve("py_1"));
    assertThat(invalid.accountRequired()).isFalse();
    ConnectedAccountException required = catchThrowableOfType(ConnectedAccountException.class,
        () -> client.payments().retrieve("py_1"));
    assertThat(required.accountRequired()).isTrue();
    assertThat(raw.requests().get(0).header("Paypercut-Account")).isEqualTo("acct_x");
  }

  @Test
  void aKeyReusedWithOtherParametersIsNotRetried() {
    raw.then(Reply.json(400, "{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_reused\",\"message\":\"Keys are for one request\"}"));
    IdempotencyConflictException e = catchThrowableOfType(IdempotencyConflictException.class, this::createIntent);
    assertThat(e.isRetryable()).isFalse();
    assertThat(raw.requests()).hasSize(1);
  }

  @Test
  void aKeyInUseByAConcurrentRequestIsRetriedWithTheSameKey() {
    raw.then(Reply.json(409, "{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_in_use\",\"message\":\"in use\"}"),
        Reply.json(409, "{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_in_use\",\"message\":\"in use\"}"),
        Reply.json(200, PI));
    assertThat(createIntent().getId()).isEqualTo("pi_1");
    assertThat(keysSent()).containsExactly(NumberedKeys.key(1), NumberedKeys.key(1), NumberedKeys.key(1));
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void aKeyBusyToTheLastAttemptIsAnUnknownOutcomeNotAFailure() {
    raw.then(4, Reply.json(409, "{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_in_use\",\"message\":\"in use\"}"));
    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, () -> client.paymentIntents()
        .create(new PaymentIntentCreateRequest().amount(100L).currency("EUR"), RequestOptions.ofIdempotencyKey("order-7")));
    assertThat(e).isNotInstanceOf(IdempotencyKeyInUseException.class);
    assertThat(e.idempotencyKey()).isEqualTo("order-7");
    assertThat(e.getCause()).isInstanceOf(IdempotencyKeyInUseException.class);
    assertThat(keysSent()).containsOnly("order-7").hasSize(4);
  }

  @Test
  void aServerErrorIsPaypercutsFailureWhateverItsTypeSays() {
    raw.then(4, Reply.json(500, "{\"type\":\"idempotency_error\",\"message\":\"odd\"}"));
    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, this::createIntent);
    assertThat(e.getCause()).isInstanceOf(PaypercutServerException.class);
    assertThat(raw.requests()).hasSize(4);
  }

  @Test
  void rateLimitsAreRetriedHonouringRetryAfterWhenSent() {
    raw.then(Reply.full(429, Map.of("Content-Type", "application/json", "Retry-After", "7"),
            "{\"type\":\"invalid_request_error\",\"code\":\"rate_limited\",\"message\":\"slow down\"}".getBytes()),
        Reply.json(429, "{\"type\":\"invalid_request_error\",\"message\":\"slow down\"}"),
        Reply.json(200, PI));
    assertThat(createIntent().getId()).isEqualTo("pi_1");
    assertThat(sleeper.waits().get(0)).isEqualTo(Duration.ofSeconds(7));
    assertThat(sleeper.waits()).hasSize(2);
    assertThat(keysSent()).containsOnly(NumberedKeys.key(1)).hasSize(3);
  }

  @Test
  void rateLimitedToTheEnd() {
    raw.then(4, Reply.json(429, "{\"type\":\"invalid_request_error\",\"message\":\"slow down\"}"));
    PaypercutRateLimitException e = catchThrowableOfType(PaypercutRateLimitException.class,
        () -> client.payments().retrieve("py_1"));
    assertThat(e.requestMayHaveBeenProcessed()).isFalse();
    assertThat(raw.requests()).hasSize(4);
  }

  @Test
  void serverErrorsOnAPostAreRetriedWithItsKeyAndALostAnswerIsAnUnknownOutcomeNamingIt() {
    raw.then(Reply.json(503, "{\"type\":\"api_error\",\"message\":\"busy\"}"), Reply.closeWithoutAnswer(),
        Reply.json(500, "{\"type\":\"api_error\",\"message\":\"oops\"}"), Reply.closeWithoutAnswer());
    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, this::createIntent);
    assertThat(e.idempotencyKey()).isEqualTo(NumberedKeys.key(1));
    assertThat(e.getMessage()).contains(NumberedKeys.key(1));
    assertThat(keysSent()).containsOnly(NumberedKeys.key(1)).hasSize(4);
    assertThat(keys.get()).isEqualTo(1);
  }

  @Test
  void anHtmlErrorPageIsStillAServerError() {
    raw.then(4, Reply.full(502, "text/html", "<html><body>Bad gateway</body></html>"));
    PaypercutServerException e = catchThrowableOfType(PaypercutServerException.class,
        () -> client.payments().retrieve("py_1"));
    assertThat(e.paypercutError().type()).isNull();
    assertThat(e.httpStatus()).isEqualTo(502);
  }

  @Test
  void aSuccessAnswerWithoutItsRequiredFieldsIsNotAResult() {
    raw.then(4, Reply.json(200, "{\"id\":\"pi_1\"}"));
    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, this::createIntent);
    assertThat(e.idempotencyKey()).isEqualTo(NumberedKeys.key(1));
    assertThat(e.getCause()).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("lacks amount");
    assertThat(keysSent()).containsOnly(NumberedKeys.key(1)).hasSize(4);
  }

  @Test
  void invalidRequestsNeverLeaveAndEveryFieldIsNamed() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> client.paymentIntents().create(
        new PaymentIntentCreateRequest().amount(0L).currency("EURO").statementDescriptor("x".repeat(23))));
    assertThat(e.violations()).extracting(v -> v.field())
        .contains("amount", "currency", "statement_descriptor");
    ValidationException refund = catchThrowableOfType(ValidationException.class,
        () -> client.refunds().create(new RefundCreateRequest().amount(-1L)));
    assertThat(refund.getMessage()).contains("amount").contains("payment");
    assertThat(raw.requests()).isEmpty();
  }

  @Test
  void aCallersKeyOutsideTheDocumentedAlphabetIsRefusedBeforeSending() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> client.paymentIntents().create(
        new PaymentIntentCreateRequest().amount(1L).currency("EUR"), RequestOptions.ofIdempotencyKey("order 7/ü")));
    assertThat(e.getMessage()).contains("Idempotency-Key");
    ValidationException tooLong = catchThrowableOfType(ValidationException.class, () -> client.paymentIntents().create(
        new PaymentIntentCreateRequest().amount(1L).currency("EUR"), RequestOptions.ofIdempotencyKey("k".repeat(256))));
    assertThat(tooLong.getMessage()).contains("Idempotency-Key");
    assertThat(raw.requests()).isEmpty();
  }

  @Test
  void aKeyOnAReadOrOnAClientViewIsRefused() {
    assertThatThrownBy(() -> client.withOptions(RequestOptions.ofIdempotencyKey("k1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.payments().retrieve("py_1", RequestOptions.ofIdempotencyKey("k1")))
        .isInstanceOf(ValidationException.class);
    assertThat(raw.requests()).isEmpty();
  }

  @Test
  void nullArgumentsAreClearErrors() {
    assertThatThrownBy(() -> client.paymentIntents().create(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> client.payments().retrieve(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> client.payments().retrieve("py_1", (RequestOptions) null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("options");
    assertThatThrownBy(() -> client.forAccount(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.payments().listAutoPaging(null)).isInstanceOf(ValidationException.class);
    assertThat(raw.requests()).isEmpty();
  }

  @Test
  void theKeysPrefixTellsTheModeAndAnythingElseIsRefusedWithoutShowingIt() {
    assertThat(client.mode()).isEqualTo(PaypercutMode.TEST);
    assertThat(client.isLivemode()).isFalse();
    try (PaypercutClient live = PaypercutClient.builder().secretKey("sk_live_abc").baseUrl(raw.baseUrl()).build()) {
      assertThat(live.mode()).isEqualTo(PaypercutMode.LIVE);
      assertThat(live.toString()).doesNotContain("sk_live_abc");
    }
    assertThatThrownBy(() -> PaypercutClient.builder().secretKey("  sk_test_secretpart").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("secretpart"));
    for (String bad : List.of("pk_test_abcdef", "rk_live_123", "sk_test_")) {
      assertThatThrownBy(() -> PaypercutClient.builder().secretKey(bad).build()).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sk_test_")
          .satisfies(t -> assertThat(t.getMessage()).doesNotContain("abcdef", "123", "secretpart"));
    }
    assertThatThrownBy(() -> PaypercutClient.builder().build()).isInstanceOf(IllegalArgumentException.class);
    assertThat(PaypercutClient.builder().secretKey(KEY).toString()).doesNotContain(KEY);
  }

  @Test
  void cursorPagingCarriesTheConnectedAccountToEveryPageAndStopsOnANullCursor() {
    raw.then(Reply.json(200, "{\"items\":[" + payment("py_1") + "," + payment("py_2") + "],\"last_key\":\"c+1/=\"}"),
        Reply.json(200, "{\"items\":[" + payment("py_3") + "],\"last_key\":\"c2\"}"),
        Reply.json(200, "{\"items\":[],\"last_key\":null}"));
    List<String> ids = client.forAccount("acct_7").payments()
        .listAutoPaging(ListParams.payments().limit(2).currency("EUR")).stream().map(Payment::getId).toList();
    assertThat(ids).containsExactly("py_1", "py_2", "py_3");
    List<RawServer.Request> pages = raw.requests();
    assertThat(pages).hasSize(3);
    assertThat(pages).allSatisfy(p -> {
      assertThat(p.header("Paypercut-Account")).isEqualTo("acct_7");
      assertThat(p.target()).contains("limit=2").contains("currency=EUR");
    });
    assertThat(pages.get(0).target()).doesNotContain("last_key");
    assertThat(pages.get(1).target()).contains("last_key=c%2B1%2F%3D");
    assertThat(pages.get(2).target()).contains("last_key=c2");
  }

  @Test
  void aRepeatedCursorEndsTheWalk() {
    raw.then(Reply.json(200, "{\"items\":[" + payment("py_1") + "],\"last_key\":\"same\"}"),
        Reply.json(200, "{\"items\":[" + payment("py_2") + "],\"last_key\":\"same\"}"));
    var it = client.payments().listAutoPaging(ListParams.payments()).iterator();
    assertThat(it.next().getId()).isEqualTo("py_1");
    assertThat(it.next().getId()).isEqualTo("py_2");
    assertThat(it.hasNext()).as("the provider would answer the page already read").isFalse();
    assertThat(raw.requests()).hasSize(2);
  }

  @Test
  void everyPaypercutExceptionCarriesTheErrorObject() {
    raw.then(Reply.json(400, "{\"type\":\"invalid_request_error\",\"code\":\"parameter_missing\",\"param\":\"currency\","
        + "\"message\":\"Missing currency\",\"next_action\":{\"type\":\"fix_request\"}}"));
    PaykitException e = catchThrowableOfType(PaykitException.class, this::createIntent);
    assertThat(e).isInstanceOf(PaypercutFailure.class);
    assertThat(((PaypercutFailure) e).paypercutError().nextActionType()).isEqualTo("fix_request");
  }

  @Test
  void emptyPagesThatStillNameACursorAreFollowed() {
    raw.then(Reply.json(200, "{\"items\":[],\"last_key\":\"c1\"}"),
        Reply.json(200, "{\"items\":[],\"last_key\":\"c2\"}"),
        Reply.json(200, "{\"items\":[" + payment("py_1") + "],\"last_key\":null}"));
    assertThat(client.payments().listAutoPaging(ListParams.payments()).stream().map(Payment::getId))
        .containsExactly("py_1");
    assertThat(raw.requests()).hasSize(3);
  }

  @Test
  void anEndlessRunOfEmptyPagesIsAnUnusableAnswerNotAnEndlessWalk() {
    for (int i = 1; i <= 101; i++) {
      raw.then(Reply.json(200, "{\"items\":[],\"last_key\":\"c" + i + "\"}"));
    }
    assertThatThrownBy(() -> client.payments().listAutoPaging(ListParams.payments()).iterator().hasNext())
        .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("100 empty pages in a row");
    assertThat(raw.requests()).hasSize(101);
  }

  @Test
  void aNullItemInAPageIsNotAnItem() {
    raw.then(4, Reply.json(200, "{\"items\":[null," + payment("py_1") + "],\"last_key\":null}"));
    assertThatThrownBy(() -> client.payments().list(ListParams.payments()))
        .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("[0]");
  }

  @Test
  void theAccountHeadersAliasCannotBeAddedBesideTheScope() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> client.forAccount("acct_1")
        .payments().retrieve("py_1", RequestOptions.builder().header("X-Paypercut-Account", "acct_2").build()));
    assertThat(e.getMessage()).contains("X-Paypercut-Account");
    assertThat(raw.requests()).isEmpty();
  }

  @Test
  void aKeyWithALineBreakIsRefusedAtBuildWithoutShowingIt() {
    assertThatThrownBy(() -> PaypercutClient.builder().secretKey(KEY + "\n").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain(KEY));
  }

  @Test
  void aDeclineKeepsItsCodesThroughSerialization() throws Exception {
    raw.then(Reply.json(400, "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"expired_card\","
        + "\"message\":\"expired\"}"));
    CardDeclinedException e = catchThrowableOfType(CardDeclinedException.class, this::createIntent);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      CardDeclinedException back = (CardDeclinedException) in.readObject();
      assertThat(back.declineCode()).contains("expired_card");
    }
  }

  private static String payment(String id) {
    return "{\"id\":\"" + id + "\",\"amount\":100,\"currency\":{\"iso\":\"eur\",\"scale\":2}}";
  }
}
