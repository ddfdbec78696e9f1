package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.testing.MultipartParts;
import feign.RequestTemplate;
import feign.codec.Encoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MultipartEncoder} on its own: what it writes, and what it leaves to the next encoder. */
class MultipartEncoderTest {

  private final List<Object> delegated = new ArrayList<>();
  private final MultipartEncoder encoder = new MultipartEncoder((object, type, template) -> delegated.add(object));

  private static RequestTemplate multipart() {
    RequestTemplate t = new RequestTemplate();
    t.header("Content-Type", "multipart/form-data");
    return t;
  }

  @Test
  void quotesAndLineBreaksInNamesCannotAddHeadersToAPart() {
    RequestTemplate t = multipart();
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("a\"b", "v");
    parts.put("doc", new MultipartBody.FilePart("x\r\nX-Evil: 1\".png", "image/png\r\nX-Evil: 2", new byte[] {1, 2}));

    encoder.encode(parts, Encoder.MAP_STRING_WILDCARD, t);

    List<MultipartParts.Part> sent = MultipartParts.parse(t.headers().get("Content-Type").iterator().next(), t.body());
    assertThat(sent.get(0).name()).isEqualTo("a%22b");
    assertThat(sent.get(1).fileName()).isEqualTo("x%0D%0AX-Evil: 1%22.png");
    assertThat(sent.get(1).contentType()).isEqualTo("image/pngX-Evil: 2");
    assertThat(sent).allSatisfy(p -> assertThat(p.headers()).containsOnlyKeys("content-disposition", "content-type"));
  }

  @Test
  void theBodyHasNoCharsetSoTheWireLogShowsBinaryDataAndTheContentTypeIsReplacedNotAppended() {
    RequestTemplate first = multipart();
    RequestTemplate second = multipart();
    Map<String, Object> parts = Map.of("amount", new BigDecimal("1E+3"), "files",
        List.of(new MultipartBody.FilePart("a.pdf", null, new byte[] {'%'}),
            new MultipartBody.FilePart("blob", null, new byte[] {7, 7})));

    encoder.encode(parts, Encoder.MAP_STRING_WILDCARD, first);
    encoder.encode(parts, Encoder.MAP_STRING_WILDCARD, second);

    assertThat(first.requestBody().getEncoding()).isEmpty();
    // Feign's wire log (RedactingLogger keeps its request lines) writes the body only when it has a charset
    List<String> logged = new ArrayList<>();
    class Capture extends feign.Logger {
      @Override
      protected void log(String configKey, String format, Object... args) {
        logged.add(String.format(format, args));
      }

      void request(feign.Request r) {
        logRequest("MultipartkitApi#up", Level.FULL, r);
      }
    }
    new Capture().request(feign.Request.create(feign.Request.HttpMethod.POST, "http://127.0.0.1/up", first.headers(),
        first.requestBody(), first));
    assertThat(logged).contains("Binary data").noneMatch(line -> line.contains("1000") || line.contains("a.pdf"));
    assertThat(first.headers().get("Content-Type")).singleElement().asString()
        .startsWith("multipart/form-data; boundary=paykit-");
    assertThat(first.headers().get("Content-Type")).isNotEqualTo(second.headers().get("Content-Type"));
    List<MultipartParts.Part> sent = MultipartParts.parse(first.headers().get("Content-Type").iterator().next(), first.body());
    assertThat(sent).extracting(MultipartParts.Part::summary)
        .containsExactlyInAnyOrder("amount: 1000", "files=a.pdf (application/pdf, 1 bytes)",
            "files=blob (application/octet-stream, 2 bytes)");
    assertThat(delegated).isEmpty();
  }

  @Test
  void aFileAlreadyInMemoryIsSentWholeEvenWhenLargerThanTheDefaultLimit() {
    // a part whose spec allows more than MAX_PART_BYTES (x-paykit-max-bytes) was validated whole: every
    // attempt must send all of it, never a silently truncated document
    byte[] document = new byte[(int) MultipartBody.MAX_PART_BYTES + 10];
    document[document.length - 1] = 42;
    RequestTemplate t = multipart();

    encoder.encode(Map.of("doc", new MultipartBody.FilePart("big.bin", "application/octet-stream", document)),
        Encoder.MAP_STRING_WILDCARD, t);

    List<MultipartParts.Part> sent = MultipartParts.parse(t.headers().get("Content-Type").iterator().next(), t.body());
    assertThat(sent).singleElement().satisfies(p -> {
      assertThat(p.bytes()).hasSize(document.length);
      assertThat(p.bytes()[document.length - 1]).isEqualTo((byte) 42);
    });
  }

  @Test
  void everyOtherBodyGoesToTheNextEncoder() {
    RequestTemplate json = new RequestTemplate();
    json.header("Content-Type", "application/json");
    RequestTemplate form = new RequestTemplate();
    form.header("Content-Type", "application/x-www-form-urlencoded");

    encoder.encode(Map.of("a", "b"), Encoder.MAP_STRING_WILDCARD, json);
    encoder.encode(Map.of("c", "d"), Encoder.MAP_STRING_WILDCARD, form);
    encoder.encode("text", String.class, multipart());

    assertThat(delegated).containsExactly(Map.of("a", "b"), Map.of("c", "d"), "text");
    assertThat(json.body()).isNull();
    assertThat("é".getBytes(StandardCharsets.UTF_8)).hasSize(2); // (the parts' text is UTF-8: see MultipartBodyTest)
  }
}
