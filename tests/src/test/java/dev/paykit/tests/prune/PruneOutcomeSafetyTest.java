package dev.paykit.tests.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.PruneOutcomeUnknownException;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import dev.paykit.tests.shared.OutcomeSafetySuite;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.RawServer.Request;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Outcome safety for Prune: the money call is a transfer (sendMoney), which has no idempotency key and is
 * never repeated once it may have reached Prune; its reference, required, is what the unknown outcome names.
 */
class PruneOutcomeSafetyTest extends OutcomeSafetySuite {

  static final String KEY = "sk_live_outcome_0123456789";
  static final String IBAN = "LT213999010000000001";
  private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"([^\"]*)\"");
  /** The body the client writes, field by field in the generated model's order (computed by hand). */
  static final String BODY = "{\"account\":\"LT213999010000000001\",\"amount\":250.50,"
      + "\"beneficiaryFullName\":\"Max Mustermann\",\"destinationIBAN\":\"DE89370400440532013000\","
      + "\"destinationBIC\":\"COBADEFFXXX\",\"destinationCountry\":\"Germany\",\"destinationBank\":\"Commerzbank\","
      + "\"reference\":\"inv-1\",\"reason\":\"Invoice inv-1\",\"debtorFullName\":\"Amélie Laurent\","
      + "\"debtorAddress\":\"12 rue de la Paix\",\"debtorCountryCode\":\"FR\",\"debtorPostCode\":\"75002\","
      + "\"debtorCity\":\"Paris\",\"debtorType\":\"INDIVIDUAL\",\"debtorIdType\":\"passport\","
      + "\"debtorIdNumber\":\"19AB12345\"}";
  static final String TRANSACTION = "{\"status\":true,\"message\":\"Transfer Initiated Successfully\",\"data\":"
      + "{\"id\":1001,\"dpsId\":7,\"reference\":\"inv-1\",\"amount\":250.50,\"status\":\"PENDING\",\"type\":\"DEBIT\","
      + "\"senderIban\":\"LT213999010000000001\",\"recipientIban\":\"DE89370400440532013000\"},\"code\":202}";

  private PruneClient client;

  @Override
  protected String provider() {
    return "prune";
  }

  @Override
  protected boolean repeatsTheMoneyCall() {
    return false;
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging) {
    client = PruneClient.builder().apiKey(KEY).baseUrl(baseUrl).clock(clock).retryPolicy(policy)
        .httpOptions(options).wireLogging(wireLogging).build();
  }

  @Override
  protected Object pay() {
    return client.transfers().send(PruneFixtures.transfer(IBAN, "inv-1", "250.50"));
  }

  @Override
  protected String payPath() {
    return "/v1/accounts/send";
  }

  @Override
  protected String paySuccessBody() {
    return TRANSACTION;
  }

  @Override
  protected String expectedPayBody() {
    return BODY;
  }

  @Override
  protected String keyOf(Request attempt) {
    assertThat(attempt.headerValues("Idempotency-Key")).isEmpty(); // Prune has none
    Matcher m = REFERENCE.matcher(attempt.bodyText());
    return m.find() ? m.group(1) : null;
  }

  @Override
  protected String expectedKey() {
    return "inv-1";
  }

  @Override
  protected void assertPaid(Object result) {
    assertThat(result).isInstanceOfSatisfying(Transaction.class, t -> {
      assertThat(t.getId()).isEqualTo("1001");
      assertThat(t.getStatus()).isEqualTo(TransactionStatus.PENDING);
      assertThat(t.getAmount()).isEqualByComparingTo("250.50");
    });
  }

  @Override
  protected void assertResolvable(OutcomeUnknownException e) {
    assertThat(e).isInstanceOfSatisfying(PruneOutcomeUnknownException.class, p -> {
      assertThat(p.kind()).isEqualTo(PruneOutcomeUnknownException.Kind.TRANSFER);
      assertThat(p.reference()).isEqualTo("inv-1");
      assertThat(p.idempotencyKey()).isNull();
      assertThat(p.resolution()).contains("inv-1").contains("transfers().resolve");
      assertThat(p.getMessage()).contains("inv-1").contains("may have been processed").doesNotContain(KEY);
      assertThat(p.provider()).isEqualTo("prune");
      assertThat(p.operationId()).contains("sendMoney");
    });
  }

  @Override
  protected String errorBody(int status) {
    return "{\"status\":false,\"message\":\"scripted error " + status + "\",\"code\":" + status + "}";
  }

  @Override
  protected Object read() {
    return client.accounts().balance("acc-1");
  }

  @Override
  protected String readPath() {
    return "/v1/accounts/acc-1/balance";
  }

  @Override
  protected String readSuccessBody() {
    return "{\"status\":true,\"message\":\"Account balance fetched\",\"data\":1250.75,\"code\":200}";
  }

  // ---- Prune's own cases ----

  @Test
  void aCutAnswerThatNamedTheTransactionGivesItsIdToTheResolution() {
    server.then(Reply.truncated(200, "application/json", TRANSACTION));

    PruneOutcomeUnknownException e = org.junit.jupiter.api.Assertions.assertThrows(
        PruneOutcomeUnknownException.class, this::pay);

    assertThat(e.transactionId()).isEqualTo("1001");
    assertThat(e.resolution()).contains("1001", "getTransactionStatus");
    assertSentAttempts(1);
  }

  @Test
  void aFailureEnvelopeWithAServerCodeInA200IsAnUnknownOutcomeNotAFailure() {
    server.then(Reply.json(200, "{\"status\":false,\"message\":\"Internal error\",\"code\":500}"));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(PruneOutcomeUnknownException.class);
    assertSentAttempts(1);
  }

  @Test
  void aFailureEnvelopeWithARefusalCodeIsTheRefusalUnderA4xxOr200() {
    server.then(Reply.json(200, "{\"status\":false,\"message\":\"Insufficient funds\",\"code\":400}"));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOfSatisfying(dev.paykit.core.InvalidRequestException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.providerCode()).contains("400");
      assertThat(e.providerMessage()).contains("Insufficient funds");
    });
    assertSentAttempts(1);
  }

  /**
   * Under HTTP 500/502/504 the server failed while the transfer may have been acted on: whatever code the
   * body names, a money call's outcome is unknown (its reference stays taken), the refusal readable as cause.
   */
  @Test
  void aRefusalCodeUnderAServerFailureIsStillAnUnknownOutcome() {
    server.then(Reply.json(500, "{\"status\":false,\"message\":\"Insufficient funds\",\"code\":400}"));

    Throwable thrown = catchAny(this::pay);

    assertThat(thrown).isInstanceOf(PruneOutcomeUnknownException.class);
    assertThat(lastFailure((PruneOutcomeUnknownException) thrown)).isInstanceOfSatisfying(
        dev.paykit.core.InvalidRequestException.class, e -> assertThat(e.providerMessage()).contains("Insufficient funds"));
    assertSentAttempts(1);
  }

  @Test
  void anAnswerAboutAnotherReferenceIsNotAResult() {
    server.then(Reply.json(202, TRANSACTION.replace("\"inv-1\"", "\"inv-9\"")));

    PruneOutcomeUnknownException e = org.junit.jupiter.api.Assertions.assertThrows(
        PruneOutcomeUnknownException.class, this::pay);

    assertThat(e.transactionId()).isNull(); // its id is another transfer's
  }
}
