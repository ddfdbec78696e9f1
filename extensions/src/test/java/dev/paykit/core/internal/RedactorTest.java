package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = Redactor.of(List.of("sk_live_abcdef123456", "abc"),
      List.of("Authorization", "signature"));

  @Test
  void masksKnownSecretsWherever_theyOccur() {
    assertThat(redactor.redact("key sk_live_abcdef123456 rejected"))
        .isEqualTo("key [REDACTED] rejected");
  }

  @Test
  void masksSensitiveHeadersFormFieldsAndJsonMembers() {
    assertThat(redactor.redact("[Api#op] Authorization: Bearer anything"))
        .isEqualTo("[Api#op] Authorization: [REDACTED]");
    assertThat(redactor.redact("tx_id=1&signature=deadbeef&time=2"))
        .isEqualTo("tx_id=1&signature=[REDACTED]&time=2");
    assertThat(redactor.redact("{\"signature\" : \"deadbeef\", \"a\":1}"))
        .isEqualTo("{\"signature\" : \"[REDACTED]\", \"a\":1}");
  }

  @Test
  void masksLiveSecretsAsTheyAreWhenEachTextIsRedacted() {
    java.util.concurrent.atomic.AtomicReference<java.util.List<String>> live =
        new java.util.concurrent.atomic.AtomicReference<>(java.util.List.of());
    Redactor r = redactor.withLiveSecrets(live::get);

    assertThat(r.redact("session S-1234/ab expired")).isEqualTo("session S-1234/ab expired");
    live.set(java.util.Arrays.asList("S-1234/ab", null, "abc"));
    assertThat(r.redact("session S-1234/ab expired, key sk_live_abcdef123456, abc"))
        .isEqualTo("session [REDACTED] expired, key [REDACTED], abc");
    assertThat(r.redact("{\"m\":\"S-1234\\/ab\"} q=S-1234%2Fab")).isEqualTo("{\"m\":\"[REDACTED]\"} q=[REDACTED]");
    assertThat(redactor.redact("session S-1234/ab expired")).isEqualTo("session S-1234/ab expired");
  }

  @Test
  void ignoresSecretsTooShortToMaskSafely() {
    assertThat(redactor.redact("abc def")).isEqualTo("abc def");
  }

  @Test
  void describesItselfWithoutSecrets() {
    assertThat(redactor.toString()).doesNotContain("sk_live");
  }
}
