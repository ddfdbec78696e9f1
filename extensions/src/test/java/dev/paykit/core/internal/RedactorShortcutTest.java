package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The redactor skips a sensitive name's patterns for a text that lacks what they need (a quote and a
 * colon for a JSON member; the name, in any case, and its {@code =} or {@code :} for a field): every form
 * it masks is still masked, whatever the case or escaping of the name.
 */
class RedactorShortcutTest {

  private final Redactor redactor = Redactor.of(List.of("sk_live_shortcut42"), List.of("Authorization", "signature"));

  @Test
  void everyFormIsStillMaskedWhateverTheCaseOrEscapingOfTheName() {
    assertThat(redactor.redact("AUTHORIZATION: Bearer abc")).isEqualTo("AUTHORIZATION: [REDACTED]");
    assertThat(redactor.redact("authorization:Bearer abc")).isEqualTo("authorization:[REDACTED]");
    assertThat(redactor.redact("tx=1&SIGNATURE=f00d&time=2")).isEqualTo("tx=1&SIGNATURE=[REDACTED]&time=2");
    assertThat(redactor.redact("{\"\\u0073ignature\" : \"f00d\"}")).isEqualTo("{\"\\u0073ignature\" : \"[REDACTED]\"}");
    assertThat(redactor.redact("{\"Signature\":12345}")).isEqualTo("{\"Signature\":[REDACTED]}");
    assertThat(redactor.redact("key sk_live_shortcut42 echoed")).isEqualTo("key [REDACTED] echoed");
  }

  @Test
  void aTextWithoutWhatAnyPatternNeedsIsReturnedAsItIs() {
    String name = "Adaeze Okafor";
    String withName = "signature pending"; // the name, but neither = nor :
    String withColon = "10:00 Authorisation"; // a colon, but not the name

    assertThat(redactor.redact(name)).isSameAs(name);
    assertThat(redactor.redact(withName)).isSameAs(withName);
    assertThat(redactor.redact(withColon)).isSameAs(withColon);
  }
}
