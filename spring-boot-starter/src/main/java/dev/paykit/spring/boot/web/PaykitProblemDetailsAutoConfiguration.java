package dev.paykit.spring.boot.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Opt-in: {@code paykit.problem-details.enabled=true} in a web application answers paykit exceptions that leave
 * a controller as RFC 9457 problems ({@link PaykitProblemDetailsAdvice}). Off by default: what an API tells its
 * callers is the application's decision.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(name = {"org.springframework.http.ProblemDetail",
    "org.springframework.web.bind.annotation.RestControllerAdvice"})
@ConditionalOnProperty(prefix = "paykit.problem-details", name = "enabled", havingValue = "true")
public class PaykitProblemDetailsAutoConfiguration {

  /** Made by Spring Boot's auto-configuration. */
  public PaykitProblemDetailsAutoConfiguration() {}

  /**
   * The advice, unless the application has its own.
   *
   * @return the advice answering paykit exceptions with problems
   */
  @Bean
  @ConditionalOnMissingBean
  public PaykitProblemDetailsAdvice paykitProblemDetailsAdvice() {
    return new PaykitProblemDetailsAdvice();
  }
}
