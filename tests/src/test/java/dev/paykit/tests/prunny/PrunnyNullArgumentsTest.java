package dev.paykit.tests.prunny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A null request is a ValidationException naming it, before a key is used or anything is sent. */
@ExtendWith(ScriptedServerExtension.class)
class PrunnyNullArgumentsTest {

  private RawServer server;
  private ScriptedPrunny prunny;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    prunny = new ScriptedPrunny(server.baseUrl());
  }

  private void assertRejected(ThrowingCallable call, String operation) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.violations()).singleElement().satisfies(v -> {
        assertThat(v.field()).isEqualTo("request");
        assertThat(v.rule()).isEqualTo("required");
      });
      assertThat(e.getMessage()).contains("request").contains("not sent");
      assertThat(e.operationId()).contains(operation);
    });
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aTransferWithoutARequest() {
    assertRejected(() -> prunny.client.transfers().intraBank(null), "intraBankTransfer");
    assertRejected(() -> prunny.client.transfers().interBank(null), "interBankTransfer");
  }

  @Test
  void aHoldWithoutARequest() {
    assertRejected(() -> prunny.client.funds().hold(null), "holdFunds");
  }

  @Test
  void aMandateWithoutARequest() {
    assertRejected(() -> prunny.client.mandates().create(null), "createMandate");
  }
}
