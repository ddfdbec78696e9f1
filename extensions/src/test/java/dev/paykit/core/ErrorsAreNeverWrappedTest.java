package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.paykit.core.TestkitApi.Transfer;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@link Error} (out of memory, stack overflow) raised while an answer is decoded reaches the caller as
 * that very Error: never wrapped into an ApiException, never taken for an unknown outcome, never retried.
 */
class ErrorsAreNeverWrappedTest {

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int status = 200;
  private PipelineFixture fixture;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"id\":\"t1\",\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    fixture = new PipelineFixture();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static Stream<Error> errors() {
    return Stream.of(new OutOfMemoryError("scripted: Java heap space"), new StackOverflowError("scripted"));
  }

  private TestkitApi api(Decoder decoder, ErrorDecoder errorDecoder) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return fixture.runtime(url, RetryPolicy.builder().sleeper(fixture.sleeper).random(() -> 0.0).build(),
        decoder, errorDecoder).api(TestkitApi.class);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void anErrorFromTheDecoderOfAnEffectfulCallIsThrownAsItself(Error error) {
    TestkitApi api = api((response, type) -> {
      throw error;
    }, null);

    assertThatThrownBy(() -> api.createTransfer(null, new Transfer(BigDecimal.ONE, "ref-1"))).isSameAs(error);
    assertThat(hits).hasValue(1);
    assertThat(fixture.sleeper.waits()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("errors")
  void anErrorFromTheDecoderOfAReadIsThrownAsItself(Error error) {
    TestkitApi api = api((response, type) -> {
      throw error;
    }, null);

    assertThatThrownBy(() -> api.getItem("abc")).isSameAs(error);
    assertThat(hits).hasValue(1);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void anErrorFromTheErrorDecoderIsThrownAsItself(Error error) {
    status = 500;
    TestkitApi api = api((response, type) -> null, (methodKey, response) -> {
      throw error;
    });

    assertThatThrownBy(() -> api.createTransfer(null, new Transfer(BigDecimal.ONE, "ref-1"))).isSameAs(error);
    assertThat(hits).hasValue(1);
  }
}
