package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer the provider's decoder gets from {@link ResponseGuard}: the bytes read once, with the guard's
 * tree, whether the transport's own body became them in place or the answer was built again around them.
 */
class ResponseGuardBodyTest {

  private static final String ANSWER = "{\"payment\":{\"tx_id\":\"order-1\",\"status\":\"PAID\",\"amount\":\"1.50\"},"
      + "\"note\":\"caf\u00e9 \ud83d\ude00\"}";

  @AfterEach
  void noCall() {
    CallContext.set(null);
  }

  @Test
  void theDecoderSeesTheSameAnswerEitherWay() throws IOException {
    byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
    Response.Body streamed = new OkHttpTransport.Streamed(ResponseBody.create(bytes, MediaType.get("application/json")),
        bytes.length);
    List<String> viaTransport = decode(response(streamed), true);
    List<String> rebuilt = decode(response(new Response.Body() {
      private final java.io.InputStream in = new java.io.ByteArrayInputStream(bytes);

      @Override
      public Integer length() {
        return null; // unknown: read in chunks
      }

      @Override
      public boolean isRepeatable() {
        return false;
      }

      @Override
      public java.io.InputStream asInputStream() {
        return in;
      }

      @Override
      @SuppressWarnings("deprecation")
      public java.io.Reader asReader() {
        return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
      }

      @Override
      public java.io.Reader asReader(java.nio.charset.Charset charset) {
        return new java.io.InputStreamReader(in, charset);
      }

      @Override
      public void close() {
      }
    }), false);
    assertThat(viaTransport).isEqualTo(rebuilt).contains("text " + ANSWER, "again " + ANSWER, "length " + bytes.length,
        "repeatable true", "tree " + new ObjectMapper().readTree(ANSWER), "tree once null");
  }

  private static Response response(Response.Body body) {
    return Response.builder().status(200).reason("OK")
        .headers(Map.of("Content-Type", List.of("application/json; charset=UTF-8"), "X-A", List.of("1", "2")))
        .request(Request.create(Request.HttpMethod.GET, "http://127.0.0.1/get-payment/order-1", Map.of(), null,
            StandardCharsets.UTF_8, null))
        .body(body).build();
  }

  /** What the decoder behind the guard saw of the answer. */
  private static List<String> decode(Response answer, boolean sameAnswer) throws IOException {
    ApiSpec spec = ApiSpec.load("promptcash");
    OperationSpec op = spec.operations().stream().filter(o -> o.operationId().equals("getPayment")).findFirst()
        .orElseThrow();
    ObjectMapper mapper = PaykitJson.newMapper();
    CallContext.set(new CallContext(op, null, Instant.now(), Duration.ofSeconds(30)));
    List<String> seen = new ArrayList<>();
    ResponseGuard guard = new ResponseGuard(spec, mapper, Redactor.none(), (r, type) -> {
      assertThat(r == answer).as("the same answer goes on").isEqualTo(sameAnswer);
      seen.add("status " + r.status() + " " + r.reason() + " " + r.headers() + " " + r.request().url());
      seen.add("length " + r.body().length());
      seen.add("repeatable " + r.body().isRepeatable());
      seen.add("text " + new String(r.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8));
      try (java.io.Reader reader = r.body().asReader(StandardCharsets.UTF_8)) {
        StringBuilder text = new StringBuilder();
        for (int c; (c = reader.read()) >= 0; ) {
          text.append((char) c);
        }
        seen.add("again " + text);
      }
      JsonNode tree = ResponseGuard.parsedTree(r, mapper);
      seen.add("tree " + tree);
      seen.add("tree once " + ResponseGuard.parsedTree(r, mapper));
      seen.add("other mapper " + ResponseGuard.parsedTree(r, new ObjectMapper()));
      return "decoded";
    });
    try {
      seen.add("result " + guard.decode(answer, String.class));
    } catch (dev.paykit.core.UnexpectedResponseException e) {
      seen.add("verdict " + e.getMessage()); // told after the decoder had its say
    }
    return seen;
  }
}
