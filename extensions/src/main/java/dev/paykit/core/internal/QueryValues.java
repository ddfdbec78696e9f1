package dev.paykit.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Query values for a generated interface's query map ({@code @QueryMap(encoded = true)}), percent-encoded
 * once and completely. The generated {@code EncodingUtils.encode} leaves {@code *} bare, as
 * {@code URLEncoder} does; Feign then takes such a value for one not yet encoded and encodes it again
 * ({@code order*7:a} reached the server as {@code order%2A7%253Aa}). Here {@code *} is {@code %2A} and a
 * space {@code %20}, so Feign leaves the value as it is. Stateless.
 */
public final class QueryValues {

  private QueryValues() {}

  /** One value encoded, or each element of a collection (a repeated parameter); null stays null. */
  public static Object encode(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> values) {
      List<String> out = new ArrayList<>(values.size());
      for (Object v : values) {
        if (v != null) {
          out.add(one(v));
        }
      }
      return out;
    }
    return one(value);
  }

  private static String one(Object value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
