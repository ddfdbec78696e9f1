package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Error details are built by name; unset fields take the safe defaults. */
class ErrorDetailsTest {

  @Test
  void unsetFieldsAssumeTheRequestMayHaveBeenProcessedAndNothingElse() {
    ErrorDetails d = ErrorDetails.builder("prunny").build();

    assertThat(d).isEqualTo(new ErrorDetails("prunny", null, 0, null, null, null, false, null, true));
  }

  @Test
  void everyFieldLandsWhereItsNameSaysAndToBuilderKeepsThemAll() {
    ErrorDetails d = ErrorDetails.builder("promptcash").operationId("createPayment").httpStatus(503)
        .providerCode("X1").providerMessage("busy").requestId("req-9").retryable(true)
        .retryAfter(Duration.ofSeconds(2)).mayHaveBeenProcessed(false).build();

    assertThat(d).isEqualTo(new ErrorDetails("promptcash", "createPayment", 503, "X1", "busy", "req-9", true,
        Duration.ofSeconds(2), false));
    assertThat(d.toBuilder().build()).isEqualTo(d);
    assertThat(d.toBuilder().httpStatus(500).build().httpStatus()).isEqualTo(500);
  }
}
