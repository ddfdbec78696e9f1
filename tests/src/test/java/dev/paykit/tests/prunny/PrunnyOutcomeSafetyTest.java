package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferOutcomeUnknownException;
import dev.paykit.prunny.TransferResult;
import dev.paykit.tests.shared.OutcomeSafetySuite;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.RawServer.Request;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Outcome safety for Prunny: the money call is an intra-bank transfer under an Idempotency-Key. */
class PrunnyOutcomeSafetyTest extends OutcomeSafetySuite {

  private static final String KEY_1 = "00000000-0000-0000-0000-000000000001";
  private static final String TRANSFER_JSON = "{\"amount\":10.00,\"channel\":\"API\",\"currency\":\"NGN\","
      + "\"destinationAccount\":\"0987654321\",\"destinationAccountName\":\"Chike Eze\",\"destinationNarration\":"
      + "\"rent\",\"referenceId\":\"ref-1\",\"sourceAccount\":\"0123456789\",\"sourceAccountName\":\"Ada Obi\","
      + "\"sourceAmount\":10.00,\"sourceCurrency\":\"NGN\",\"sourceNarration\":\"rent\"}";

  private PrunnyClient client;

  @Override
  protected String provider() {
    return "prunny";
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging) {
    AtomicLong keys = new AtomicLong();
    client = PrunnyClient.builder().apiKey(ScriptedPrunny.API_KEY).baseUrl(baseUrl).clock(clock)
        .idempotencyKeySource(() -> new UUID(0L, keys.incrementAndGet()))
        .retryPolicy(policy).httpOptions(options).wireLogging(wireLogging).build();
  }

  @Override
  protected Object pay() {
    return client.transfers().intraBank(ScriptedPrunny.transfer("ref-1", "10.00"));
  }

  @Override
  protected String payPath() {
    return "/v1/transactions/singletransferwithbank";
  }

  @Override
  protected String paySuccessBody() {
    return "{\"status\":\"00\",\"message\":\"Approved\",\"data\":{\"transactionRef\":\"TX-1\"}}";
  }

  @Override
  protected String expectedPayBody() {
    return TRANSFER_JSON;
  }

  @Override
  protected String keyOf(Request attempt) {
    assertThat(attempt.headerValues("Idempotency-Key")).hasSize(1);
    assertThat(attempt.bodyText()).isEqualTo(TRANSFER_JSON); // the same body on every attempt
    return attempt.header("Idempotency-Key");
  }

  @Override
  protected String expectedKey() {
    return KEY_1;
  }

  @Override
  protected void assertPaid(Object result) {
    assertThat(result).isInstanceOfSatisfying(TransferResult.class, r -> {
      assertThat(r.isCompleted()).isTrue();
      assertThat(r.transactionRef()).isEqualTo("TX-1");
      assertThat(r.idempotencyKey()).isEqualTo(KEY_1);
    });
  }

  @Override
  protected void assertResolvable(OutcomeUnknownException e) {
    assertThat(e).isInstanceOfSatisfying(TransferOutcomeUnknownException.class, t -> {
      assertThat(t.idempotencyKey()).isEqualTo(KEY_1);
      assertThat(t.referenceId()).isEqualTo("ref-1");
      assertThat(t.transactionRef()).isNull(); // no answer was read
    });
    assertThat(e.resolution()).contains(KEY_1);
    assertThat(e.getMessage()).contains("referenceId ref-1").contains(KEY_1).contains("never resubmit under a new key")
        .doesNotContain(ScriptedPrunny.API_KEY);
    assertThat(e.provider()).isEqualTo("prunny");
    assertThat(coreOutcome(e).idempotencyKey()).isEqualTo(KEY_1);
  }

  @Override
  protected String errorBody(int status) {
    return "{\"message\":\"scripted error\",\"status\":" + status + "}";
  }

  @Override
  protected Object read() {
    return client.accounts().balance("0123456789");
  }

  @Override
  protected String readPath() {
    return "/v1/accounts/balance/0123456789";
  }

  @Override
  protected String readSuccessBody() {
    return "{\"status\":\"00\",\"data\":{\"accountNumber\":\"0123456789\",\"currency\":\"NGN\","
        + "\"availableBalance\":2500.00}}";
  }

  @Test
  void aNameEnquiryIsAPostWithoutEffectSoAnUnusableAnswerIsNotAnUnknownOutcome() {
    server.then(3, Reply.truncated(200, "application/json",
        "{\"status\":\"00\",\"data\":{\"accountNumber\":\"0987654321\",\"accountName\":\"Chike Eze\"}}"));

    Throwable thrown = catchAny(() -> client.transfers().nameEnquiry("0987654321", null));

    assertThat(thrown).isInstanceOf(UnexpectedResponseException.class).isNotInstanceOf(OutcomeUnknownException.class);
    assertThat(server.requests("/v1/transactions/nameenquiry")).hasSize(3) // safe to repeat: retried
        .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isNull());
  }

  @Test
  void aSuccessAnswerWithoutTheTransactionReferenceIsAnUnknownOutcome() {
    server.then(3, Reply.json(200, "{\"status\":\"00\",\"message\":\"Approved\",\"data\":{}}"));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(TransferOutcomeUnknownException.class);
    assertThat(lastFailure((OutcomeUnknownException) thrown)).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("transactionRef");
  }
}
