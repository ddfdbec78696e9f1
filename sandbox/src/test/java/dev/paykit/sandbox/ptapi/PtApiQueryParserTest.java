package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.parseQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code q} parser's structure, as {@link PtApiSimulator#parseQuery} writes it. */
class PtApiQueryParserTest {
  /** Every character Lucene's syntax treats as special, plus white space. */
  private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/ ";

  /**
   * What a client must do to a term value: a backslash before every special character and white space, and
   * before a value that is a keyword (AND, OR, NOT, TO), which would otherwise be read as one.
   */
  private static String escapeTerm(String value) {
    if (List.of("AND", "OR", "NOT", "TO").contains(value)) {
      return "\\" + value;
    }
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** What a client must do to a phrase value: a backslash before {@code "} and {@code \}. */
  private static String phrase(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Test
  void theWikisExampleIsATermAndAnInclusiveRange() {
    assertThat(parseQuery("firstName:joe AND age:[20 TO 30]"))
        .isEqualTo("(and (eq firstName \"joe\") (range age [\"20\" \"30\"]))");
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    assertThat(parseQuery("a:1 OR b:2 AND NOT c:3"))
        .isEqualTo("(or (eq a \"1\") (and (eq b \"2\") (not (eq c \"3\"))))");
    assertThat(parseQuery("(a:1 OR b:2) AND c:3"))
        .isEqualTo("(and (or (eq a \"1\") (eq b \"2\")) (eq c \"3\"))");
    assertThat(parseQuery("a:1 && b:2 || !c:3")).isEqualTo(parseQuery("a:1 AND b:2 OR NOT c:3"));
    assertThat(parseQuery("NOT (a:1 OR b:2)")).isEqualTo("(not (or (eq a \"1\") (eq b \"2\")))");
  }

  @Test
  void phrasesRangesAndWildcards() {
    assertThat(parseQuery("lastName:\"O'Brien Smith\"")).isEqualTo("(eq lastName \"O'Brien Smith\")");
    assertThat(parseQuery("age:{20 TO *]")).isEqualTo("(range age {\"20\" *])");
    assertThat(parseQuery("name:[\"a b\" TO \"c\"}")).isEqualTo("(range name [\"a b\" \"c\"})");
    assertThat(parseQuery("firstName:jo*")).isEqualTo("(like firstName \"jo\" *)");
    assertThat(parseQuery("firstName:j?e")).isEqualTo("(like firstName \"j\" ? \"e\")");
    assertThat(parseQuery("firstName:jo\\*")).isEqualTo("(eq firstName \"jo*\")");
    assertThat(parseQuery("dateOfBirth:[1990-01-01 TO 1999-12-31]"))
        .isEqualTo("(range dateOfBirth [\"1990-01-01\" \"1999-12-31\"])");
    assertThat(parseQuery("name:a+b-c")).isEqualTo("(eq name \"a+b-c\")");
  }

  @Test
  void anInjectionAttemptEscapedStaysOneValue() {
    String hostile = "joe AND age:[0 TO 99]";
    assertThat(parseQuery("firstName:" + escapeTerm(hostile)))
        .isEqualTo("(eq firstName \"joe AND age:[0 TO 99]\")");
    assertThat(parseQuery("firstName:" + phrase(hostile)))
        .isEqualTo("(eq firstName \"joe AND age:[0 TO 99]\")");
    // unescaped, the same text changes the query's structure: what the escaping prevents
    assertThat(parseQuery("firstName:" + hostile))
        .isEqualTo("(and (eq firstName \"joe\") (range age [\"0\" \"99\"]))");
  }

  @Test
  void keywordsAreValuesOnlyWhenEscapedOrQuoted() {
    assertThat(parseQuery("firstName:\\AND")).isEqualTo("(eq firstName \"AND\")");
    assertThat(parseQuery("firstName:\"OR\"")).isEqualTo("(eq firstName \"OR\")");
    assertThat(parseQuery("firstName:and")).isEqualTo("(eq firstName \"and\")");
    assertThatThrownBy(() -> parseQuery("firstName:AND")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyword AND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "firstName", "firstName:", "firstName: joe", "firstName:joe lastName:smith",
      "(firstName:joe", "firstName:joe)", "firstName:\"joe", "firstName:joe\\", "firstName:-joe", "firstName:a:b",
      "age:[20 30]", "age:[20 TO 30", "age:[2* TO 30]", "AND firstName:joe", "firstName:joe AND", "1name:x",
      "firstName:joe OR OR lastName:x", "NOT", "firstName:(joe)"})
  void whatIsNotAnExpressionIsRefusedWithWhere(String q) {
    assertThatThrownBy(() -> parseQuery(q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at offset");
  }

  /**
   * For many values made of letters, digits, every special character, white space and keywords: the escaped
   * term and the escaped phrase both parse to exactly that value, never to another structure.
   */
  @Test
  void everyEscapedValueParsesToItselfAsTermAndAsPhrase() {
    String[] pieces = {"a", "Z", "7", "é", " ", "\t", "AND", "OR", "NOT", "TO", "&&", "||", "*", "?", "\\", "\"",
        ":", "(", ")", "[", "]", "{", "}", "^", "~", "+", "-", "!", "/", "'", "x y"};
    Random random = new Random(20261121L);
    List<String> values = new ArrayList<>(List.of("AND", "joe AND age:[0 TO 99]", "\\", "\"", "*", "a\\", "NOT x"));
    for (int i = 0; i < 2000; i++) {
      StringBuilder v = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int j = 0; j < n; j++) {
        v.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(v.toString());
    }
    for (String value : values) {
      String expected = "(eq firstName " + quote(value) + ")";
      assertThat(parseQuery("firstName:" + escapeTerm(value))).as("term %s", value).isEqualTo(expected);
      assertThat(parseQuery("firstName:" + phrase(value))).as("phrase %s", value).isEqualTo(expected);
      assertThat(parseQuery("(firstName:" + escapeTerm(value) + " OR lastName:" + phrase(value) + ")"))
          .as("in a group %s", value).isEqualTo("(or " + expected + " (eq lastName " + quote(value) + "))");
    }
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
