package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.EnvelopeDecoder;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.testing.MutableClock;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Envelopes read from the spec ({@code envelopekit}: a Prune-shaped one with a success rule, a
 * Prunny-shaped one whose code a provider's table reads), through the whole client: MockServer answers,
 * the response guard and {@link EnvelopeDecoder} decode into typed models, failures become typed
 * exceptions.
 */
class EnvelopeDecodingTest {

  static final String SECRET = "sk_live_envelopeSECRET0123";

  record Item(String id, BigDecimal amount) {}
  record ItemResponse(Boolean status, String message, Integer code, Item data) {}
  record Meta(Long total) {}
  record ItemList(Boolean status, String message, List<Item> data, Meta meta) {}
  record Transfer(String transactionRef, String statusCode) {}
  record TransferResponse(String status, String message, Transfer data) {}

  /** Shaped like a generated interface of the envelopekit spec. */
  interface EnvelopekitApi {
    @RequestLine("GET /items/{id}")
    @Headers("Accept: application/json")
    ItemResponse getItem(@Param("id") String id);

    @RequestLine("GET /items")
    @Headers("Accept: application/json")
    ItemList listItems();

    @RequestLine("GET /transfers/{ref}")
    @Headers("Accept: application/json")
    TransferResponse getTransfer(@Param("ref") String ref);
  }

  private static ClientAndServer server;
  private final ApiSpec spec = ApiSpec.load("envelopekit");
  private final List<EnvelopeDecoder.Answer> answers = new ArrayList<>();
  private EnvelopekitApi api;

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void client() {
    server.reset();
    answers.clear();
    var mapper = PaykitJson.newMapper();
    Redactor redactor = Redactor.of(List.of(SECRET), List.of("Authorization"));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    EnvelopeDecoder decoder = new EnvelopeDecoder(spec, mapper, redactor, answer -> {
      answers.add(answer);
      // a provider's table: "07" is a failure of its own, anything else decodes
      return "07".equals(answer.code()) ? new DeclinedException(answer.details().build(), null) : null;
    });
    api = ClientRuntime.builder(spec, mapper)
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
        .redactor(redactor)
        .decoder(decoder)
        .errorDecoder(new ProviderErrorDecoder("envelopekit", mapper, redactor, clock, decoder::readError, null, null))
        .build()
        .api(EnvelopekitApi.class);
  }

  private static void answer(String path, int status, String body) {
    server.when(request().withPath(path)).respond(response().withStatusCode(status)
        .withHeader("Content-Type", "application/json").withBody(body));
  }

  @Test
  void aPayloadUnderAnAlternativeKeyIsReadAsData() {
    answer("/items/a1", 200, "{\"status\":true,\"message\":\"ok\",\"code\":200,\"result\":{\"id\":\"a1\",\"amount\":12.50}}");

    ItemResponse r = api.getItem("a1");

    assertThat(r.data()).isEqualTo(new Item("a1", new BigDecimal("12.50")));
    assertThat(r.status()).isTrue();
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).code()).isEqualTo("200");
    assertThat(answers.get(0).message()).isEqualTo("ok");
    assertThat(answers.get(0).data().path("id").asText()).isEqualTo("a1");
  }

  @Test
  void aPayloadUnderTheCanonicalKeyIsReadAsSentAndWinsOverAnAlternative() {
    answer("/items/a1", 200, "{\"status\":true,\"data\":{\"id\":\"a1\"},\"payload\":{\"id\":\"other\"}}");

    assertThat(api.getItem("a1").data().id()).isEqualTo("a1");
  }

  @Test
  void aListUnderAnAlternativeKeyIsReadAsDataWithItsMeta() {
    answer("/items", 200, "{\"status\":true,\"message\":\"ok\",\"data\":[],\"payload\":[{\"id\":\"x\"},{\"id\":\"y\"}],"
        + "\"meta\":{\"total\":7}}");

    ItemList list = api.listItems();

    assertThat(list.data()).extracting(Item::id).containsExactly("x", "y");
    assertThat(list.meta().total()).isEqualTo(7L);
  }

  @Test
  void statusFalseWithCode404InA200IsANotFoundWithTheProvidersMessageRedacted() {
    answer("/items/gone", 200, "{\"status\":false,\"message\":\"Iban details validation failed for key " + SECRET
        + "\",\"code\":404}");

    assertThatThrownBy(() -> api.getItem("gone"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.details().httpStatus()).isEqualTo(200);  // what the wire said; the class is the body's 404
          assertThat(e.details().providerCode()).isEqualTo("404");
          assertThat(e.details().operationId()).isEqualTo("getItem");
          assertThat(e.details().providerMessage())
              .isEqualTo("Iban details validation failed for key " + Redactor.MASK);
          assertThat(e.getMessage()).doesNotContain(SECRET);
        });
  }

  @Test
  void statusFalseWithAServerCodeIsARetryableServerErrorAndWithoutAnHttpCodeTheAnswersOwnStatusDecides() {
    answer("/items/busy", 200, "{\"status\":false,\"message\":\"Failed to validate GBP account\",\"code\":500}");
    answer("/items/odd", 200, "{\"status\":false,\"description\":\"Account can not be verified\",\"errorCode\":\"E17\"}");

    assertThatThrownBy(() -> api.getItem("busy")).isInstanceOfSatisfying(ServerException.class, e -> {
      assertThat(e.details().retryable()).isTrue();
      assertThat(e.details().providerMessage()).isEqualTo("Failed to validate GBP account");
    });
    assertThatThrownBy(() -> api.getItem("odd")).isExactlyInstanceOf(ApiException.class)
        .satisfies(e -> {
          ErrorDetails d = ((ApiException) e).details();
          assertThat(d.providerCode()).isEqualTo("E17");                     // the second code field
          assertThat(d.providerMessage()).isEqualTo("Account can not be verified");  // the second message field
        });
  }

  @Test
  void anEnvelopedErrorStatusReadsItsCodeAndMessageFromTheEnvelopesFields() {
    answer("/items/missing", 404, "{\"status\":false,\"message\":\"User account not found\",\"code\":404}");

    assertThatThrownBy(() -> api.getItem("missing")).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.details().httpStatus()).isEqualTo(404);
      assertThat(e.details().providerCode()).isEqualTo("404");
      assertThat(e.details().providerMessage()).isEqualTo("User account not found");
    });
  }

  @Test
  void anAnswerThatDoesNotSayWhetherItSucceededIsNotAResult() {
    answer("/items/a1", 200, "{\"message\":\"ok\",\"data\":{\"id\":\"a1\"}}");

    assertThatThrownBy(() -> api.getItem("a1")).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.details().providerMessage()).contains("status does not say whether the request succeeded"));
  }

  @Test
  void theGuardChecksThePayloadUnderTheCanonicalKeyWhereverItCameFrom() {
    answer("/items/a1", 200, "{\"status\":true,\"result\":{\"amount\":1}}");
    answer("/items", 200, "{\"status\":true,\"meta\":{\"total\":0}}");

    assertThatThrownBy(() -> api.getItem("a1")).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.details().providerMessage()).isEqualTo("the answer lacks data.id, which the spec requires"));
    assertThatThrownBy(() -> api.listItems()).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.details().providerMessage())
            .isEqualTo("the answer lacks data or result or payload, which the spec requires"));
  }

  /** Counts the parsers the mapper opens on raw input (bytes, streams, readers): each is one parse of an answer. */
  static final class CountingFactory extends com.fasterxml.jackson.core.JsonFactory {
    final java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected com.fasterxml.jackson.core.JsonParser _createParser(byte[] data, int offset, int len,
        com.fasterxml.jackson.core.io.IOContext ctxt) throws java.io.IOException {
      parses.incrementAndGet();
      return super._createParser(data, offset, len, ctxt);
    }

    @Override
    protected com.fasterxml.jackson.core.JsonParser _createParser(java.io.InputStream in,
        com.fasterxml.jackson.core.io.IOContext ctxt) throws java.io.IOException {
      parses.incrementAndGet();
      return super._createParser(in, ctxt);
    }

    @Override
    protected com.fasterxml.jackson.core.JsonParser _createParser(java.io.Reader r,
        com.fasterxml.jackson.core.io.IOContext ctxt) throws java.io.IOException {
      parses.incrementAndGet();
      return super._createParser(r, ctxt);
    }
  }

  /** paykit's mapper, its parsers counted ({@code copyWith} is refused by Jackson's {@code JsonMapper}). */
  static final class CountingMapper extends com.fasterxml.jackson.databind.ObjectMapper {
    CountingMapper(com.fasterxml.jackson.databind.ObjectMapper configured, CountingFactory factory) {
      super(configured, factory);
    }
  }

  @Test
  void aCleanAnswerIsParsedOnceAndOneTheTreeDecidesTwiceWithTheGuardsChecksKept() {
    CountingFactory factory = new CountingFactory();
    var mapper = new CountingMapper(PaykitJson.newMapper(), factory);
    Redactor redactor = Redactor.of(List.of(SECRET), List.of("Authorization"));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    EnvelopeDecoder decoder = new EnvelopeDecoder(spec, mapper, redactor,
        EnvelopeDecoder.CodeTable.onEnvelopeMembers(answer -> null));
    EnvelopekitApi counted = ClientRuntime.builder(spec, mapper)
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
        .redactor(redactor)
        .decoder(decoder)
        .errorDecoder(new ProviderErrorDecoder("envelopekit", mapper, redactor, clock, decoder::readError, null, null))
        .build()
        .api(EnvelopekitApi.class);
    answer("/items/a1", 200, "{\"status\":true,\"message\":\"ok " + SECRET + "\",\"result\":{\"id\":\"a1\","
        + "\"amount\":2500.00}}");
    answer("/items/a2", 200, "{\"status\":true,\"result\":{\"amount\":1}}");
    answer("/items/a3", 200, "{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"a3\",\"amount\":7.10}}");

    // a clean answer is bound straight from its bytes while it is checked: one parse
    ItemResponse clean = counted.getItem("a3");
    assertThat(factory.parses).hasValue(1);
    assertThat(clean.data().amount()).hasToString("7.10");
    assertThat(clean.message()).isEqualTo("ok");
    factory.parses.set(0);

    // one with a secret to scrub: the bytes' way gives up, the tree's way parses once more and scrubs
    ItemResponse r = counted.getItem("a1");

    assertThat(factory.parses).hasValue(2);
    assertThat(r.data().amount()).isEqualTo(new BigDecimal("2500.00")).hasToString("2500.00"); // scale kept
    assertThat(r.message()).isEqualTo("ok " + Redactor.MASK); // scrubbed, from the shared tree
    factory.parses.set(0);
    assertThatThrownBy(() -> counted.getItem("a2")).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.details().providerMessage()).isEqualTo("the answer lacks data.id, which the spec requires"));
    assertThat(factory.parses).hasValue(2);
  }

  @Test
  void theProvidersCodeTableGetsTheCodeFromTheNamedFieldPaddedAsItsSchemaSays() {
    answer("/transfers/t1", 200, "{\"status\":7,\"message\":\"Invalid account\",\"responseData\":{\"transactionRef\":\"TX-1\"}}");
    answer("/transfers/t2", 200, "{\"status\":9,\"message\":\"In progress\",\"responseData\":{\"transactionRef\":\"TX-2\","
        + "\"statusCode\":0}}");

    assertThatThrownBy(() -> api.getTransfer("t1")).isInstanceOfSatisfying(DeclinedException.class, e -> {
      assertThat(e.details().providerCode()).isEqualTo("07");
      assertThat(e.details().providerMessage()).isEqualTo("Invalid account");
    });
    TransferResponse pending = api.getTransfer("t2");

    assertThat(pending.status()).isEqualTo("09");
    assertThat(pending.data()).isEqualTo(new Transfer("TX-2", "00"));  // moved, then normalised by its own schema
    assertThat(answers).extracting(EnvelopeDecoder.Answer::code).containsExactly("07", "09");
    assertThat(answers.get(0).data().path("transactionRef").asText()).isEqualTo("TX-1");
    assertThat(answers.get(0).call().operation().operationId()).isEqualTo("getTransfer");
    assertThat(answers.get(0).effectful()).isFalse();
  }
}
