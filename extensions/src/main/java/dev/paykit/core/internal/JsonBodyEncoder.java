package dev.paykit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a JSON request body with the client's mapper: the bytes feign-jackson's {@code JacksonEncoder}
 * writes ({@code mapper.writerFor(type).writeValueAsBytes(body)}, UTF-8), with the writer of each body
 * type made once instead of on every call. Thread-safe; one per client.
 */
final class JsonBodyEncoder implements Encoder {

  /** How many body types keep a writer: a client's generated methods have a few dozen at most. */
  static final int WRITERS_KEPT = 256;

  private final ObjectMapper mapper;
  private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  JsonBodyEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
    template.body(bytes(object, bodyType), StandardCharsets.UTF_8);
  }

  /** The JSON that {@link #encode} puts in the template. */
  byte[] bytes(Object object, Type bodyType) throws EncodeException {
    try {
      return writer(bodyType).writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new EncodeException(e.getMessage(), e);
    }
  }

  private ObjectWriter writer(Type declared) {
    Type bodyType = declared == null ? Object.class : declared; // no declared type: the value's own
    ObjectWriter known = writers.get(bodyType);
    if (known != null) {
      return known;
    }
    ObjectWriter made = mapper.writerFor(mapper.getTypeFactory().constructType(bodyType));
    if (writers.size() < WRITERS_KEPT) { // racing callers may each add one past the bound: harmless
      writers.putIfAbsent(bodyType, made);
    }
    return made;
  }

  /** How many writers are kept (tests). */
  int writersKept() {
    return writers.size();
  }
}
