package dev.paykit.core;

import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.Redactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.DerivedValues;
import dev.paykit.core.internal.IdempotencyKeys;
import dev.paykit.core.internal.ProviderErrorDecoder;
import dev.paykit.core.internal.SpecAuthentication;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonDecoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds a client of the {@code testkit} spec with a pinned clock, a recording sleeper and numbered keys. */
final class PipelineFixture {

  static final String API_KEY = "sk_test_51HzSECRETkeyForTests";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final AtomicLong keyCounter = new AtomicLong();
  final ObjectMapper mapper = PaykitJson.newMapper();
  final ApiSpec spec = ApiSpec.load("testkit");

  TestkitApi api(String baseUrl) {
    return api(baseUrl, RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  TestkitApi api(String baseUrl, RetryPolicy policy) {
    return runtime(baseUrl, policy).api(TestkitApi.class);
  }

  ClientRuntime runtime(String baseUrl, RetryPolicy policy) {
    return runtime(baseUrl, policy, new JacksonDecoder(mapper), null);
  }

  /** With this decoder, and this error decoder (null: the provider error decoder of the spec's body). */
  ClientRuntime runtime(String baseUrl, RetryPolicy policy, Decoder decoder, ErrorDecoder errorDecoder) {
    return runtime(baseUrl, policy, decoder, errorDecoder, b -> { });
  }

  /** ... and whatever else the test sets on the runtime's builder ({@code more}). */
  ClientRuntime runtime(String baseUrl, RetryPolicy policy, Decoder decoder, ErrorDecoder errorDecoder,
      java.util.function.Consumer<ClientRuntime.Builder> more) {
    Redactor redactor = Redactor.of(List.of(API_KEY), List.of("Authorization"));
    ClientRuntime.Builder builder = ClientRuntime.builder(spec, mapper)
        .baseUrl(baseUrl)
        .clock(clock)
        .retryPolicy(policy)
        .redactor(redactor)
        .idempotencyKeys(new IdempotencyKeys(() -> new UUID(0L, keyCounter.incrementAndGet())))
        .authenticate(new SpecAuthentication(spec, Map.of("bearer", () -> API_KEY)))
        .timestamp(new DerivedValues("timestamp", () -> clock.instant().toString(), null))
        .decoder(decoder)
        .errorDecoder(errorDecoder != null ? errorDecoder : new ProviderErrorDecoder("testkit", mapper, redactor, clock,
            (base, json, text) -> json == null ? base : ErrorDetails.builder(base.provider())
                .operationId(base.operationId()).httpStatus(base.httpStatus())
                .providerCode(json.path("code").asText(null))
                .providerMessage(json.path("message").asText(null)).build(),
            null, "X-Request-Id"));
    more.accept(builder);
    return builder.build();
  }
}
