package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.jackson.JacksonEncoder;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBodyEncoder} writes exactly what feign-jackson's {@code JacksonEncoder} wrote before it (same
 * mapper, same bytes, same charset), with one writer per body type, bounded.
 */
class JsonBodyEncoderTest {

  private final ObjectMapper mapper = PaykitJson.newMapper();

  /** A body of the shapes a generated model has: wire names, money with trailing zeros, nulls, nesting. */
  public static final class Transfer {
    @JsonProperty("source_amount")
    public BigDecimal sourceAmount = new BigDecimal("1500.00");
    @JsonProperty("fee")
    public BigDecimal fee = new BigDecimal("1E+3");
    @JsonProperty("narration")
    public String narration = "Rent \"Nov\" \u00e9\u20ac";
    @JsonProperty("tags")
    public List<String> tags = List.of("a", "b");
    @JsonProperty("memo")
    public String memo;
  }

  @Test
  void writesTheBytesJacksonEncoderWroteForEveryShapeAndBodyType() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("amount", new BigDecimal("0.00000001"));
    map.put("nested", Map.of("k", 1));
    Object[][] cases = {
        {new Transfer(), Transfer.class},
        {map, Map.class},
        {List.of(new Transfer(), new Transfer()), mapper.getTypeFactory().constructCollectionType(List.class,
            Transfer.class)},
        {"plain", String.class},
        {new Transfer(), null},
    };
    JsonBodyEncoder ours = new JsonBodyEncoder(mapper);
    JacksonEncoder theirs = new JacksonEncoder(mapper);
    for (Object[] c : cases) {
      for (int repeat = 0; repeat < 2; repeat++) { // the second time from the kept writer
        RequestTemplate a = new RequestTemplate();
        RequestTemplate b = new RequestTemplate();
        ours.encode(c[0], (Type) c[1], a);
        theirs.encode(c[0], c[1] == null ? Object.class : (Type) c[1], b);
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo(new String(b.body(), StandardCharsets.UTF_8));
        assertThat(a.body()).isEqualTo(b.body());
        assertThat(a.requestCharset()).isEqualTo(StandardCharsets.UTF_8).isEqualTo(b.requestCharset());
      }
    }
    assertThat(new String(encode(ours, new Transfer(), Transfer.class), StandardCharsets.UTF_8))
        .contains("\"source_amount\":1500.00", "\"fee\":1000").doesNotContain("memo"); // nulls are left out
  }

  @Test
  void keepsOneWriterPerBodyTypeAndNoMoreThanItsBound() {
    JsonBodyEncoder encoder = new JsonBodyEncoder(mapper);
    encode(encoder, new Transfer(), Transfer.class);
    encode(encoder, new Transfer(), Transfer.class);
    assertThat(encoder.writersKept()).isEqualTo(1);
    JsonBodyEncoder many = new JsonBodyEncoder(mapper);
    Type t = Integer.class;
    for (int i = 0; i < JsonBodyEncoder.WRITERS_KEPT + 10; i++) {
      t = mapper.getTypeFactory().constructCollectionType(List.class, (com.fasterxml.jackson.databind.JavaType)
          mapper.getTypeFactory().constructType(t));
      assertThat(new String(encode(many, List.of(), t), StandardCharsets.UTF_8)).isEqualTo("[]");
    }
    assertThat(many.writersKept()).isEqualTo(JsonBodyEncoder.WRITERS_KEPT);
  }

  @Test
  void aBodyThatCannotBeWrittenIsAnEncodeException() {
    JsonBodyEncoder encoder = new JsonBodyEncoder(mapper);
    Object selfReferencing = new Object() {
      public Object getSelf() {
        return this;
      }
    };
    assertThatThrownBy(() -> encoder.encode(selfReferencing, Object.class, new RequestTemplate()))
        .isInstanceOf(EncodeException.class);
  }

  private static byte[] encode(JsonBodyEncoder encoder, Object body, Type type) {
    RequestTemplate t = new RequestTemplate();
    encoder.encode(body, type, t);
    return t.body();
  }
}
