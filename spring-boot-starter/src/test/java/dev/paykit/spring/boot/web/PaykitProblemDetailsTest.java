package dev.paykit.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.AuthenticationException;
import dev.paykit.core.ConflictException;
import dev.paykit.core.ConnectionException;
import dev.paykit.core.DeclinedException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.InsufficientFundsException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RateLimitException;
import dev.paykit.core.ServerException;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.TimeoutException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What an application's caller is told about a paykit failure, kind by kind, and what it is never told. */
class PaykitProblemDetailsTest {

  /** What the provider said, with things only the application may see: never in a problem. */
  private static final String PROVIDER_MESSAGE = "card 4111111111111111 of ACME Ltd, ref order-77, key sk_live_abc";

  private static ErrorDetails details(int status, String code) {
    return ErrorDetails.builder("promptcash").operationId("createPayment").httpStatus(status).providerCode(code)
        .providerMessage(PROVIDER_MESSAGE).requestId("req-123").mayHaveBeenProcessed(false).build();
  }

  static List<Arguments> kinds() {
    return List.of(
        Arguments.of(new DeclinedException(details(402, "do_not_honor"), null), 402, "declined"),
        Arguments.of(new InsufficientFundsException(details(402, "insufficient_funds"), null), 402, "declined"),
        Arguments.of(new NotFoundException(details(404, "not_found"), null), 404, "not-found"),
        Arguments.of(new ConflictException(details(409, "duplicate"), null), 409, "conflict"),
        Arguments.of(new InvalidRequestException(details(400, "bad_amount"), null), 422, "provider-refused"),
        Arguments.of(new RateLimitException(details(429, "slow_down"), null), 503, "provider-rate-limited"),
        Arguments.of(new AuthenticationException(details(401, "bad_key"), null), 502, "provider-credentials"),
        Arguments.of(new ServerException(details(500, "oops"), null), 502, "provider-unavailable"),
        Arguments.of(new ConnectionException(details(0, null), null), 502, "provider-unavailable"),
        Arguments.of(new TimeoutException(details(0, null), null), 504, "provider-timeout"),
        Arguments.of(new OutcomeUnknownException(details(200, null), null), 502, "outcome-unknown"),
        Arguments.of(new SignatureVerificationException("promptcash", "bad signature", null), 400,
            "invalid-signature"),
        Arguments.of(new PaykitException(details(0, null), null) { }, 500, "paykit-error"));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void eachKindHasItsStatusAndTypeAndNeverTheProvidersMessage(PaykitException e, int status, String kind) {
    ProblemDetail p = PaykitProblemDetails.of(e);

    assertThat(p.getStatus()).isEqualTo(status);
    assertThat(p.getType()).isEqualTo(URI.create("urn:paykit:problem:" + kind));
    assertThat(p.getTitle()).isNotBlank();
    assertThat(p.getProperties()).containsEntry("provider", "promptcash");
    assertThat(String.valueOf(p.getDetail()) + p.getTitle() + p.getProperties())
        .doesNotContain("4111111111111111", "ACME", "order-77", "sk_live_abc", "req-123");
  }

  @Test
  void aRefusedRequestListsEveryViolationWithoutTheValues() {
    ValidationException e = new ValidationException("promptcash", "createPayment", List.of(
        new Violation("amount", "exclusiveMinimum", "must be greater than 0"),
        new Violation("currency", "required", "is required")));

    ProblemDetail p = PaykitProblemDetails.of(e);

    assertThat(p.getStatus()).isEqualTo(400);
    assertThat(p.getType()).isEqualTo(URI.create("urn:paykit:problem:validation-failed"));
    assertThat(p.getProperties()).containsEntry("operation", "createPayment").containsEntry("violations", List.of(
        Map.of("field", "amount", "rule", "exclusiveMinimum", "message", "must be greater than 0"),
        Map.of("field", "currency", "rule", "required", "message", "is required")));
  }

  @Test
  void aFailureAfterWhichTheRequestMayHaveBeenProcessedIsNeverToldAsNothingProcessed() {
    ErrorDetails sent = details(0, null).toBuilder().mayHaveBeenProcessed(true).build();
    for (PaykitException e : List.of(new TimeoutException(sent, null), new ConnectionException(sent, null),
        new OutcomeUnknownException(details(0, null), null), new OutcomeUnknownException(sent, null))) {
      ProblemDetail p = PaykitProblemDetails.of(e);
      assertThat(p.getType()).as(e.getClass().getSimpleName()).isEqualTo(URI.create("urn:paykit:problem:outcome-unknown"));
      assertThat(p.getStatus()).isEqualTo(502);
      assertThat(p.getProperties()).containsEntry("outcome", "unknown");
      assertThat(p.getDetail()).contains("may have processed");
    }
  }

  @Test
  void aProvidersErrorAnswerIsItsOwnKindWhateverTheCallMayHaveDone() {
    ErrorDetails answered = details(404, "not_found").toBuilder().mayHaveBeenProcessed(true).build();

    assertThat(PaykitProblemDetails.of(new NotFoundException(answered, null)).getType())
        .isEqualTo(URI.create("urn:paykit:problem:not-found"));
  }

  @Test
  void theProvidersCodeAndTheDeclineCodeAreTold() {
    ProblemDetail p = PaykitProblemDetails.of(new InsufficientFundsException(details(402, "insufficient_funds"), null));

    assertThat(p.getProperties()).containsEntry("providerCode", "insufficient_funds")
        .containsEntry("declineCode", "insufficient_funds").containsEntry("operation", "createPayment");
  }

  @Test
  void aNullExceptionIsAClearError() {
    assertThatThrownBy(() -> PaykitProblemDetails.of(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("required");
  }

  @Test
  void aRateLimitAnswerCarriesTheProvidersRetryAfterInWholeSeconds() {
    RateLimitException e = new RateLimitException(
        details(429, "slow_down").toBuilder().retryAfter(Duration.ofMillis(1500)).build(), null);

    ResponseEntity<ProblemDetail> answer = new PaykitProblemDetailsAdvice().handle(e);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    assertThat(answer.getBody().getType()).isEqualTo(URI.create("urn:paykit:problem:provider-rate-limited"));
  }

  @Test
  void theAdviceIsOptInAndOnlyInAWebApplication() {
    Function<String[], WebApplicationContextRunner> web = props -> new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PaykitProblemDetailsAutoConfiguration.class)).withPropertyValues(props);
    web.apply(new String[0]).run(ctx -> assertThat(ctx).doesNotHaveBean(PaykitProblemDetailsAdvice.class));
    web.apply(new String[] {"paykit.problem-details.enabled=true"})
        .run(ctx -> assertThat(ctx).hasSingleBean(PaykitProblemDetailsAdvice.class));
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaykitProblemDetailsAutoConfiguration.class))
        .withPropertyValues("paykit.problem-details.enabled=true")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(PaykitProblemDetailsAdvice.class));
  }

  @Test
  void anAdviceOfTheApplicationsReplacesThePaykitOne() {
    PaykitProblemDetailsAdvice own = new PaykitProblemDetailsAdvice();
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PaykitProblemDetailsAutoConfiguration.class))
        .withPropertyValues("paykit.problem-details.enabled=true")
        .withBean(PaykitProblemDetailsAdvice.class, () -> own)
        .run(ctx -> assertThat(ctx.getBean(PaykitProblemDetailsAdvice.class)).isSameAs(own));
  }
}
