package dev.paykit.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.paykit.core.internal.spec.EnvelopeSpec;
import dev.paykit.core.internal.spec.WireNormalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parser that checks a success answer while Jackson binds it straight from its bytes: whether everything
 * {@link ResponseGuard} and the provider's decoder do with the answer's JSON tree would accept it and leave
 * it as it is, so that the value bound from the bytes is the value the tree would have given. That is: the
 * answer is one JSON object or array, read whole; no member name repeats within an object; every field the
 * schema requires is there ({@link ResponseGuard.Required}, the same checks, including an envelope's
 * payload); an envelope's payload is already under its canonical key ({@link EnvelopeSpec#canonicalise}
 * would move nothing); the reference echo, where there is one, is a string and the call's; no string is one
 * the redactor would change ({@link JsonScrubber}); and nothing is one the {@link WireNormalizer} might read
 * differently ({@link WireNormalizer.Triggers}). Every token passes through {@link #nextToken} (what the
 * binding skips, too: {@link #skipChildren} reads it token by token), so nothing goes unchecked.
 *
 * <p>Any doubt (a failed check, nesting deeper than {@value #MAX_DEPTH}, an echo that is not a string, a
 * root that the binding did not read to its end) makes the answer {@linkplain #clean() not clean}: the guard
 * then drops the bound value and goes the tree's way, which decides and words every failure as before. A
 * clean answer also carries its envelope's top-level code, message and success members, every one of them
 * and each a scalar ({@link Clean#skeleton}), as a tree of just those, for a code table that decides on
 * them alone ({@link EnvelopeDecoder.CodeTable#decidesOnEnvelopeMembers}). Not thread-safe: one per
 * answer, on the thread that binds it. Its frames (one per nesting level) are its thread's, reused from one
 * answer to the next; it makes no string the binding would not make, except those the redactor must see.
 */
final class AnswerScan extends JsonParserDelegate {

  /** Deeper nesting is left to the tree (the guard's own walk stops at twelve levels of schema). */
  static final int MAX_DEPTH = 10;

  /**
   * What a clean answer was checked for, for a decoder to compare with what it would do.
   *
   * @param scrubbedFor the redactor no string needed masking for
   * @param schema the schema whose normaliser triggers nothing matched, and whose required fields are there
   * @param skeleton the envelope's top-level code, message and success members as the tree holds them
   *     (empty without an envelope)
   */
  record Clean(Redactor scrubbedFor, JsonNode schema, ObjectNode skeleton) {}

  /** What the answer is checked against: the guard's and the decoders' view of one answer. */
  record Rules(ResponseGuard.Required required, EnvelopeSpec envelope, String[] echo, String reference,
      Redactor redactor, WireNormalizer.Triggers triggers, JsonNode schema) {}

  /** No checks: shared, never added to ({@link #expand} adds nothing that checks nothing). */
  private static final List<ResponseGuard.Required> NONE = List.of();

  private final Rules rules;
  private ObjectNode skeleton;
  /** The containers being read, outermost first; reused by depth, and by the thread's next answer. */
  private Frame[] frames;
  private int depth = -1;
  /** The member names of the objects being read, innermost last: a repeated name is left to the tree. */
  private String[] names;
  private int named;
  private final Reused reused;

  /**
   * A thread's frames and name slots, for its next answer: an answer is scanned on the thread that binds
   * it, one at a time, and every scan starts from depth and names of none (what a scan left is overwritten
   * before it is read).
   */
  private static final class Reused {
    Frame[] frames = new Frame[3];
    String[] names = new String[12];
  }

  private static final ThreadLocal<Reused> REUSED = ThreadLocal.withInitial(Reused::new);
  private boolean started;
  private boolean done;
  private boolean doubt;

  AnswerScan(JsonParser parser, Rules rules) {
    super(parser);
    this.rules = rules;
    this.reused = REUSED.get();
    this.frames = reused.frames;
    this.names = reused.names;
  }

  /** Whether the whole answer was read and nothing in it is in doubt. */
  boolean clean() {
    return done && !doubt;
  }

  /** What the answer was found clean for; null when it is not clean. */
  Clean verdict() {
    return clean() ? new Clean(rules.redactor(), rules.schema(),
        skeleton != null ? skeleton : JsonNodeFactory.instance.objectNode()) : null;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (!doubt && t != null) {
      try {
        see(t);
      } catch (RuntimeException unexpected) {
        doubt = true;
      }
    }
    return t;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.FIELD_NAME ? nextToken() : t;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken t = currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken next = nextToken();
      if (next == null) {
        return this;
      }
      if (next.isStructStart()) {
        open++;
      } else if (next.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  private static final long[] NO_BITS = new long[0];
  private static final boolean[] NO_FLAGS = new boolean[0];

  /** One container being read. */
  private static final class Frame {
    boolean object;
    /** The checks that apply to this container. */
    List<ResponseGuard.Required> nodes;
    /** Per node: the required members seen holding an allowed value (bits), whether a payload key held a value. */
    long[] present = NO_BITS;
    boolean[] payload = NO_FLAGS;
    /** The nearest enclosing member name (for an array: the one it is the value of). */
    String name;
    /** How many parts of the echo path lead here (-1: off the path). */
    int echo;
    int namesBase;
    boolean filled;
    // objects: the member whose value comes next
    String member;
    List<ResponseGuard.Required> memberNodes;
    // the root: the canonical payload's state (-1 absent or null, 0 empty, 1 filled), another key's payload seen
    int canonical;
    boolean alternative;
    // arrays
    boolean nullsRejected;

    void reset(boolean object, List<ResponseGuard.Required> nodes, String name, int echo, int namesBase) {
      this.object = object;
      this.nodes = nodes;
      if (present.length < nodes.size()) {
        present = new long[nodes.size()];
        payload = new boolean[nodes.size()];
      }
      java.util.Arrays.fill(present, 0, nodes.size(), 0L);
      java.util.Arrays.fill(payload, 0, nodes.size(), false);
      this.name = name;
      this.echo = echo;
      this.namesBase = namesBase;
      this.filled = false;
      this.member = null;
      this.memberNodes = NONE;
      this.canonical = -1;
      this.alternative = false;
      this.nullsRejected = false;
    }
  }

  private void see(JsonToken t) throws IOException {
    if (done) {
      return; // past the root: the binding never reads there
    }
    if (!started) {
      started = true;
      if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
        doubt = true;
        return;
      }
      List<ResponseGuard.Required> root = NONE;
      if (rules.required() != null && !rules.required().checksNothing()) {
        root = new ArrayList<>(2);
        if (!expand(rules.required(), root)) {
          doubt = true;
          return;
        }
      }
      open(t, root, null, rules.echo() == null ? -1 : 0);
      return;
    }
    Frame f = frames[depth];
    if (t == JsonToken.FIELD_NAME) {
      member(f, delegate.currentName());
      return;
    }
    if (t.isStructEnd()) {
      close(f);
      return;
    }
    f.filled = true;
    if (f.object) {
      value(f, t);
    } else {
      element(f, t);
    }
  }

  /** Adds the node and its {@code allOf} parts (each once); false for a node that is not compiled. */
  private static boolean expand(ResponseGuard.Required r, List<ResponseGuard.Required> into) {
    if (r == null || r.checksNothing()) {
      return true;
    }
    if (r.uncompiled() || r.requiredCount() > 64) {
      return false;
    }
    for (int i = 0; i < into.size(); i++) {
      if (into.get(i) == r) {
        return true;
      }
    }
    into.add(r);
    for (ResponseGuard.Required part : r.allOf()) { // an array: no iterator
      if (!expand(part, into)) {
        return false;
      }
    }
    return true;
  }

  private void open(JsonToken t, List<ResponseGuard.Required> nodes, String name, int echo) {
    if (depth + 1 > MAX_DEPTH) {
      doubt = true;
      return;
    }
    depth++;
    if (depth == frames.length) {
      frames = reused.frames = java.util.Arrays.copyOf(frames, depth * 2);
    }
    Frame f = frames[depth];
    if (f == null) {
      f = frames[depth] = new Frame();
    }
    f.reset(t == JsonToken.START_OBJECT, nodes, name, echo, named);
    if (f.object) {
      return;
    }
    List<ResponseGuard.Required> items = NONE;
    for (int i = 0; i < nodes.size(); i++) {
      ResponseGuard.Required r = nodes.get(i);
      if (r.items() != null) {
        if (items == NONE && !r.items().checksNothing()) {
          items = new ArrayList<>(2);
        }
        if (!expand(r.items(), items)) {
          doubt = true;
          return;
        }
        f.nullsRejected |= r.itemObjects() && !r.itemsAllowNull();
      }
    }
    f.memberNodes = items; // an array's items are checked as its elements come
  }

  private void member(Frame f, String member) {
    f.filled = true;
    for (int i = f.namesBase; i < named; i++) {
      if (names[i].equals(member)) {
        doubt = true; // the tree keeps the last of repeated members: which one the checks saw is unclear
        return;
      }
    }
    if (named - f.namesBase >= 64 || (rules.triggers() != null && rules.triggers().alias(member, f.name))) {
      doubt = true; // a large object, or a name the normaliser may read as another: the tree's way
      return;
    }
    if (named == names.length) {
      names = reused.names = java.util.Arrays.copyOf(names, named * 2);
    }
    names[named++] = member;
    f.member = member;
    List<ResponseGuard.Required> children = NONE;
    for (int i = 0; i < f.nodes.size(); i++) {
      ResponseGuard.Required child = f.nodes.get(i).property(member);
      if (child != null && !child.checksNothing()) {
        if (children == NONE) {
          children = new ArrayList<>(2);
        }
        if (!expand(child, children)) {
          doubt = true;
          return;
        }
      }
    }
    f.memberNodes = children;
  }

  /** A member's value in object {@code f}. */
  private void value(Frame f, JsonToken t) throws IOException {
    String member = f.member;
    boolean isNull = t == JsonToken.VALUE_NULL;
    for (int i = 0; i < f.nodes.size(); i++) {
      ResponseGuard.Required r = f.nodes.get(i);
      int req = r.requiredIndex(member);
      if (req >= 0 && (!isNull || r.requiredAllowsNull(req))) {
        f.present[i] |= 1L << req;
      }
      if (!isNull && r.envelope() != null && r.envelope().data().contains(member)) {
        f.payload[i] = true;
      }
    }
    EnvelopeSpec envelope = depth == 0 ? rules.envelope() : null;
    boolean asText = false; // whether the value's text was made (then read as text, not copied as characters)
    if (envelope != null) {
      if (skeletonMember(envelope, member)) {
        if (!t.isScalarValue()) {
          doubt = true; // a code, message or success member that is not a scalar: the tree reads it as it is
          return;
        }
        if (skeleton == null) {
          skeleton = new ObjectNode(JsonNodeFactory.instance, new java.util.LinkedHashMap<>(4));
        }
        skeleton.set(member, node(t));
        asText = t == JsonToken.VALUE_STRING;
      }
      if (envelope.data().size() >= 2) {
        if (member.equals(envelope.canonical())) {
          f.canonical = isNull ? -1 : t.isStructStart() ? 0 : 1; // a container becomes filled at its first value
        } else if (!isNull && envelope.data().indexOf(member) > 0) { // another payload key (no sublist made)
          f.alternative = true;
        }
      }
    }
    int echo = f.echo >= 0 && f.echo < rules.echo().length && rules.echo()[f.echo].equals(member) ? f.echo + 1 : -1;
    scalarOrOpen(t, f.memberNodes, member, echo, asText);
  }

  /** An element of array {@code f}. */
  private void element(Frame f, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL && f.nullsRejected) {
      doubt = true;
      return;
    }
    scalarOrOpen(t, f.memberNodes, f.name, -1, false);
  }

  private void scalarOrOpen(JsonToken t, List<ResponseGuard.Required> nodes, String name, int echo,
      boolean asText) throws IOException {
    if (echo >= 0 && echo == rules.echo().length && t.isScalarValue() && t != JsonToken.VALUE_NULL
        && (t != JsonToken.VALUE_STRING || !delegate.getText().equals(rules.reference()))) {
      doubt = true; // an answer about another reference (or one that is not a string): the tree's way
      return;
    }
    if (t.isStructStart()) {
      open(t, nodes, name, echo);
    } else if (t == JsonToken.VALUE_STRING) {
      Redactor redactor = rules.redactor();
      if (redactor != null && (asText || redactor.mayChange(delegate.getTextCharacters(), delegate.getTextOffset(),
          delegate.getTextLength()))) {
        String text = delegate.getText();
        if (!redactor.redact(text).equals(text)) {
          doubt = true;
        }
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if ((t == JsonToken.VALUE_NUMBER_INT && rules.triggers() != null && rules.triggers().code(name))
          || !treeText(delegate.getTextCharacters(), delegate.getTextOffset(), delegate.getTextLength())) {
        doubt = true;
      }
    }
  }

  /**
   * Whether the tree's node of this number gives back its text as sent (what a text field bound from the
   * tree reads, {@code BigDecimal.toString} for a fraction): no exponent, no negative zero, and not so small
   * that {@code toString} would write it with one (fewer than seven zeros after the point before the first
   * digit). Bound from the bytes, a text field reads the number as sent; the two must not differ.
   */
  static boolean treeText(char[] text, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    int precision = 0; // digits from the first non-zero one
    int scale = -1;    // digits after the point (-1: no point)
    for (; i < end; i++) {
      char c = text[i];
      if (c == '.') {
        scale = 0;
      } else if (c >= '0' && c <= '9') {
        if (precision > 0 || c != '0') {
          precision++;
        }
        if (scale >= 0) {
          scale++;
        }
      } else {
        return false; // an exponent
      }
    }
    if (precision == 0) {
      return !negative && (scale <= 0 || scale <= 6); // zero: "0E-7" from seven places on
    }
    return scale <= 0 || precision - scale - 1 >= -6;
  }

  private void close(Frame f) {
    if (f.object) {
      named = f.namesBase;
      for (int i = 0; i < f.nodes.size(); i++) {
        ResponseGuard.Required r = f.nodes.get(i);
        if (Long.bitCount(f.present[i]) != r.requiredCount()
            || (r.envelope() != null && !r.envelope().data().isEmpty() && !f.payload[i])) {
          doubt = true;
          return;
        }
      }
      if (f.alternative && f.canonical != 1) {
        doubt = true; // canonicalise would move another key's payload here
        return;
      }
    }
    boolean filled = f.filled;
    depth--;
    if (depth < 0) {
      done = true;
      return;
    }
    Frame parent = frames[depth];
    if (parent.object && depth == 0 && rules.envelope() != null && parent.member != null
        && parent.member.equals(rules.envelope().canonical()) && parent.canonical == 0 && filled) {
      parent.canonical = 1;
    }
  }

  private static boolean skeletonMember(EnvelopeSpec e, String member) {
    return e.code().contains(member) || e.message().contains(member)
        || (e.success() != null && e.success().field().equals(member));
  }

  /** The scalar at the parser as the mapper's tree holds it (big decimals for fractions, as configured). */
  private JsonNode node(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return TextNode.valueOf(delegate.getText());
      case VALUE_NUMBER_INT:
        switch (delegate.getNumberType()) {
          case INT:
            return IntNode.valueOf(delegate.getIntValue());
          case LONG:
            return LongNode.valueOf(delegate.getLongValue());
          default:
            return BigIntegerNode.valueOf(delegate.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(delegate.getDecimalValue());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      default:
        return NullNode.instance;
    }
  }
}
