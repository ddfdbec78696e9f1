package dev.paykit.tests.prunny;

import static dev.paykit.tests.prunny.ScriptedPrunny.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.InsufficientFundsException;
import dev.paykit.prunny.InvalidTransactionException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import dev.paykit.tests.support.RawServer.Reply;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Prunny echoing the caller's API key in a message, an error or a status description never leaks it:
 * not in the exception's message, not in its {@code toString()}, not in anything it carries.
 */
@ExtendWith(ScriptedServerExtension.class)
class PrunnyEchoedSecretTest {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";
  private static final String STATUS = "/v1/transactions/confirmation/TX-9";
  private static final String COMPLETE = "/v1/transactions/complete";

  private RawServer server;
  private ScriptedPrunny prunny;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    prunny = new ScriptedPrunny(server.baseUrl());
  }

  private static <T extends Throwable> T thrown(Class<T> type, Executable call) {
    return org.junit.jupiter.api.Assertions.assertThrows(type, call);
  }

  /** The key is in none of the texts of the exception, its causes and suppressed exceptions; the rest is. */
  private static void assertNoKeyIn(Throwable e, String keptText) {
    List<String> texts = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
      if (t instanceof PaykitException p) {
        texts.add(p.providerMessage().orElse(""));
        texts.add(String.valueOf(p.providerCode()));
        texts.add(String.valueOf(p.details()));
      }
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
    assertThat(texts).noneMatch(s -> s.contains(API_KEY));
    assertThat(String.join("\n", texts)).contains(keptText).contains(Redactor.MASK);
  }

  @Test
  void code97InA200EnvelopeWithTheKeyInItsMessage() {
    server.then(Reply.json(200, "{\"status\":\"97\",\"message\":\"timeout at destination for " + API_KEY
        + "\",\"data\":{\"transactionRef\":\"TX-9\"}}"));

    TransferOutcomeUnknownException e = thrown(TransferOutcomeUnknownException.class,
        () -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")));

    assertThat(e.transactionRef()).isEqualTo("TX-9");
    assertNoKeyIn(e, "timeout at destination");
    assertThat(server.requests(TRANSFER)).hasSize(1);
  }

  @Test
  void code97InAnErrorBodyWithTheKeyInItsMessage() {
    server.then(3, Reply.json(500, "{\"message\":\"timeout at destination for " + API_KEY
        + "\",\"status\":500,\"errorCode\":\"97\"}"));

    TransferOutcomeUnknownException e = thrown(TransferOutcomeUnknownException.class,
        () -> prunny.client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")));

    assertNoKeyIn(e, "timeout at destination");
  }

  @Test
  void aFailedTransactionStatusWhoseDescriptionEchoesTheKey() {
    server.then(Reply.json(200, "{\"status\":\"00\",\"data\":{\"status\":\"09 pending\",\"statusCode\":\"09\"}}"),
        Reply.json(200, "{\"status\":\"00\",\"data\":{\"status\":\"declined: no funds behind " + API_KEY
            + "\",\"statusCode\":\"51\"}}"));

    InsufficientFundsException e = thrown(InsufficientFundsException.class,
        () -> prunny.client.transfers().awaitFinalStatus("TX-9"));

    assertNoKeyIn(e, "declined: no funds behind");
    assertThat(server.requests(STATUS)).hasSize(2);
  }

  @Test
  void aStatusQueryWhoseOwnCodeFailsWithTheKeyInItsMessage() {
    server.then(Reply.json(200, "{\"status\":\"12\",\"message\":\"bad query from " + API_KEY + "\"}"));

    InvalidTransactionException e = thrown(InvalidTransactionException.class,
        () -> prunny.client.transfers().awaitFinalStatus("TX-9"));

    assertNoKeyIn(e, "bad query from");
  }

  @Test
  void aStatusQueryAnsweredWithAServerErrorEchoingTheKey() {
    server.then(3, Reply.json(500, "{\"message\":\"crashed serving " + API_KEY + "\",\"status\":500}"));

    ServerException e = thrown(ServerException.class, () -> prunny.client.transfers().awaitFinalStatus("TX-9"));

    assertNoKeyIn(e, "crashed serving");
    assertThat(server.requests(STATUS)).hasSize(3);
  }

  @Test
  void aFailedOtpCompletionWhoseErrorEchoesTheKey() {
    server.then(Reply.json(200, "{\"status\":\"00\",\"message\":\"processed\",\"data\":{\"transactionRef\":\"TX-9\","
        + "\"status\":\"failed\",\"statusCode\":\"51\",\"error\":\"OTP ok but no funds behind " + API_KEY + "\"}}"));

    InsufficientFundsException e = thrown(InsufficientFundsException.class,
        () -> prunny.client.transfers().complete("TX-9", "req-1", "123456"));

    assertNoKeyIn(e, "OTP ok but no funds behind");
    assertThat(server.requests(COMPLETE)).hasSize(1);
  }

  @Test
  void anOtpCompletionRejectedWithTheKeyInTheMessage() {
    server.then(Reply.json(200, "{\"status\":\"12\",\"message\":\"OTP refused for " + API_KEY + "\"}"));

    InvalidTransactionException e = thrown(InvalidTransactionException.class,
        () -> prunny.client.transfers().complete("TX-9", "req-1", "123456"));

    assertNoKeyIn(e, "OTP refused for");
  }

  @Test
  void anOtpCompletionWithCode97EchoingTheKey() {
    server.then(Reply.json(200, "{\"status\":\"97\",\"message\":\"timeout at destination for " + API_KEY
        + "\",\"data\":{\"transactionRef\":\"TX-9\"}}"));

    TransferOutcomeUnknownException e = thrown(TransferOutcomeUnknownException.class,
        () -> prunny.client.transfers().complete("TX-9", "req-1", "123456"));

    assertNoKeyIn(e, "timeout at destination");
  }

  /**
   * An answer that cannot be read at all and quotes the key: Jackson's own parse message repeats the
   * offending token ("Unrecognized token 'sk_live_...'"), so the core's unusable-answer message must be
   * redacted too. A key of identifier characters only, which Jackson quotes whole.
   */
  @Test
  void anUnparseableAnswerQuotingTheKeyNeverLeaksItThroughTheParsersMessage() {
    String key = "sk_live_0123456789abcdefXYZ";
    PrunnyClient client = PrunnyClient.builder().apiKey(key).baseUrl(server.baseUrl()).clock(prunny.clock)
        .retryPolicy(RetryPolicy.builder().sleeper(prunny.sleeper).random(() -> 0.0).build()).build();
    server.then(3, Reply.json(200, "{\"status\":\"00\",\"message\":" + key + "}"));

    TransferOutcomeUnknownException e = thrown(TransferOutcomeUnknownException.class,
        () -> client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00")));

    assertNoSecretIn(e, key, "Unrecognized token");
    assertThat(server.requests(TRANSFER)).hasSize(3);
  }

  private static void assertNoSecretIn(Throwable e, String secret, String keptText) {
    List<String> texts = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      texts.add(t.toString());
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
    assertThat(texts).noneMatch(s -> s.contains(secret));
    assertThat(String.join("\n", texts)).contains(keptText).contains(Redactor.MASK);
  }
}
