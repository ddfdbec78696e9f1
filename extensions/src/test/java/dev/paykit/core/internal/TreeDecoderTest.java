package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.promptcash.invoker.ApiResponseDecoder;
import dev.paykit.promptcash.model.ApiResponse;
import dev.paykit.promptcash.model.PaymentResponse;
import feign.Request;
import feign.Response;
import feign.Util;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated decoder's answers bound from the guard's tree: parsed once, money's scale kept. */
class TreeDecoderTest {

  private final ObjectMapper mapper = PaykitJson.newMapper();
  private final TreeDecoder decoder = new TreeDecoder(mapper, new ApiResponseDecoder(mapper));

  private static final String WIRE = "{\"data\":{\"id\":10,\"tx_id\":\"order-1\",\"amount_fiat\":25.00,"
      + "\"status\":\"PENDING\",\"fiat_currency\":\"USD\"}}";

  private static Response answer(Response.Body body) {
    return Response.builder().status(200).headers(Map.of())
        .request(Request.create(Request.HttpMethod.GET, "http://x/p", Map.of(), null, Util.UTF_8, null))
        .body(body).build();
  }

  private Response guarded(String bytes, JsonNode tree, ObjectMapper parsedBy) {
    return answer(new ResponseGuard.InMemoryBody(bytes.getBytes(StandardCharsets.UTF_8), tree, parsedBy));
  }

  @Test
  void bindsTheTreeTheGuardReadInsteadOfParsingTheBytesAgain() throws Exception {
    // the tree says 2.50 where the bytes say 25.00: only a decoder that binds the tree sees 2.50
    JsonNode tree = mapper.readTree(WIRE.replace("25.00", "2.50"));
    PaymentResponse got = (PaymentResponse) decoder.decode(guarded(WIRE, tree, mapper), PaymentResponse.class);

    assertThat(got.getData().getAmountFiat()).isEqualByComparingTo("2.50");
    assertThat(got.getData().getAmountFiat().toPlainString()).isEqualTo("2.50"); // scale as received
    assertThat(got.getData().getTxId()).isEqualTo("order-1");
  }

  @Test
  void keepsTheScaleOfMoneyAsReceived() throws Exception {
    PaymentResponse got = (PaymentResponse) decoder.decode(guarded(WIRE, mapper.readTree(WIRE), mapper),
        PaymentResponse.class);

    assertThat(got.getData().getAmountFiat()).isEqualTo(new BigDecimal("25.00"));
  }

  @Test
  void aTreeReadByAnotherMapperIsNotBoundButTheBytesAreParsed() throws Exception {
    ObjectMapper other = PaykitJson.newMapper();
    JsonNode tree = other.readTree(WIRE.replace("25.00", "2.50"));
    PaymentResponse got = (PaymentResponse) decoder.decode(guarded(WIRE, tree, other), PaymentResponse.class);

    assertThat(got.getData().getAmountFiat().toPlainString()).isEqualTo("25.00");
  }

  @Test
  void withoutTheGuardsTreeTheGeneratedDecoderReadsTheBody() throws Exception {
    PaymentResponse got = (PaymentResponse) decoder.decode(answer(Response.Body.class.cast(
        new ResponseGuard.InMemoryBody(WIRE.getBytes(StandardCharsets.UTF_8)))), PaymentResponse.class);

    assertThat(got.getData().getAmountFiat().toPlainString()).isEqualTo("25.00");
  }

  @Test
  void aWithHttpInfoAnswerAndABinaryAnswerGoToTheGeneratedDecoder() throws Exception {
    Type wrapped = ApiResponseType.type();
    JsonNode tree = mapper.readTree(WIRE.replace("25.00", "2.50"));
    ApiResponse<?> info = (ApiResponse<?>) decoder.decode(guarded(WIRE, tree, mapper), wrapped);
    assertThat(info.getStatusCode()).isEqualTo(200);
    assertThat(((PaymentResponse) info.getData()).getData().getAmountFiat().toPlainString()).isEqualTo("25.00");

    byte[] raw = (byte[]) decoder.decode(guarded(WIRE, mapper.readTree(WIRE), mapper), byte[].class);
    assertThat(new String(raw, StandardCharsets.UTF_8)).isEqualTo(WIRE);
  }

  @Test
  void theReaderOfATypeIsMadeOnce() {
    assertThat(decoder.reader(PaymentResponse.class)).isSameAs(decoder.reader(PaymentResponse.class));
  }

  /** {@code ApiResponse<PaymentResponse>} as a generated {@code ...WithHttpInfo} method declares it. */
  interface ApiResponseType {
    ApiResponse<PaymentResponse> call();

    static Type type() throws NoSuchMethodException {
      return ApiResponseType.class.getMethod("call").getGenericReturnType();
    }
  }
}
