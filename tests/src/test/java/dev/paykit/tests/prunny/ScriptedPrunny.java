package dev.paykit.tests.prunny;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A Prunny client against a scripted MockServer, with a pinned clock, recorded sleeps and numbered keys. */
final class ScriptedPrunny {

  static final String API_KEY = "prunny-test-key-0123456789";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00.123456Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final AtomicLong keys = new AtomicLong();
  final PrunnyClient client;

  ScriptedPrunny(String baseUrl) {
    client = PrunnyClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .clock(clock)
        .idempotencyKeySource(() -> new UUID(0L, keys.incrementAndGet()))
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build())
        .pollPolicy(RetryPolicy.builder().maxAttempts(4).sleeper(sleeper).random(() -> 0.0).build())
        .build();
  }

  static IntraBankTransferRequest transfer(String referenceId, String amount) {
    return new IntraBankTransferRequest()
        .referenceId(referenceId)
        .amount(new BigDecimal(amount)).currency("NGN")
        .sourceAmount(new BigDecimal(amount)).sourceCurrency("NGN")
        .sourceAccount("0123456789").sourceAccountName("Ada Obi").sourceNarration("rent")
        .destinationAccount("0987654321").destinationAccountName("Chike Eze").destinationNarration("rent")
        .channel("API");
  }
}
