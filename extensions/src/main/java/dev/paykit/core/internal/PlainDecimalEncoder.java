package dev.paykit.core.internal;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes form fields that hold a {@link BigDecimal} as plain decimal strings before the form encoder
 * sees them. feign-form writes values with {@code toString()}, which gives {@code 1E+3} for
 * {@code new BigDecimal("1E+3")}: a provider would read a different amount, and a signature over the
 * plain value would not match. Stateless and thread-safe.
 */
public final class PlainDecimalEncoder implements Encoder {

  private final Encoder delegate;

  public PlainDecimalEncoder(Encoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
    if (MAP_STRING_WILDCARD.equals(bodyType) && object instanceof Map<?, ?> form) {
      Map<String, Object> plain = new LinkedHashMap<>();
      form.forEach((k, v) -> plain.put(String.valueOf(k),
          v instanceof BigDecimal d ? d.toPlainString() : v));
      delegate.encode(plain, bodyType, template);
    } else {
      delegate.encode(object, bodyType, template);
    }
  }
}
