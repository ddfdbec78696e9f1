package dev.paykit.tests.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.PruneOutcomeUnknownException;
import dev.paykit.prune.Resolution;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resolution never calls "not found" what Prune showed before, and an id is salvaged from a cut answer
 * only when it is an id and the answer did not say it failed (found by the second-engineer review).
 */
@ExtendWith(ScriptedServerExtension.class)
class PruneResolutionEdgesTest {

  static final String KEY = "sk_live_edges_0123456789";
  static final String IBAN = "LT213999010000000001";

  RawServer server;
  PruneClient client;

  @BeforeEach
  void start(ScriptedServer scripted) {
    server = scripted.raw();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00.123Z"));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    client = PruneClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).clock(clock)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(sleeper).random(() -> 0.0).build())
        .pollPolicy(RetryPolicy.builder().maxAttempts(4).sleeper(sleeper).random(() -> 0.0).build())
        .httpOptions(HttpOptions.defaults().withReadTimeout(Duration.ofSeconds(5))).build();
  }

  /** A 200 whose body is exactly {@code kept} and then cut off (truncated() sends half the body). */
  static Reply cutAfter(String kept) {
    return Reply.truncated(200, "application/json", kept + "#".repeat(kept.length()));
  }

  static String status(String s) {
    return "{\"status\":true,\"message\":\"ok\",\"data\":\"" + s + "\",\"code\":200}";
  }

  private PruneOutcomeUnknownException unknownSend(String ref) {
    return catchThrowableOfType(PruneOutcomeUnknownException.class,
        () -> client.transfers().send(PruneFixtures.transfer(IBAN, ref, "250.50")));
  }

  @Test
  void aTransferSeenPendingAndThenNotFoundIsUnknownNotNotFound() {
    server.then(cutAfter("{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"T7\","));
    PruneOutcomeUnknownException e = unknownSend("seen");
    assertThat(e.transactionId()).isEqualTo("T7");
    server.then(Reply.json(200, status("PENDING")),
        Reply.json(404, "{\"status\":false,\"message\":\"Transaction not found\",\"code\":404}"));

    Resolution r = client.transfers().resolve(e);

    assertThat(r.state()).isEqualTo(Resolution.State.UNKNOWN);
    assertThat(r.explanation()).contains("PENDING").contains("never send it again");
  }

  @Test
  void anApprovedPayoutWhoseTransactionIsNotFoundIsUnknownWithItsRequestState() {
    server.then(cutAfter("{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"P7\","));
    PruneOutcomeUnknownException e = catchThrowableOfType(PruneOutcomeUnknownException.class,
        () -> client.payouts().disburse(PruneFixtures.payout("pay-1", "99.99")));
    server.then(Reply.json(200, "{\"status\":true,\"message\":\"ok\",\"data\":{\"trxRequest\":{\"id\":\"P7\","
            + "\"reference\":\"pay-1\",\"status\":\"APPROVED\",\"amount\":99.99}},\"code\":200}"),
        Reply.json(404, "{\"status\":false,\"message\":\"Transaction not found\",\"code\":404}"));

    Resolution r = client.payouts().resolve(e);

    assertThat(r.state()).isEqualTo(Resolution.State.UNKNOWN);
    assertThat(r.requestStatus()).isNotNull();
    assertThat(r.explanation()).contains("APPROVED");
  }

  @Test
  void aStatusPaykitDoesNotKnowIsUnknownNotPending() {
    server.then(cutAfter("{\"status\":true,\"message\":\"ok\",\"data\":{\"id\":\"T8\","));
    PruneOutcomeUnknownException e = unknownSend("weird");
    server.then(4, Reply.json(200, status("SETTLED")));

    Resolution r = client.transfers().resolve(e);

    assertThat(r.state()).isEqualTo(Resolution.State.UNKNOWN);
    assertThat(r.explanation()).contains("does not know").doesNotContain("unknown_default_open_api");
  }

  @Test
  void noIdIsTakenFromAFailureEnvelopeOrFromAValueThatIsNoId() {
    server.then(cutAfter("{\"status\":false,\"message\":\"Insufficient funds\",\"data\":{\"id\":\"T5\"},"));
    assertThat(unknownSend("r1").transactionId()).isNull();
    server.then(cutAfter("{\"status\":true,\"data\":{\"id\":true,"));
    assertThat(unknownSend("r2").transactionId()).isNull();
    server.then(cutAfter("{\"status\":true,\"data\":{\"id\":\"T6\","));
    assertThat(unknownSend("r3").transactionId()).isEqualTo("T6");
  }

  @Test
  void aKeyWithWhitespaceIsRefusedAtBuildWithoutShowingIt() {
    for (String bad : new String[] {"sk_live_abc def", " sk_live_x", "sk_live_abc\ndef", "sk_live_\u00e9t\u00e9"}) {
      assertThatThrownBy(() -> PruneClient.builder().apiKey(bad).build()).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not shown")
          .satisfies(t -> assertThat(t.getMessage()).doesNotContain("abc"));
    }
  }
}
