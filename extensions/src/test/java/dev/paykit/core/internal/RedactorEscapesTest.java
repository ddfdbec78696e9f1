package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sensitive JSON member is masked up to its real closing quote, however its value or its name is
 * escaped: today {@code {"password":"pa\"ss..."}} leaked everything after the escaped quote.
 */
class RedactorEscapesTest {

  private final Redactor redactor = Redactor.of(List.of(), List.of("password", "Authorization", "signature"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // an escaped quote inside the value
      "{\"password\":\"pa\\\"ss-LEAK\",\"a\":1}                | {\"password\":\"[REDACTED]\",\"a\":1}",
      // several, and spaces around the colon
      "{\"password\" :  \"\\\"x\\\"-LEAK\\\"\"}               | {\"password\" :  \"[REDACTED]\"}",
      // an escaped backslash right before the closing quote: the quote does close the string
      "{\"password\":\"a\\\\\\\\\",\"next\":\"visible\"}        | {\"password\":\"[REDACTED]\",\"next\":\"visible\"}",
      // an escaped backslash followed by an escaped quote
      "{\"password\":\"a\\\\\\\\\\\"-LEAK\",\"next\":\"visible\"} | {\"password\":\"[REDACTED]\",\"next\":\"visible\"}",
      // unicode escapes in the value, including an escaped quote
      "{\"password\":\"pa\\u0022ss-LEAK\\u00e9\"}              | {\"password\":\"[REDACTED]\"}",
      // a unicode-escaped name
      "{\"pass\\u0077ord\":\"LEAK\"}                            | {\"pass\\u0077ord\":\"[REDACTED]\"}",
      "{\"\\u0050ASSWORD\":\"LEAK\"}                            | {\"\\u0050ASSWORD\":\"[REDACTED]\"}",
      // other case, nested, repeated
      "{\"a\":{\"PassWord\":\"x\\\"LEAK\"},\"b\":[{\"password\":\"y\\\\\\\"LEAK\"}]} | {\"a\":{\"PassWord\":\"[REDACTED]\"},\"b\":[{\"password\":\"[REDACTED]\"}]}",
      // a number or a boolean
      "{\"password\":123456,\"a\":1}                           | {\"password\":[REDACTED],\"a\":1}",
      // cut off inside the value (a capped body): everything to the end is masked
      "{\"password\":\"abc\\\"LEAK-LEAK                        | {\"password\":\"[REDACTED]",
      "{\"password\":\"abc\\                                   | {\"password\":\"[REDACTED]",
      // a name that only ends like a sensitive one is left alone
      "{\"xpassword\":\"shown\",\"password_hint\":\"shown\"}    | {\"xpassword\":\"shown\",\"password_hint\":\"shown\"}",
      // a form body: %22 is an encoded quote and the value ends at &
      "password=pa%22ss%22-LEAK&next=visible                   | password=[REDACTED]&next=visible",
      "tx_id=1&signature=ab%22cd%5C%22LEAK&time=2              | tx_id=1&signature=[REDACTED]&time=2"})
  void masksTheWholeValue(String text, String expected) {
    String out = redactor.redact(text);

    assertThat(out).isEqualTo(expected).doesNotContain("LEAK");
  }

  @Test
  void aKnownSecretIsMaskedAlsoWhenJsonEscapedOrFormEncoded() {
    Redactor r = Redactor.of(List.of("sk/live\"with\\odd+chars"), List.of());

    assertThat(r.redact("{\"message\":\"bad key sk\\/live\\\"with\\\\odd+chars\"}"))
        .isEqualTo("{\"message\":\"bad key [REDACTED]\"}");
    assertThat(r.redact("{\"message\":\"bad key sk/live\\\"with\\\\odd+chars\"}"))
        .isEqualTo("{\"message\":\"bad key [REDACTED]\"}");
    assertThat(r.redact("key=sk%2Flive%22with%5Codd%2Bchars&x=1")).isEqualTo("key=[REDACTED]&x=1");
  }

  @Test
  void aLongBodyWithManyEscapesIsRedactedInLinearTime() {
    String value = "\\\"ab".repeat(200_000);
    String body = "{\"password\":\"" + value + "\",\"next\":\"visible\"}";

    String out = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(body));

    assertThat(out).isEqualTo("{\"password\":\"[REDACTED]\",\"next\":\"visible\"}");
  }
}
