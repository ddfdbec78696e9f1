package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.tests.shared.OutcomeSafetySuite;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.RawServer.Request;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outcome safety for PT: the money call is a card load from the master funds account, which has no
 * idempotency key and is never repeated once it may have reached PT; its referenceId is what the unknown
 * outcome names. The client logs in first: {@link #connect} scripts the login's answer and logs in, so the
 * suite's scripted answers all go to the calls it makes.
 */
class PtApiOutcomeSafetyTest extends OutcomeSafetySuite {

  static final String KEY = "pt-outcome-subscription-key-0001";
  static final String PASSWORD = "pt-outcome-password-1";
  static final String SESSION = "{\"sessionId\":\"S-outcome-1\",\"customerId\":\"200001\"}";
  static final String LOAD_PATH = "/_ah/api/cardendpoint/v1/loadCard";
  static final String BUSINESSES_PATH = "/_ah/api/customerendpoint/v1/getCustomerListByParent";
  static final String BUSINESSES = "{\"customers\":[{\"customerId\":\"200001\",\"name\":\"Rewards\"}]}";
  private static final Pattern REFERENCE = Pattern.compile("\"referenceId\":\"([^\"]*)\"");
  /** The body the client writes, in the generated model's order, with the session id last (as PtApiWireTest). */
  static final String BODY =
      "{\"proxyKey\":\"PK1\",\"amount\":25.00,\"referenceId\":\"ref-1\",\"sessionId\":\"S-outcome-1\"}";
  static final String LOADED = "{\"transactionId\":\"T-1\",\"referenceId\":\"ref-1\",\"type\":\"load\","
      + "\"proxyKey\":\"PK1\",\"amount\":25.00,\"cardBalance\":75.00,\"masterFundsBalance\":9975.00}";

  private PtApiClient client;

  static PtApiClient.Builder builder(String baseUrl) {
    return PtApiClient.builder().baseUrl(baseUrl).subscriptionKey(KEY).loginId("outcome-user").password(PASSWORD);
  }

  @Override
  protected String provider() {
    return "ptapi";
  }

  @Override
  protected boolean repeatsTheMoneyCall() {
    return false;
  }

  @Override
  protected void connect(String baseUrl, RetryPolicy policy, HttpOptions options, boolean wireLogging) {
    client = builder(baseUrl).clock(clock).retryPolicy(policy).httpOptions(options).wireLogging(wireLogging).build();
    server.then(Reply.json(200, SESSION));
    assertThat(client.loginCustomerId()).isEqualTo("200001");
  }

  @Override
  protected Object pay() {
    return client.cards().load(new LoadRequest().proxyKey("PK1").amount(new BigDecimal("25.00")).referenceId("ref-1"));
  }

  @Override
  protected String payPath() {
    return LOAD_PATH;
  }

  @Override
  protected String paySuccessBody() {
    return LOADED;
  }

  @Override
  protected String expectedPayBody() {
    return BODY;
  }

  @Override
  protected String keyOf(Request attempt) {
    assertThat(attempt.headerValues("Idempotency-Key")).isEmpty(); // PT has none
    Matcher m = REFERENCE.matcher(attempt.bodyText());
    return m.find() ? m.group(1) : null;
  }

  @Override
  protected String expectedKey() {
    return "ref-1";
  }

  @Override
  protected void assertPaid(Object result) {
    assertThat(result).isInstanceOfSatisfying(LoadTransaction.class, t -> {
      assertThat(t.getTransactionId()).isEqualTo("T-1");
      assertThat(t.getReferenceId()).isEqualTo("ref-1");
      assertThat(t.getAmount()).isEqualTo(new BigDecimal("25.00"));
    });
  }

  @Override
  protected void assertResolvable(OutcomeUnknownException e) {
    assertThat(e.reference()).isEqualTo("ref-1");
    assertThat(e.idempotencyKey()).isNull();
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
    assertThat(e.resolution()).contains("getLoadHistory");
    assertThat(e.getMessage()).contains("ref-1").contains("may have been processed")
        .doesNotContain(KEY).doesNotContain(PASSWORD).doesNotContain("S-outcome-1");
    assertThat(e.provider()).isEqualTo("ptapi");
    assertThat(e.operationId()).contains("loadCard");
  }

  @Override
  protected String errorBody(int status) {
    return "{\"code\":" + status + ",\"message\":\"scripted error " + status + "\"}";
  }

  @Override
  protected Object read() {
    return client.hierarchy().businesses();
  }

  @Override
  protected String readPath() {
    return BUSINESSES_PATH;
  }

  @Override
  protected String readSuccessBody() {
    return BUSINESSES;
  }
}
