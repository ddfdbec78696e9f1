package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.ServerException;
import dev.paykit.core.testing.LoopbackServer;
import dev.paykit.core.testing.LoopbackServer.Reply;
import feign.Headers;
import feign.RequestLine;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer the client cannot use as a result may still name what the call created
 * ({@code x-paykit-outcome: {id: data.id}}, spec {@code outcomekit}): the unknown outcome carries that id
 * ({@link OutcomeUnknownException#resourceId()}) when it arrived whole, and never otherwise. The money
 * call takes no key and is not safe to repeat, so each case is one attempt.
 */
class ResourceIdTest {

  interface OutcomekitApi {
    @RequestLine("POST /transfers")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    Map<String, Object> createTransfer(Map<String, Object> body);
  }

  private LoopbackServer server;
  private LoopbackRuntime rt;
  private OutcomekitApi api;

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    rt = new LoopbackRuntime("outcomekit", server.baseUrl());
    api = rt.api(OutcomekitApi.class);
  }

  @AfterEach
  void stop() {
    rt.runtime.close();
    server.close();
  }

  private OutcomeUnknownException pay(String answer) {
    int before = server.requests().size();
    server.then(Reply.json(200, answer));
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> api.createTransfer(Map.of("reference", "r-1", "amount", new BigDecimal("10.00"))));
    assertThat(server.requests()).hasSize(before + 1); // no key, not safe to repeat: never sent twice
    assertThat(e.reference()).isEqualTo("r-1");
    return e;
  }

  @Test
  void anIdBeforeTheCutIsNamedByTheUnknownOutcomeAndItsResolution() {
    OutcomeUnknownException e = pay("{\"data\":{\"id\":\"tr_1\",\"reference\":\"r-1\",\"sta");

    assertThat(e.resourceId()).isEqualTo("tr_1");
    assertThat(e.resolution()).contains("getTransferStatus").contains("id tr_1");
    assertThat(e.getMessage()).contains("tr_1");
  }

  @Test
  void aWholeAnswerLackingWhatProvesTheOutcomeStillNamesItsId() {
    OutcomeUnknownException e = pay("{\"data\":{\"id\":\"tr_2\",\"reference\":\"r-1\"}}");

    assertThat(e.resourceId()).isEqualTo("tr_2");
  }

  @Test
  void aNumericIdCountsOnlyOnceTheTokenAfterItArrived() {
    assertThat(pay("{\"data\":{\"id\":1001").resourceId()).isNull();     // 1001 or 10010...: unknown
    assertThat(pay("{\"data\":{\"id\":1001,\"refer").resourceId()).isEqualTo("1001");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"data\":{\"id\":\"tr_12",                                      // cut inside the id
      "{\"data\":{\"reference\":\"r-2\",\"id\":\"tr_9\",\"sta",           // an answer about another reference
      "{\"data\":{\"id\":null,\"reference\":\"r-1\",\"sta",               // no id
      "{\"data\":{\"ids\":\"tr_3\",\"reference\":\"r-1\",\"sta",          // not at the spec's path
      "{\"id\":\"tr_4\",\"data\":{\"reference\":\"r-1\",\"sta",           // not at the spec's path
      "<html>{\"data\":{\"id\":\"tr_5\"}}</html>"})                       // not JSON from the start
  void noIdIsNamedUnlessItArrivedWholeAtTheSpecsPathInAnAnswerAboutThisCall(String answer) {
    OutcomeUnknownException e = pay(answer);

    assertThat(e.resourceId()).isNull();
    assertThat(e.resolution()).contains("getTransferStatus").doesNotContain("tr_");
  }

  @Test
  void aServerErrorNamesNoId() {
    server.then(Reply.json(500, "{\"data\":{\"id\":\"tr_6\",\"reference\":\"r-1\"}}"));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> api.createTransfer(Map.of("reference", "r-1", "amount", BigDecimal.ONE)));

    assertThat(e.getCause()).isInstanceOf(ServerException.class);
    assertThat(e.resourceId()).isNull();
  }

  @Test
  void theReaderTakesOnlyWholeValuesAtTheGivenPaths() {
    var factory = rt.mapper.getFactory();
    byte[] json = "{\"a\":{\"b\":\"x\",\"c\":[1,{\"d\":2}],\"e\":true,\"f\":3.50},\"g\":\"y".getBytes();

    assertThat(PartialJson.scalars(factory, json, java.util.List.of("a.b", "a.e", "a.f", "a.c", "g", "a.c.d")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a.b", "x", "a.e", "true", "a.f", "3.50"));
    assertThat(PartialJson.scalars(factory, new byte[0], java.util.List.of("a"))).isEmpty();
    assertThat(PartialJson.scalars(factory, "{\"a\":\"".concat("z".repeat(300)).concat("\",\"b\":1}").getBytes(),
        java.util.List.of("a"))).isEmpty();                              // not an id: too long
  }
}
