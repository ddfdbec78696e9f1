package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.ptapi.PtQuery;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No value given to {@link PtQuery} changes the expression's structure: the sandbox's parser
 * ({@link PtApiSimulator#parseQuery}, written apart from the client) reads back exactly the tree that was
 * built, with every value as given. Values mix the language's special characters, white space of every
 * kind, the keywords and arbitrary UTF-16 (unpaired surrogates included).
 */
class PtQueryPropertyTest {

  private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

  /**
   * jqwik tells (java.util.logging, INFO) that the edge cases of these generators outnumber the tries and the
   * rest are random: true and expected here, and otherwise a line in every build's output. Held so the level stays.
   */
  private static final java.util.logging.Logger JQWIK = java.util.logging.Logger.getLogger("net.jqwik");

  static {
    JQWIK.setLevel(java.util.logging.Level.WARNING);
  }

  /** The parser's canonical quoting, restated: {@code \} and {@code "} escaped, in double quotes. */
  private static String q(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(SPECIAL + " \t\n\r\u000b\f\u00a0\u2003\u3000aZ09_-'AND OR NOT TO")
            .ofMaxLength(24),
        Arbitraries.strings().all().ofMaxLength(24),
        Arbitraries.of("AND", "OR", "NOT", "TO", "&&", "||", "!", "*", "?", "\\", "\"", "", " ",
            "joe AND age:[0 TO 99]", "x) OR (y:z", "a\\", "\"unterminated", "*:*"));
  }

  @Property(tries = 1000)
  void aTermStaysOneValue(@ForAll("values") String value) {
    assertThat(PtApiSimulator.parseQuery(PtQuery.field("firstName", value).expression()))
        .isEqualTo("(eq firstName " + q(value) + ")");
  }

  @Property(tries = 1000)
  void aPhraseStaysOneValue(@ForAll("values") String value) {
    assertThat(PtApiSimulator.parseQuery(PtQuery.phrase("lastName", value).expression()))
        .isEqualTo("(eq lastName " + q(value) + ")");
  }

  @Property(tries = 1000)
  void aPrefixStaysALiteralPrefix(@ForAll("values") String value) {
    String expected = value.isEmpty() ? "(like email *)" : "(like email " + q(value) + " *)";
    assertThat(PtApiSimulator.parseQuery(PtQuery.startsWith("email", value).expression())).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void aCompoundExpressionKeepsItsShapeWhateverItsValues(@ForAll("values") String first,
      @ForAll("values") String low, @ForAll("values") String high, @ForAll("values") String last) {
    PtQuery built = PtQuery.field("firstName", first).and(PtQuery.range("age", low, high))
        .or(PtQuery.not(PtQuery.phrase("lastName", last)))
        .and(PtQuery.range("balance", null, true, high, false));

    assertThat(PtApiSimulator.parseQuery(built.expression())).isEqualTo(
        "(and (or (and (eq firstName " + q(first) + ") (range age [" + q(low) + " " + q(high) + "]))"
            + " (not (eq lastName " + q(last) + "))) (range balance [* " + q(high) + "}))");
  }

  @Example
  void theIssuesExampleAsAFirstNameStaysAFirstName() {
    String expression = PtQuery.field("firstName", "joe AND age:[0 TO 99]").expression();

    assertThat(expression).isEqualTo("firstName:joe\\ AND\\ age\\:\\[0\\ TO\\ 99\\]");
    assertThat(PtApiSimulator.parseQuery(expression)).isEqualTo("(eq firstName \"joe AND age:[0 TO 99]\")");
  }

  @Example
  void aFieldNameIsCheckedNotEscaped() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PtQuery.field("first name", "joe"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first name");
  }
}
