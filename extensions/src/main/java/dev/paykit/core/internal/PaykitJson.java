package dev.paykit.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings every paykit client uses. Built once per client; an {@link ObjectMapper} is
 * thread-safe once configured.
 *
 * <ul>
 *   <li>unknown properties are ignored and unknown enum values read as the enum's
 *       {@code UNKNOWN_DEFAULT_OPEN_API} constant: providers add both without notice;
 *   <li>decimals are read as {@link java.math.BigDecimal} and written plain ({@code 1000}, never
 *       {@code 1E+3}); a decimal keeps the scale it was sent with ({@code 2500.00} stays
 *       {@code 2500.00}, {@code -32.50} stays {@code -32.50}), also when it is read through a
 *       {@link com.fasterxml.jackson.databind.JsonNode} tree first: Jackson's tree strips trailing zeros
 *       by default ({@code 2500.00} became {@code 2.5E+3});
 *   <li>date-times keep the provider's offset ({@code +07:00}) instead of being moved to UTC, and are
 *       written as ISO-8601 text.
 * </ul>
 */
public final class PaykitJson {

  private PaykitJson() {}

  /**
   * One mapper of this configuration for the whole JVM, shared by every client: a mapper is thread-safe
   * once configured and this one is never reconfigured, and sharing it keeps Jackson's serializer and
   * deserializer caches warm across clients instead of building a mapper (and its caches) per client.
   * Never change its configuration; use {@link #newMapper()} for a mapper of one's own.
   */
  public static ObjectMapper shared() {
    return Shared.MAPPER;
  }

  private static final class Shared {
    static final ObjectMapper MAPPER = newMapper();
  }

  /** A new mapper of this configuration. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
