package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffDoublesUpToTheCapAndJitterOnlyShortensIt() {
    RetryPolicy noJitterDraw = RetryPolicy.builder().random(() -> 0.0).build();
    assertThat(noJitterDraw.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(noJitterDraw.backoff(2)).isEqualTo(Duration.ofMillis(1000));
    assertThat(noJitterDraw.backoff(4)).isEqualTo(Duration.ofMillis(4000));
    assertThat(noJitterDraw.backoff(9)).isEqualTo(Duration.ofSeconds(5));

    RetryPolicy fullDraw = RetryPolicy.builder().random(() -> 0.999).build();
    assertThat(fullDraw.backoff(2)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxElapsed(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noneMakesOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }
}
