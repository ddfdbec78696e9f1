package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.api.TransfersApi;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * {@link RequestOptions} on every call: the pipeline is the idempotency key's only owner (the caller's
 * from the options, or a new one, told back in the result), extra headers ride on every attempt, and
 * what the client manages itself cannot be set through them. Against the sandbox.
 */
class PrunnyRequestOptionsTest extends PrunnySandboxTestBase {

  private static final String TRANSFER = "/v1/transactions/singletransferwithbank";

  private static IntraBankTransferRequest rent(String referenceId) {
    return PrunnySafetyTest.pay(referenceId, ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_NAME, ACCOUNT_BABATUNDE,
        ACCOUNT_BABATUNDE_NAME, "2500.00");
  }

  @Test
  void theKeyInTheOptionsIsSentOnEveryAttemptAndNamedInTheResult() {
    sim.dropConnectionAfterProcessingNext(1);

    TransferResult r = client.transfers().intraBank(rent("rent-nov"), RequestOptions.builder()
        .idempotencyKey("order-501-rent").header("X-Trace-Id", "trace-7").build());

    assertThat(r.idempotencyKey()).isEqualTo("order-501-rent");
    HttpRequest[] attempts = sent(TRANSFER);
    assertThat(attempts).hasSize(2);
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("Idempotency-Key"))).containsOnly("order-501-rent");
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("X-Trace-Id"))).containsOnly("trace-7");
    assertThat(sim.transferCount()).isEqualTo(1);
    assertThat(keys.get()).isZero(); // no key was made for a call that brought its own
  }

  @Test
  void withoutAKeyTheResultNamesTheOneThePipelineMadeAndSent() {
    TransferResult r = client.transfers().intraBank(rent("rent-nov"));

    assertThat(r.idempotencyKey()).isEqualTo(key(1));
    assertThat(sent(TRANSFER)[0].getFirstHeader("Idempotency-Key")).isEqualTo(key(1));
  }

  @Test
  void optionsOfARefusedCallNeverReachTheNextCall() {
    IntraBankTransferRequest invalid = rent("rent-nov").amount(null);
    assertThatThrownBy(() -> client.transfers().intraBank(invalid, RequestOptions.builder()
        .idempotencyKey("order-9").header("X-Trace-Id", "t-9").build()))
        .isInstanceOf(ValidationException.class);

    client.api(TransfersApi.class).intraBankTransfer(null, rent("rent-dec"));

    HttpRequest[] attempts = sent(TRANSFER);
    assertThat(attempts).hasSize(1);
    assertThat(attempts[0].getFirstHeader("Idempotency-Key")).isEqualTo(key(1));
    assertThat(attempts[0].containsHeader("X-Trace-Id")).isFalse();
  }

  @Test
  void headersTheClientSetsOrTheSpecDescribesAreRefusedBeforeSending() {
    RequestOptions options = RequestOptions.builder().header("authorization", "Bearer other")
        .header("Idempotency-Key", "k-1").header("X-Request-Timestamp", "2026-01-01T00:00:00Z")
        .header("X-Trace-Id", "ok").build();

    assertThatThrownBy(() -> client.transfers().intraBank(rent("rent-nov"), options))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("headers.authorization", "reserved"),
                org.assertj.core.groups.Tuple.tuple("headers.Idempotency-Key", "reserved"),
                org.assertj.core.groups.Tuple.tuple("headers.X-Request-Timestamp", "reserved")));
    assertThat(sent(TRANSFER)).isEmpty();
  }

  @Test
  void aHeaderValueHttpCannotCarryIsAViolationNotAnUnknownOutcome() {
    RequestOptions options = RequestOptions.builder().header("X-Trace-Id", "a\r\nInjected: yes").build();

    assertThatThrownBy(() -> client.transfers().intraBank(rent("rent-nov"), options))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field).containsExactly("headers.X-Trace-Id");
          assertThat(e.getMessage()).doesNotContain("Injected");
        });
    assertThat(sent(TRANSFER)).isEmpty();
  }

  @Test
  void anInvalidKeyInTheOptionsIsNamedAndNothingIsSent() {
    assertThatThrownBy(() -> client.transfers().intraBank(rent("rent-nov"), RequestOptions.ofIdempotencyKey("bad key!")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field, Violation::rule)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("Idempotency-Key", "pattern"));
          assertThat(e.getMessage()).doesNotContain("bad key!");
        });
    assertThat(sent(TRANSFER)).isEmpty();
  }

  @Test
  void aKeyGivenAsArgumentAndInTheOptionsMustAgree() {
    TransfersApi api = client.api(TransfersApi.class);
    assertThatThrownBy(() -> dev.paykit.core.internal.CallReport.run(RequestOptions.ofIdempotencyKey("k-2"),
        () -> api.intraBankTransfer("k-1", rent("rent-nov"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("idempotencyKey", "conflict")));
    assertThat(sent(TRANSFER)).isEmpty();
  }

  @Test
  void aReadRefusesAKeyAndPrunnyRefusesAScope() {
    assertThatThrownBy(() -> client.transfers().status("TRX-1", RequestOptions.ofIdempotencyKey("k-1")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("idempotencyKey", "unsupported")));
    assertThatThrownBy(() -> client.transfers().intraBank(rent("rent-nov"),
        RequestOptions.builder().scope("acct_1").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("scope", "unsupported")));
    assertThat(sandbox.mockServer().retrieveRecordedRequests(null)).isEmpty();
  }

  @Test
  void aViewCarriesHeadersButNeverAKeyAndTheCallsOwnHeaderWins() {
    assertThatThrownBy(() -> client.withOptions(RequestOptions.ofIdempotencyKey("k-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to one call");
    PrunnyClient traced = client.withOptions(RequestOptions.builder().header("X-Trace-Id", "view")
        .header("X-Tenant", "t-1").build());

    traced.transfers().intraBank(rent("a"));
    traced.transfers().intraBank(rent("b"), RequestOptions.builder().header("x-trace-id", "call").build());

    HttpRequest[] attempts = sent(TRANSFER);
    assertThat(attempts[0].getFirstHeader("X-Trace-Id")).isEqualTo("view");
    assertThat(attempts[1].getHeader("X-Trace-Id")).containsExactly("call");
    assertThat(Arrays.stream(attempts).map(a -> a.getFirstHeader("X-Tenant"))).containsOnly("t-1");
  }

  @Test
  void nullOptionsAreAViolationNamingThem() {
    assertThatThrownBy(() -> client.transfers().intraBank(rent("a"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("options"));
    assertThatThrownBy(() -> client.withOptions(null)).isInstanceOf(ValidationException.class);
    assertThat(sent(TRANSFER)).isEmpty();
  }
}
