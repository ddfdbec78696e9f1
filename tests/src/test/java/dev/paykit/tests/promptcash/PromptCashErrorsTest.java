package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.core.ApiException;
import dev.paykit.core.AuthenticationException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each documented status and body becomes the right exception, with no secret in it. */
class PromptCashErrorsTest extends PromptCashTestBase {

  /** Makes the sandbox answer the next request to this path with a scripted error, ahead of the simulator. */
  private void scriptError(String path, int status, String body) {
    scripted.answerNext(1, PromptCashSimulator.PATH_PREFIX + path, status, body);
  }

  private static void assertNoSecret(PaykitException e) {
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(e.providerMessage().orElse("")).doesNotContain(SECRET);
  }

  @Test
  void badRequestBecomesInvalidRequestWithTheProvidersMessage() {
    scriptError("/create-payment", 400, "{\"error\":\"currency XYZ is not supported\"}");

    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("o-1", BigDecimal.ONE, "XYZ").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.provider()).isEqualTo("promptcash");
          assertThat(e.providerMessage()).contains("currency XYZ is not supported");
          assertThat(e.isRetryable()).isFalse();
          assertNoSecret(e);
        });
  }

  @Test
  void aWrongSecretIsAnAuthenticationErrorThatDoesNotRepeatTheSecret() {
    String wrongSecret = "my-wrong-secret-token";
    PromptCashClient wrong = clientBuilder().secretToken(wrongSecret).build();

    assertThatThrownBy(() -> wrong.payments().get("order-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.providerMessage()).isPresent();
          assertThat(e.getMessage()).doesNotContain(wrongSecret);
        });
    assertThat(sent("/get-payment/order-1")).hasSize(1);
  }

  @Test
  void aProviderMessageThatEchoesTheSecretIsRedacted() {
    scriptError("/get-payment/order-1", 401, "{\"error\":\"token " + SECRET + " is not valid\"}");

    assertThatThrownBy(() -> client.payments().get("order-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertNoSecret(e);
          assertThat(e.providerMessage()).contains("token [REDACTED] is not valid");
        });
  }

  @Test
  void unknownPaymentIsNotFound() {
    assertThatThrownBy(() -> client.payments().get("nope"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.operationId()).contains("getPayment");
          assertNoSecret(e);
        });
  }

  @Test
  void serverErrorIsRetryableAndTypedAfterTheRetriesAreSpent() {
    PromptCashClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    scriptError("/get-payments", 500, "{\"error\":\"We had a problem with our server\"}");

    assertThatThrownBy(() -> once.payments().list(dev.paykit.promptcash.PaymentQuery.all()))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.providerMessage()).contains("We had a problem with our server");
        });
  }

  @Test
  void aShortenerFailedStatusIsAnErrorEvenWithHttp200() {
    scriptError("/surl/get", 200, "{\"status\":\"FAILED\",\"error\":\"no such entry\"}");

    assertThatThrownBy(() -> client.shortUrls().get("abcdef"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.providerCode()).contains("FAILED");
          assertThat(e.providerMessage()).contains("no such entry");
        });
  }

  @Test
  void aShortenerUnknownTokenIsNotFound() {
    assertThatThrownBy(() -> client.shortUrls().delete("zzzzzz")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNonJsonErrorBodyStillGivesAMessage() {
    scriptError("/get-payment/order-1", 502, "<html>Bad Gateway</html>");
    PromptCashClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build();

    assertThatThrownBy(() -> once.payments().get("order-1"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.getMessage()).contains("Bad Gateway"));
  }

  @Test
  void anAnswerAboutAnotherTxIdIsAnUnknownOutcomeNotThisPayment() {
    // every attempt is answered about another payment: the retries (same tx_id) cannot learn this one's fate
    scriptError("/create-payment", 200, "{\"payment\":{\"tx_id\":\"order-OTHER\",\"status\":\"PENDING\","
        + "\"amount_fiat\":25.00,\"fiat_currency\":\"USD\"},\"existing\":false}");
    scriptError("/create-payment", 200, "{\"payment\":{\"tx_id\":\"order-OTHER\",\"status\":\"PENDING\","
        + "\"amount_fiat\":25.00,\"fiat_currency\":\"USD\"},\"existing\":false}");
    scriptError("/create-payment", 200, "{\"payment\":{\"tx_id\":\"order-OTHER\",\"status\":\"PENDING\","
        + "\"amount_fiat\":25.00,\"fiat_currency\":\"USD\"},\"existing\":false}");

    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").build()))
        .isInstanceOfSatisfying(dev.paykit.core.OutcomeUnknownException.class, e -> {
          assertThat(e.reference()).isEqualTo("order-1");
          assertThat(e.resolution()).contains("tx_id order-1");
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.getCause()).hasMessageContaining("another tx_id than this call's order-1");
          assertThat(e.requestMayHaveBeenProcessed()).isTrue();
        });
    assertThat(sent("/create-payment")).hasSize(3);
  }
}
