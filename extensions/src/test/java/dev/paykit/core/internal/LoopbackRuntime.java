package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import feign.jackson.JacksonDecoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A client runtime of a test-only spec ({@code src/test/resources/dev/paykit/specs/<name>}) aimed at a
 * loopback server: pinned clock, a sleeper that records waits instead of sleeping, no jitter, a bearer
 * key, the provider error decoder reading {@code {code, message}}.
 */
final class LoopbackRuntime {

  static final String API_KEY = "sk_test_loopbackSECRET";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final ObjectMapper mapper = PaykitJson.newMapper();
  final ClientRuntime runtime;

  LoopbackRuntime(String specName, String baseUrl) {
    this(specName, baseUrl, b -> { });
  }

  /** @param more anything else the test sets on the runtime's builder (a request check...) */
  LoopbackRuntime(String specName, String baseUrl, java.util.function.Consumer<ClientRuntime.Builder> more) {
    ApiSpec spec = ApiSpec.load(specName);
    Redactor redactor = Redactor.of(List.of(API_KEY), List.of("Authorization"));
    ClientRuntime.Builder builder = ClientRuntime.builder(spec, mapper)
        .baseUrl(baseUrl)
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build())
        .redactor(redactor)
        .authenticate(new SpecAuthentication(spec, Map.of("bearer", () -> API_KEY)))
        .decoder(new JacksonDecoder(mapper))
        .errorDecoder(new ProviderErrorDecoder(specName, mapper, redactor, clock,
            (base, json, text) -> json == null ? base : ErrorDetails.builder(base.provider())
                .operationId(base.operationId()).httpStatus(base.httpStatus())
                .providerCode(json.path("code").asText(null))
                .providerMessage(json.path("message").asText(null)).build(),
            null, "X-Request-Id"));
    more.accept(builder);
    runtime = builder.build();
  }

  <T> T api(Class<T> type) {
    return runtime.api(type);
  }

  ApiSpec spec() {
    return runtime.spec();
  }
}
