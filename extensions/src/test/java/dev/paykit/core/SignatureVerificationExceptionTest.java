package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.SignatureVerificationException.Reason;
import org.junit.jupiter.api.Test;

/** The reason is machine-readable; the older constructor keeps compiling and says OTHER. */
class SignatureVerificationExceptionTest {

  @Test
  void theThreeArgumentConstructorGivesReasonOther() {
    SignatureVerificationException e = new SignatureVerificationException("promptcash", "token does not match", null);

    assertThat(e.reason()).isEqualTo(Reason.OTHER);
    assertThat(e.provider()).isEqualTo("promptcash");
    assertThat(e.getMessage()).isEqualTo("[promptcash] token does not match");
    assertThat(e.requestMayHaveBeenProcessed()).isFalse();
  }

  @Test
  void aGivenReasonIsKeptAndANullOneIsOther() {
    IllegalStateException cause = new IllegalStateException("x");
    SignatureVerificationException e = new SignatureVerificationException("paypercut",
        Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "timestamp 1 is 301 s old", cause);

    assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.getMessage()).isEqualTo("[paypercut] timestamp 1 is 301 s old");
    assertThat(new SignatureVerificationException("paypercut", null, "m", null).reason()).isEqualTo(Reason.OTHER);
  }
}
