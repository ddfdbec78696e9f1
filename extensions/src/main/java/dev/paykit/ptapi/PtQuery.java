package dev.paykit.ptapi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PT search expression ({@code q}) built from typed parts, so that no value can change its structure:
 * every character of a value that the language gives a meaning to ({@code + - & | ! ( ) { } [ ] ^ " ~ * ? :
 * \ /}, white space) is escaped with a backslash, and a value that is a keyword ({@code AND}, {@code OR},
 * {@code NOT}, {@code TO}) is escaped too. {@code joe AND age:[0 TO 99]} as a first name stays a first name:
 * {@code firstName:joe\ AND\ age\:\[0\ TO\ 99\]}. Immutable and thread-safe.
 *
 * <pre>{@code
 * PtQuery q = PtQuery.field("firstName", userInput)
 *     .and(PtQuery.range("age", "20", "30"))
 *     .and(PtQuery.not(PtQuery.field("status", "inactive")));
 * cardholders.search(business, new SearchCardholdersQueryParams().q(q.expression()));
 * }</pre>
 *
 * <p>The syntax is Lucene's, which the spec infers from the wiki's example ({@code firstName:joe AND
 * age:[20 TO 30]}); PT does not publish its grammar. Operands of {@link #and}, {@link #or} and
 * {@link #not} are parenthesized when they are compound, so the expression reads as it was built.
 */
public final class PtQuery {

  private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String expression;
  private final boolean compound;

  private PtQuery(String expression, boolean compound) {
    this.expression = expression;
    this.compound = compound;
  }

  /**
   * {@code field:value}: the field equals the value (a term; an empty value is the phrase {@code ""}).
   *
   * @param field the field's name
   * @param value the value, escaped
   * @return the term
   */
  public static PtQuery field(String field, String value) {
    Objects.requireNonNull(value, "value");
    return new PtQuery(name(field) + ":" + (value.isEmpty() ? "\"\"" : term(value)), false);
  }

  /**
   * {@code field:"text"}: the field equals the text, written as a quoted phrase.
   *
   * @param field the field's name
   * @param text the text, escaped
   * @return the phrase
   */
  public static PtQuery phrase(String field, String text) {
    return new PtQuery(name(field) + ":" + quoted(Objects.requireNonNull(text, "text")), false);
  }

  /**
   * {@code field:prefix*}: the field starts with {@code prefix} (the prefix itself is escaped).
   *
   * @param field the field's name
   * @param prefix the prefix, escaped
   * @return the prefix query
   */
  public static PtQuery startsWith(String field, String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new PtQuery(name(field) + ":" + escape(prefix, false) + "*", false);
  }

  /**
   * {@code field:[from TO to]}, both bounds included; a null bound is open ({@code *}).
   *
   * @param field the field's name
   * @param from the lower bound, or null for none
   * @param to the upper bound, or null for none
   * @return the range
   */
  public static PtQuery range(String field, String from, String to) {
    return range(field, from, true, to, true);
  }

  /**
   * A range with each bound included or not ({@code [ ]} / {@code { }}); a null bound is open.
   *
   * @param field the field's name
   * @param from the lower bound, or null for none
   * @param fromIncluded whether {@code from} itself matches
   * @param to the upper bound, or null for none
   * @param toIncluded whether {@code to} itself matches
   * @return the range
   */
  public static PtQuery range(String field, String from, boolean fromIncluded, String to, boolean toIncluded) {
    return new PtQuery(name(field) + ":" + (fromIncluded ? "[" : "{") + bound(from) + " TO " + bound(to)
        + (toIncluded ? "]" : "}"), false);
  }

  /**
   * Both this and {@code other}.
   *
   * @param other the other expression
   * @return the conjunction
   */
  public PtQuery and(PtQuery other) {
    return join("AND", this, other);
  }

  /**
   * This or {@code other}.
   *
   * @param other the other expression
   * @return the disjunction
   */
  public PtQuery or(PtQuery other) {
    return join("OR", this, other);
  }

  /**
   * All of these (at least one).
   *
   * @param first the first expression
   * @param more the others
   * @return the conjunction of all
   */
  public static PtQuery allOf(PtQuery first, PtQuery... more) {
    PtQuery q = Objects.requireNonNull(first, "first");
    for (PtQuery m : more) {
      q = q.and(m);
    }
    return q;
  }

  /**
   * Any of these (at least one).
   *
   * @param first the first expression
   * @param more the others
   * @return the disjunction of all
   */
  public static PtQuery anyOf(PtQuery first, PtQuery... more) {
    PtQuery q = Objects.requireNonNull(first, "first");
    for (PtQuery m : more) {
      q = q.or(m);
    }
    return q;
  }

  /**
   * Not {@code q}.
   *
   * @param q the expression to negate
   * @return the negation
   */
  public static PtQuery not(PtQuery q) {
    return new PtQuery("NOT " + group(Objects.requireNonNull(q, "q")), true);
  }

  /** {@return the expression, for the {@code q} query parameter} */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PtQuery other && other.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  /**
   * A value escaped as one term of the language (no wildcard, no keyword, no structure).
   *
   * @param value any text
   * @return the text with every character the language reserves escaped
   */
  public static String escape(String value) {
    return term(Objects.requireNonNull(value, "value"));
  }

  private static PtQuery join(String op, PtQuery a, PtQuery b) {
    Objects.requireNonNull(b, "other");
    return new PtQuery(group(a) + " " + op + " " + group(b), true);
  }

  private static String group(PtQuery q) {
    return q.compound ? "(" + q.expression + ")" : q.expression;
  }

  private static String name(String field) {
    Objects.requireNonNull(field, "field");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("a field name is a letter or '_' followed by letters, digits or '_' "
          + "(ASCII), not \"" + field + "\"");
    }
    return field;
  }

  private static String term(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an empty value is no term (use a phrase)");
    }
    return escape(value, isKeyword(value));
  }

  private static String bound(String value) {
    if (value == null) {
      return "*";
    }
    return value.isEmpty() ? "\"\"" : term(value);
  }

  private static boolean isKeyword(String s) {
    return s.equals("AND") || s.equals("OR") || s.equals("NOT") || s.equals("TO");
  }

  private static String escape(String value, boolean escapeFirst) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((i == 0 && escapeFirst) || SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c)
          || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
