package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.OperationSpec;

/**
 * One per-attempt step of the pipeline (authenticate, timestamp, sign). Runs on every attempt, after
 * the request has been encoded, in the order {@link CallPipeline} gives. Implementations replace
 * headers and fields, never append, and must be thread-safe. A step that changes or reads a form body
 * does so through {@link FormBody#edit} and {@link FormBody#write}: the steps of one attempt share one
 * decoded form, which the pipeline encodes once after the last step.
 */
@FunctionalInterface
public interface AttemptStep {

  /**
   * Changes the request for this attempt.
   *
   * @param request the encoded request; its headers, query and body may be replaced
   * @param operation the operation being called
   */
  void apply(AttemptRequest request, OperationSpec operation);

  /** This step, then {@code next}. */
  default AttemptStep andThen(AttemptStep next) {
    return (request, operation) -> {
      apply(request, operation);
      next.apply(request, operation);
    };
  }

}
