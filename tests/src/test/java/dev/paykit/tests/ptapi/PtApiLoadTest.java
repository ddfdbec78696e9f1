package dev.paykit.tests.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.BUSINESS_REWARDS;
import static dev.paykit.sandbox.ptapi.PtApiSimulator.CARD_JOE_SMITH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.ptapi.PtApiFailedPreconditionException;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Loads from the master funds account: funded, refused above it, never repeated once they may have been booked. */
class PtApiLoadTest extends PtApiSandboxTestBase {

  private static LoadRequest load(String amount, String reference) {
    return new LoadRequest().proxyKey(CARD_JOE_SMITH).amount(new BigDecimal(amount)).referenceId(reference);
  }

  @Test
  void aLoadIsFundedFromTheMasterFundsAccount() {
    BigDecimal master = sim.masterFundsBalance(BUSINESS_REWARDS);
    BigDecimal card = sim.cardBalance(CARD_JOE_SMITH);

    LoadTransaction t = client.cards().load(load("25.00", "load-funded-1"));

    assertThat(t.getReferenceId()).isEqualTo("load-funded-1");
    assertThat(t.getAmount()).isEqualByComparingTo("25.00");
    assertThat(sim.masterFundsBalance(BUSINESS_REWARDS)).isEqualByComparingTo(master.subtract(new BigDecimal("25.00")));
    assertThat(sim.cardBalance(CARD_JOE_SMITH)).isEqualByComparingTo(card.add(new BigDecimal("25.00")));
    assertThat(body(sent(LOAD)[0]).path("amount").decimalValue()).isEqualByComparingTo("25.00");
  }

  @Test
  void aLoadAboveTheMasterFundsBalanceIsRefusedAndMovesNothing() {
    sim.masterFundsBalance(BUSINESS_REWARDS, new BigDecimal("10.00"));
    BigDecimal card = sim.cardBalance(CARD_JOE_SMITH);

    assertThatThrownBy(() -> client.cards().load(load("10.01", "load-above-1")))
        .isInstanceOf(PtApiFailedPreconditionException.class)
        .satisfies(e -> assertThat(((PtApiFailedPreconditionException) e).ptCode())
            .isEqualTo(PtApiSimulator.INSUFFICIENT_MASTER_FUNDS_CODE));

    assertThat(sim.masterFundsBalance(BUSINESS_REWARDS)).isEqualByComparingTo("10.00");
    assertThat(sim.cardBalance(CARD_JOE_SMITH)).isEqualByComparingTo(card);
    assertThat(sim.transactions()).isEmpty();
    client.cards().load(load("10.00", "load-exact-1")); // the whole balance may be loaded
    assertThat(sim.masterFundsBalance(BUSINESS_REWARDS)).isEqualByComparingTo("0.00");
  }

  @Test
  void aLoadWhoseAnswerIsLostIsAnUnknownOutcomeNamingItsReferenceAndIsNotRepeated() {
    sim.dropConnectionAfterNextLoads(1);

    assertThatThrownBy(() -> client.cards().load(load("30.00", "load-lost-1")))
        .isInstanceOf(OutcomeUnknownException.class)
        .satisfies(e -> {
          OutcomeUnknownException u = (OutcomeUnknownException) e;
          assertThat(u.reference()).isEqualTo("load-lost-1");
          assertThat(u.requestMayHaveBeenProcessed()).isTrue();
          assertThat(u.resolution()).contains("getLoadHistory");
        });

    assertThat(sent(LOAD)).hasSize(1);
    assertThat(sim.transactions()).extracting(PtApiSimulator.Transaction::referenceId).containsExactly("load-lost-1");
    assertThat(client.cards().loadHistory(CARD_JOE_SMITH, 10, 0).getTransactions())
        .extracting(LoadTransaction::getReferenceId).contains("load-lost-1");
  }

  @Test
  void aLoadRefusedForAnExpiredSessionIsMadeOnceAfterANewLogin() {
    client.hierarchy().businesses();
    sim.expireSessions();

    LoadTransaction t = client.cards().load(load("5.00", "load-after-expiry-1"));

    assertThat(t.getReferenceId()).isEqualTo("load-after-expiry-1");
    assertThat(sent(LOAD)).hasSize(2); // refused with 401001 (nothing booked), then made
    assertThat(sim.transactions()).hasSize(1);
    assertThat(sim.loginCount()).isEqualTo(2);
  }
}
