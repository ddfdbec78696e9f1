package dev.paykit.spring.boot.web;

import dev.paykit.core.PaykitException;
import dev.paykit.core.RateLimitException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a paykit exception that leaves a controller with its {@link PaykitProblemDetails problem}
 * ({@code application/problem+json}); a rate limit with the provider's {@code Retry-After} in seconds when it
 * gave one. Opt-in ({@code paykit.problem-details.enabled=true}); ordered last, so the application's own
 * handlers and advice win.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PaykitProblemDetailsAdvice {

  /** Made by the starter's auto-configuration, or by the application to register it itself. */
  public PaykitProblemDetailsAdvice() {}

  /**
   * The answer for {@code e}.
   *
   * @param e what the paykit client threw
   * @return the problem, with its status (and {@code Retry-After} for a rate limit that named one)
   */
  @ExceptionHandler(PaykitException.class)
  public ResponseEntity<ProblemDetail> handle(PaykitException e) {
    ProblemDetail problem = PaykitProblemDetails.of(e);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
    if (e instanceof RateLimitException) {
      e.retryAfter().ifPresent(d -> answer.header(HttpHeaders.RETRY_AFTER,
          Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))));
    }
    return answer.body(problem);
  }
}
