package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.TextChecks;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as an ordered map of decoded fields. Per-attempt
 * steps use it to fill derived fields and sign the exact values that go on the wire.
 *
 * <p>Within one attempt the steps share one form ({@link #open}, {@link #edit}): the pipeline decodes the
 * encoded body once, every step changes the same map, and the form is encoded once, after the last step
 * ({@link Attempt#commit}). The bytes are those the steps would have produced one after the other, each
 * decoding and re-encoding the whole body: the encoding depends only on the final fields and the order.
 */
public final class FormBody {

  private static final ThreadLocal<Attempt> OPEN = new ThreadLocal<>();

  private final Map<String, String> fields;
  /** The attempt whose steps share this form, or null for a form of its own. */
  private final Attempt attempt;

  private FormBody(Map<String, String> fields, Attempt attempt) {
    this.fields = fields;
    this.attempt = attempt;
  }

  /** Parses an encoded body (UTF-8); an empty or null body gives an empty form. */
  public static FormBody parse(byte[] body) {
    return new FormBody(decode(body), null);
  }

  private static Map<String, String> decode(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body != null && body.length > 0) {
      String text = new String(body, StandardCharsets.UTF_8);
      int start = 0;
      while (start <= text.length()) {
        int amp = text.indexOf('&', start);
        int end = amp < 0 ? text.length() : amp;
        if (end > start) {
          int eq = text.indexOf('=', start);
          String key = eq < 0 || eq > end ? text.substring(start, end) : text.substring(start, eq);
          String value = eq < 0 || eq > end ? "" : text.substring(eq + 1, end);
          fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        if (amp < 0) {
          break;
        }
        start = amp + 1;
      }
    }
    return fields;
  }

  /**
   * The fields a form's values make, as text, when feign-form (behind {@link PlainDecimalEncoder}) would
   * write each as one {@code name=value} pair of its text ({@link BigDecimal#toPlainString} for a
   * decimal, {@code toString()} for any other value) and {@link #decode} of those pairs would give that
   * text back: no null, array or collection value (feign-form writes a name alone, or the name once per
   * element) and no unpaired surrogate in a name or value (encoded as {@code ?}). Null otherwise; the
   * caller then encodes through the encoder chain.
   */
  static Map<String, String> plainFields(Map<?, ?> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      Object key = e.getKey();
      Object value = e.getValue();
      if (key == null || value == null || value.getClass().isArray() || value instanceof java.util.Collection) {
        return null;
      }
      String name = key.toString();
      String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      if (text == null || TextChecks.hasUnpairedSurrogate(name) || TextChecks.hasUnpairedSurrogate(text)) {
        return null;
      }
      fields.put(name, text);
    }
    return fields;
  }

  /** The fields encoded in their order, as {@link java.net.URLEncoder} writes each name and value in UTF-8. */
  static byte[] encode(Map<String, String> fields) {
    return new FormBody(fields, null).encode(List.of());
  }

  /** The fields of the request's body: those it already knows (taken once), else decoded from its bytes. */
  private static Map<String, String> fieldsOf(AttemptRequest template) {
    Map<String, String> known = template instanceof DirectCall.Outgoing o ? o.takeFormFields() : null;
    return known != null ? known : decode(template.body());
  }

  /**
   * Opens the shared form of one attempt on {@code template}: until {@link Attempt#close}, {@link #edit}
   * on this thread and template returns the same form (decoded on the first edit), and
   * {@link Attempt#commit} encodes it once, in {@code order}, if a step edited it.
   */
  public static Attempt open(AttemptRequest template, List<String> order) {
    Attempt attempt = new Attempt(template, order, OPEN.get());
    OPEN.set(attempt);
    return attempt;
  }

  /**
   * The form of this request to change: the attempt's shared form when one is open on this template
   * ({@link #open}), else the body decoded into a form of its own. Write it back with {@link #write}.
   */
  public static FormBody edit(AttemptRequest template) {
    Attempt open = OPEN.get();
    if (open != null && open.template == template) {
      if (open.form == null) {
        open.form = new FormBody(fieldsOf(template), open);
      }
      open.edited = true;
      return open.form;
    }
    return new FormBody(fieldsOf(template), null);
  }

  /**
   * Puts this form back as the request's body, fields in {@code order} ({@link #encode}). A form shared by
   * an open attempt is left to its {@link Attempt#commit}, which encodes it once after the last step.
   */
  public void write(AttemptRequest template, List<String> order) {
    if (attempt == null) {
      template.body(encode(order));
    }
  }

  /** The decoded value, or null when absent. */
  public String get(String name) {
    return fields.get(name);
  }

  /** Sets a field; a null value removes it. */
  public void set(String name, String value) {
    if (value == null) {
      fields.remove(name);
    } else {
      fields.put(name, value);
    }
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /**
   * Encodes the fields, first those named in {@code order} (in that order), then any others in their
   * current order.
   */
  public byte[] encode(List<String> order) {
    StringBuilder out = new StringBuilder(64 + 16 * fields.size());
    int written = 0;
    for (int i = 0; i < order.size(); i++) {
      String name = order.get(i);
      String v = fields.get(name);
      if (v != null && order.indexOf(name) == i) { // a name listed twice is written once
        pair(out, name, v);
        written++;
      }
    }
    if (written < fields.size()) {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        if (!order.contains(f.getKey())) {
          pair(out, f.getKey(), f.getValue());
        }
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void pair(StringBuilder out, String k, String v) {
    if (out.length() > 0) {
      out.append('&');
    }
    urlEncode(out, k);
    out.append('=');
    urlEncode(out, v);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Appends {@code text} as {@link java.net.URLEncoder#encode(String, java.nio.charset.Charset)} writes it in UTF-8,
   * byte for byte, without its intermediate writer and strings: letters, digits and {@code .-*_} as they
   * are, a space as {@code +}, every other run of characters as the {@code %XX} of its UTF-8 bytes (an
   * unpaired surrogate as {@code ?}, {@code %3F}, as the encoder replaces it).
   */
  static void urlEncode(StringBuilder out, String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
        i++;
      } else if (c == ' ') {
        out.append('+');
        i++;
      } else {
        int start = i;
        do {
          i++;
        } while (i < text.length() && !isUnreserved(text.charAt(i)) && text.charAt(i) != ' ');
        for (byte b : text.substring(start, i).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '-' || c == '*' || c == '_';
  }

  @Override
  public String toString() {
    return "FormBody" + fields.keySet();
  }

  /** The shared form of one attempt's steps ({@link #open}); not thread-safe, one thread's. */
  public static final class Attempt implements AutoCloseable {
    private final AttemptRequest template;
    private final List<String> order;
    private final Attempt outer;
    private FormBody form;
    private boolean edited;

    private Attempt(AttemptRequest template, List<String> order, Attempt outer) {
      this.template = template;
      this.order = order;
      this.outer = outer;
    }

    /** Encodes the form into the request once, in the order given to {@link #open}, if a step edited it. */
    public void commit() {
      if (edited) {
        template.body(form.encode(order));
      }
    }

    /** Ends the attempt's sharing on this thread (without writing: {@link #commit} does). */
    @Override
    public void close() {
      OPEN.set(outer); // null: the thread's entry is kept empty (as CallContext#set does), not removed
    }
  }
}
