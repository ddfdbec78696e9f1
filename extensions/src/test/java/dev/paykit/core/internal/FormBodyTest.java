package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FormBody} writes what {@link URLEncoder} writes, byte for byte, and reads what
 * {@link URLDecoder} reads: the form a step signs is the form that goes on the wire.
 */
class FormBodyTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "Blue shirt", "a+b", "a*b~c", "100%", "x=y&z", ".-_*", "é", "€uro",
      "💸 emoji", "日本語", "tab\there", "line\nbreak", "\uD83D", "a\uDC00b", "\uD83D\uD83D\uDCB8", "  ", "+%2B"})
  void encodesAsUrlEncoderDoes(String text) {
    StringBuilder out = new StringBuilder();
    FormBody.urlEncode(out, text);
    assertThat(out.toString()).isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8));
  }

  @Test
  void encodesAsUrlEncoderDoesOnRandomText() {
    Random random = new Random(11); // fixed: the same 5,000 strings on every run
    String alphabet = "aZ09 .-*_~+%&=/?#é€日\uD83D\uDCB8\uD800\uDFFF\t";
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      StringBuilder out = new StringBuilder();
      FormBody.urlEncode(out, text.toString());
      assertThat(out.toString()).as(text.toString()).isEqualTo(URLEncoder.encode(text.toString(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void decodesAndEncodesInTheGivenOrderThenTheRest() {
    FormBody form = FormBody.parse("z=1&b=x+y&&a=%E2%82%AC&flag&b=again&c="
        .getBytes(StandardCharsets.UTF_8));

    assertThat(form.get("b")).isEqualTo("again"); // a repeated key: the last value, at the first's place
    assertThat(form.get("a")).isEqualTo("€");
    assertThat(form.get("flag")).isEmpty();
    assertThat(new String(form.encode(List.of("a", "b", "a", "missing")), StandardCharsets.UTF_8))
        .isEqualTo("a=%E2%82%AC&b=again&z=1&flag=&c=");
  }
}
