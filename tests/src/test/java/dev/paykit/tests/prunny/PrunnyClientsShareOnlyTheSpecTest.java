package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ApiException;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.model.Account;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * Clients of one provider share what is derived from the spec and the generated interfaces alone (the
 * parsed contract, the operation bindings, the normalisation plans, the JSON mapper, the JVM's TLS
 * defaults), built once per JVM; what is a client's own (its key, clock, timestamp header, redactor,
 * connection pool) stays its own. Three clients built one after another, against the sandbox: each
 * request carries its own client's configuration on the wire.
 */
class PrunnyClientsShareOnlyTheSpecTest extends PrunnySandboxTestBase {

  private static final String OTHER_KEY = "another-prunny-key-0042";

  @Test
  void clientsBuiltOneAfterAnotherEachSendTheirOwnKeyClockAndTimestampHeader() {
    MutableClock later = new MutableClock(START.plusSeconds(60));
    PrunnyClient other = clientBuilder().apiKey(OTHER_KEY).clock(later).timestampHeader("X-Other-Timestamp")
        .build();
    PrunnyClient second = clientBuilder().clock(later).build();

    Account first = client.accounts().get(ACCOUNT_ADAEZE);
    assertThatThrownBy(() -> other.accounts().get(ACCOUNT_ADAEZE)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.toString() + e.getMessage()).doesNotContain(OTHER_KEY)); // its own redactor
    Account again = second.accounts().get(ACCOUNT_ADAEZE);

    assertThat(first.getAccountName()).isEqualTo(ACCOUNT_ADAEZE_NAME);
    assertThat(again.getAccountNumber()).isEqualTo(first.getAccountNumber());
    HttpRequest[] sent = sent("/v1/accounts/" + ACCOUNT_ADAEZE);
    assertThat(sent).hasSize(3);
    assertThat(sent[0].getFirstHeader("Authorization")).isEqualTo("Bearer " + dev.paykit.sandbox.prunny.PrunnySimulator.API_KEY);
    assertThat(sent[0].getFirstHeader("X-Request-Timestamp")).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(sent[1].getFirstHeader("Authorization")).isEqualTo("Bearer " + OTHER_KEY);
    assertThat(sent[1].getFirstHeader("X-Other-Timestamp")).isEqualTo("2026-11-21T10:01:00.123Z");
    assertThat(sent[1].containsHeader("X-Request-Timestamp")).isFalse();
    assertThat(sent[2].getFirstHeader("Authorization")).isEqualTo("Bearer " + dev.paykit.sandbox.prunny.PrunnySimulator.API_KEY);
    assertThat(sent[2].getFirstHeader("X-Request-Timestamp")).isEqualTo("2026-11-21T10:01:00.123Z");
    other.close();
    second.close();
  }
}
