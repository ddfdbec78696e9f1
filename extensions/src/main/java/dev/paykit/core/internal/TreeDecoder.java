package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's generated JSON decoder that binds the tree {@link ResponseGuard} already read from the
 * answer ({@link ResponseGuard#parsedTree}) instead of parsing the answer a second time from text: an
 * answer to a plain model type is parsed once. Anything else (a {@code ...WithHttpInfo} wrapper, a
 * binary answer, an answer the guard did not parse) goes to the generated decoder as before. The
 * readers are made once per answer type. Thread-safe.
 */
public final class TreeDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final Decoder generated;
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

  /**
   * @param mapper the client's mapper, the one its {@link ResponseGuard} reads with
   * @param generated the provider's generated decoder, for what is not bound from the tree
   */
  public TreeDecoder(ObjectMapper mapper, Decoder generated) {
    this.mapper = java.util.Objects.requireNonNull(mapper, "mapper");
    this.generated = java.util.Objects.requireNonNull(generated, "generated");
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (!(type instanceof Class<?> raw) || raw == byte[].class || java.io.InputStream.class.isAssignableFrom(raw)
        || java.io.File.class.isAssignableFrom(raw) || raw == void.class || raw == Void.class) {
      return generated.decode(response, type);
    }
    ResponseGuard.Prebound bound = ResponseGuard.prebound(response, mapper, type);
    if (bound != null) {
      return bound.value(); // bound from the bytes, found clean: what the tree would give (AnswerScan)
    }
    JsonNode tree = ResponseGuard.parsedTree(response, mapper);
    if (tree == null) {
      return generated.decode(response, type);
    }
    return reader(type).readValue(tree);
  }

  /** The reader of one answer type, made once. */
  ObjectReader reader(Type type) {
    return readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
  }
}
