package dev.paykit.core.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An {@code application/x-www-form-urlencoded} body as an ordered map of decoded fields. Per-attempt
 * steps use it to fill derived fields and sign the exact values that go on the wire.
 */
public final class FormBody {

  private final Map<String, String> fields;

  private FormBody(Map<String, String> fields) {
    this.fields = fields;
  }

  /** Parses an encoded body (UTF-8); an empty or null body gives an empty form. */
  public static FormBody parse(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body != null && body.length > 0) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return new FormBody(fields);
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
    StringJoiner out = new StringJoiner("&");
    Map<String, String> rest = new LinkedHashMap<>(fields);
    for (String name : order) {
      String v = rest.remove(name);
      if (v != null) {
        out.add(pair(name, v));
      }
    }
    rest.forEach((k, v) -> out.add(pair(k, v)));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String pair(String k, String v) {
    return URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "FormBody" + fields.keySet();
  }
}
