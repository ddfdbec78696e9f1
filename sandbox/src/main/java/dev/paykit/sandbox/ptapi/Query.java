package dev.paykit.sandbox.ptapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * PT's search language ({@code q}), parsed for real: the wiki's example {@code firstName:joe AND age:[20 TO 30]}
 * read as Lucene's query syntax, the subset a search over records needs. Grammar:
 *
 * <pre>
 * query   = or EOF
 * or      = and { ("OR" | "||") and }
 * and     = not { ("AND" | "&amp;&amp;") not }
 * not     = ("NOT" | "!") not | primary
 * primary = "(" or ")" | field ":" value
 * value   = phrase | range | term
 * range   = ("[" | "{") bound "TO" bound ("]" | "}")     [ ] inclusive, { } exclusive, bound "*" open
 * phrase  = '"' { any character but '"' and '\' | '\' any character } '"'
 * term    = { a character that is not white space nor special | '\' any character }+
 * </pre>
 *
 * Special characters ({@code + - & | ! ( ) { } [ ] ^ " ~ * ? : \ /}) may appear in a term only escaped with a
 * backslash, except {@code +} and {@code -} after a term's first character (as in Lucene: {@code 1990-01-01})
 * and the wildcards {@code *} (any run) and {@code ?} (one character), which make the term a
 * pattern. Two clauses side by side without an operator are an error (Lucene would OR them; a search that
 * silently widens is worse than a 400). The keywords are recognised only bare and upper-case; an escaped or
 * quoted keyword is a value ({@code firstName:"AND"}, {@code firstName:\AND}). A field name is
 * {@code [A-Za-z_][A-Za-z0-9_]*}. Stateless.
 */
final class Query {
  private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

  /** A parsed expression. */
  sealed interface Node permits And, Or, Not, Eq, Like, Range {}

  record And(List<Node> parts) implements Node {}

  record Or(List<Node> parts) implements Node {}

  record Not(Node part) implements Node {}

  /** {@code field:value} or {@code field:"value"}: equal (case-insensitive; numerically for numbers). */
  record Eq(String field, String value) implements Node {}

  /** A term with unescaped {@code *} / {@code ?}: {@code pattern} keeps the wildcards as {@link #ANY_RUN} / {@link #ANY_ONE}. */
  record Like(String field, List<Object> pattern) implements Node {}

  /** {@code [low TO high]}; a null bound is open ({@code *}). */
  record Range(String field, String low, boolean lowInclusive, String high, boolean highInclusive) implements Node {}

  static final Object ANY_RUN = new Object() {
    @Override
    public String toString() {
      return "*";
    }
  };
  static final Object ANY_ONE = new Object() {
    @Override
    public String toString() {
      return "?";
    }
  };

  /** Why an expression does not parse, with the offset where it went wrong. */
  static final class SyntaxError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message, int at) {
      super(message + " at offset " + at);
    }
  }

  private final String text;
  private int pos;

  private Query(String text) {
    this.text = text;
  }

  /** The expression's tree; a {@link SyntaxError} when it is not one. */
  static Node parse(String text) {
    Query q = new Query(text);
    q.skipSpace();
    if (q.pos >= text.length()) {
      throw new SyntaxError("empty expression", 0);
    }
    Node node = q.or();
    q.skipSpace();
    if (q.pos < text.length()) {
      throw new SyntaxError("expected AND, OR or the end, found '" + text.charAt(q.pos) + "'", q.pos);
    }
    return node;
  }

  private Node or() {
    List<Node> parts = new ArrayList<>();
    parts.add(and());
    while (keyword("OR", "||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
  }

  private Node and() {
    List<Node> parts = new ArrayList<>();
    parts.add(not());
    while (keyword("AND", "&&")) {
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
  }

  private Node not() {
    if (keyword("NOT", "!")) {
      return new Not(not());
    }
    return primary();
  }

  private Node primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw new SyntaxError("expected a clause, found the end", pos);
    }
    if (text.charAt(pos) == '(') {
      pos++;
      Node inner = or();
      skipSpace();
      expect(')');
      return inner;
    }
    int start = pos;
    while (pos < text.length() && isFieldChar(text.charAt(pos), pos == start)) {
      pos++;
    }
    if (pos == start) {
      throw new SyntaxError("expected a field name, found '" + text.charAt(pos) + "'", pos);
    }
    String field = text.substring(start, pos);
    if (pos >= text.length() || text.charAt(pos) != ':') {
      throw new SyntaxError("expected ':' after field " + field, pos);
    }
    pos++;
    return value(field);
  }

  private Node value(String field) {
    if (pos >= text.length() || Character.isWhitespace(text.charAt(pos))) {
      throw new SyntaxError("expected a value for " + field, pos);
    }
    char c = text.charAt(pos);
    if (c == '"') {
      return new Eq(field, phrase());
    }
    if (c == '[' || c == '{') {
      return range(field);
    }
    Term term = term();
    if (term.raw && isKeyword(term.text)) {
      throw new SyntaxError("the keyword " + term.text + " where a value of " + field + " was expected", term.start);
    }
    return term.wildcard ? new Like(field, term.pattern) : new Eq(field, term.text);
  }

  private Node range(String field) {
    boolean lowInclusive = text.charAt(pos) == '[';
    pos++;
    skipSpace();
    String low = bound();
    skipSpace();
    if (!text.startsWith("TO", pos) || pos + 2 >= text.length() || !Character.isWhitespace(text.charAt(pos + 2))) {
      throw new SyntaxError("expected TO in the range of " + field, pos);
    }
    pos += 2;
    skipSpace();
    String high = bound();
    skipSpace();
    if (pos >= text.length() || (text.charAt(pos) != ']' && text.charAt(pos) != '}')) {
      throw new SyntaxError("expected ']' or '}' closing the range of " + field, pos);
    }
    boolean highInclusive = text.charAt(pos) == ']';
    pos++;
    return new Range(field, low, lowInclusive, high, highInclusive);
  }

  /** A range bound: a phrase, {@code *} (open) or a term without wildcards. */
  private String bound() {
    if (pos < text.length() && text.charAt(pos) == '"') {
      return phrase();
    }
    if (pos < text.length() && text.charAt(pos) == '*'
        && (pos + 1 >= text.length() || Character.isWhitespace(text.charAt(pos + 1))
            || text.charAt(pos + 1) == ']' || text.charAt(pos + 1) == '}')) {
      pos++;
      return null;
    }
    Term term = term();
    if (term.wildcard) {
      throw new SyntaxError("a wildcard in a range bound", term.start);
    }
    if (term.raw && term.text.equals("TO")) {
      throw new SyntaxError("a missing range bound", term.start);
    }
    return term.text;
  }

  private String phrase() {
    int start = pos;
    pos++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        out.append(text.charAt(pos++));
      } else {
        out.append(c);
      }
    }
    throw new SyntaxError("an unterminated phrase", start);
  }

  private record Term(String text, List<Object> pattern, boolean wildcard, boolean raw, int start) {}

  /** A run of term characters; {@code raw} when nothing in it was escaped (so it can be a keyword). */
  private Term term() {
    int start = pos;
    StringBuilder out = new StringBuilder();
    List<Object> pattern = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean wildcard = false;
    boolean raw = true;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c) || c == ')' || c == ']' || c == '}') {
        break;
      }
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          throw new SyntaxError("a backslash at the end", pos);
        }
        char escaped = text.charAt(pos + 1);
        out.append(escaped);
        literal.append(escaped);
        raw = false;
        pos += 2;
        continue;
      }
      if (c == '*' || c == '?') {
        wildcard = true;
        if (literal.length() > 0) {
          pattern.add(literal.toString());
          literal.setLength(0);
        }
        pattern.add(c == '*' ? ANY_RUN : ANY_ONE);
        out.append(c);
        pos++;
        continue;
      }
      if (SPECIAL.indexOf(c) >= 0 && !((c == '-' || c == '+') && pos > start)) {
        throw new SyntaxError("the special character '" + c + "' unescaped in a value", pos);
      }
      out.append(c);
      literal.append(c);
      pos++;
    }
    if (pos == start) {
      throw new SyntaxError("expected a value", pos);
    }
    if (literal.length() > 0) {
      pattern.add(literal.toString());
    }
    return new Term(out.toString(), List.copyOf(pattern), wildcard, raw, start);
  }

  /** Consumes a keyword (a word keyword must stand alone) and the space before it. */
  private boolean keyword(String word, String symbol) {
    int save = pos;
    skipSpace();
    if (text.startsWith(symbol, pos) && (symbol.length() > 1 || symbol.equals("!"))) {
      pos += symbol.length();
      return true;
    }
    if (text.startsWith(word, pos)) {
      int end = pos + word.length();
      boolean alone = end < text.length() && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
      if (alone && (pos == 0 || Character.isWhitespace(text.charAt(pos - 1)) || text.charAt(pos - 1) == '('
          || text.charAt(pos - 1) == ')')) {
        pos = end;
        return true;
      }
    }
    pos = save;
    return false;
  }

  private static boolean isKeyword(String s) {
    return s.equals("AND") || s.equals("OR") || s.equals("NOT") || s.equals("TO");
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new SyntaxError("expected '" + c + "'", pos);
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isFieldChar(char c, boolean first) {
    return c == '_' || (c < 128 && Character.isLetter(c)) || (!first && c < 128 && Character.isDigit(c));
  }

  // ---- the canonical form (PtApiSimulator.parseQuery) ----

  /**
   * The tree written out: {@code (and A B)}, {@code (or A B)}, {@code (not A)}, {@code (eq field "value")},
   * {@code (like field "jo" * "x" ?)}, {@code (range field ["20" "30"])} ({@code [ ]} inclusive, {@code { }}
   * exclusive, {@code *} open); strings in double quotes with {@code \} and {@code "} backslash-escaped.
   */
  static String canonical(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(Node node, StringBuilder out) {
    if (node instanceof And a) {
      list("and", a.parts(), out);
    } else if (node instanceof Or o) {
      list("or", o.parts(), out);
    } else if (node instanceof Not n) {
      out.append("(not ");
      write(n.part(), out);
      out.append(')');
    } else if (node instanceof Eq e) {
      out.append("(eq ").append(e.field()).append(' ').append(quote(e.value())).append(')');
    } else if (node instanceof Like l) {
      out.append("(like ").append(l.field());
      for (Object part : l.pattern()) {
        out.append(' ').append(part instanceof String s ? quote(s) : part.toString());
      }
      out.append(')');
    } else {
      Range r = (Range) node;
      out.append("(range ").append(r.field()).append(' ').append(r.lowInclusive() ? '[' : '{')
          .append(r.low() == null ? "*" : quote(r.low())).append(' ')
          .append(r.high() == null ? "*" : quote(r.high())).append(r.highInclusive() ? ']' : '}').append(')');
    }
  }

  private static void list(String op, List<Node> parts, StringBuilder out) {
    out.append('(').append(op);
    for (Node p : parts) {
      out.append(' ');
      write(p, out);
    }
    out.append(')');
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  // ---- evaluation over records ----

  /**
   * Whether {@code record} matches {@code node}, reading fields through {@code fields} (a field's value: a
   * String, a number as {@link BigDecimal} or Integer, or null). Every field it
   * names must be in {@code fields} ({@link #unknownFields} first).
   */
  static <T> boolean matches(Node node, T record, Map<String, Function<T, Object>> fields) {
    if (node instanceof And a) {
      return a.parts().stream().allMatch(p -> matches(p, record, fields));
    } else if (node instanceof Or o) {
      return o.parts().stream().anyMatch(p -> matches(p, record, fields));
    } else if (node instanceof Not n) {
      return !matches(n.part(), record, fields);
    } else if (node instanceof Eq e) {
      return compare(fields.get(e.field()).apply(record), e.value()) == 0;
    } else if (node instanceof Like l) {
      return like(fields.get(l.field()).apply(record), l.pattern());
    }
    Range r = (Range) node;
    return inRange(fields.get(r.field()).apply(record), r);
  }

  /** Every field the expression names that {@code fields} does not know. */
  static List<String> unknownFields(Node node, java.util.Set<String> fields) {
    List<String> out = new ArrayList<>();
    collect(node, fields, out);
    return out;
  }

  private static void collect(Node node, java.util.Set<String> fields, List<String> out) {
    if (node instanceof And a) {
      a.parts().forEach(p -> collect(p, fields, out));
    } else if (node instanceof Or o) {
      o.parts().forEach(p -> collect(p, fields, out));
    } else if (node instanceof Not n) {
      collect(n.part(), fields, out);
    } else if (node instanceof Eq e) {
      addIfUnknown(e.field(), fields, out);
    } else if (node instanceof Like l) {
      addIfUnknown(l.field(), fields, out);
    } else {
      addIfUnknown(((Range) node).field(), fields, out);
    }
  }

  private static void addIfUnknown(String field, java.util.Set<String> fields, List<String> out) {
    if (!fields.contains(field) && !out.contains(field)) {
      out.add(field);
    }
  }

  /**
   * Compares a record's value with a query's text: numerically when the record holds a number and the text
   * is one, else as case-insensitive text; {@link Integer#MIN_VALUE} for "not comparable" (a null value, a
   * number against text).
   */
  static int compare(Object value, String text) {
    if (value == null) {
      return Integer.MIN_VALUE;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).compareTo(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return Integer.MIN_VALUE;
      }
    }
    int c = value.toString().toLowerCase(Locale.ROOT).compareTo(text.toLowerCase(Locale.ROOT));
    return Integer.signum(c);
  }

  private static boolean inRange(Object value, Range r) {
    if (value == null) {
      return false;
    }
    if (r.low() != null) {
      int c = compare(value, r.low());
      if (c == Integer.MIN_VALUE || c < 0 || (c == 0 && !r.lowInclusive())) {
        return false;
      }
    }
    if (r.high() != null) {
      int c = compare(value, r.high());
      if (c == Integer.MIN_VALUE || c > 0 || (c == 0 && !r.highInclusive())) {
        return false;
      }
    }
    return true;
  }

  private static boolean like(Object value, List<Object> pattern) {
    if (value == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (Object part : pattern) {
      if (part == ANY_RUN) {
        regex.append(".*");
      } else if (part == ANY_ONE) {
        regex.append('.');
      } else {
        regex.append(java.util.regex.Pattern.quote(part.toString().toLowerCase(Locale.ROOT)));
      }
    }
    return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL)
        .matcher(value.toString().toLowerCase(Locale.ROOT)).matches();
  }
}
