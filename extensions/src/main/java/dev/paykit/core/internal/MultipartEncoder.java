package dev.paykit.core.internal;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code multipart/form-data} requests ({@link MultipartBody}), and hands every other request to
 * the next encoder. A request is multipart when its {@code Content-Type} (the generated
 * {@code @Headers}) says so; its parts are the form parameters (the generated methods' {@code @Param}
 * arguments, named by their wire names) or a {@code Map} body (part name to value, for repeatable parts
 * the generator does not turn into arguments).
 *
 * <p>Not feign-form's multipart writer, which picks a boundary from the clock (predictable, so a document
 * could carry a forged part), writes file names unescaped, sends a {@code byte[]} without a file name and
 * re-reads a {@link java.io.File} on every attempt. The body is set without a charset, so Feign's wire
 * log shows "Binary data", never the documents. Stateless and thread-safe.
 */
public final class MultipartEncoder implements Encoder {

  private final Encoder delegate;

  public MultipartEncoder(Encoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
    // a body that is no Map (a JSON model) is never multipart here: the headers are then not copied
    if (!(object instanceof Map<?, ?> parts) || !isMultipart(template)) {
      delegate.encode(object, bodyType, template);
      return;
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>();
    parts.forEach((k, v) -> entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(String.valueOf(k),
        v instanceof Object[] array ? java.util.Arrays.asList(array) : v)));
    Map.Entry<String, byte[]> body = MultipartBody.encode(entries);
    template.removeHeader("Content-Type");
    template.header("Content-Type", "multipart/form-data; boundary=" + body.getKey());
    template.body(body.getValue(), null);
  }

  private static boolean isMultipart(RequestTemplate template) {
    Collection<String> types = template.headers().get("Content-Type");
    if (types == null) {
      for (Map.Entry<String, Collection<String>> h : template.headers().entrySet()) {
        if (h.getKey().equalsIgnoreCase("Content-Type")) {
          types = h.getValue();
        }
      }
    }
    if (types != null) {
      for (String t : types) {
        if (t.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
          return true;
        }
      }
    }
    return false;
  }
}
