package dev.paykit.tests.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.BUSINESS_REWARDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.DeclinedException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.ptapi.PtApiAccountFraudException;
import dev.paykit.ptapi.PtApiCardholderNotActiveException;
import dev.paykit.ptapi.PtApiChargedOffException;
import dev.paykit.ptapi.PtApiFailure;
import dev.paykit.ptapi.PtApiInvalidQueryException;
import dev.paykit.ptapi.PtApiOutOfRangeException;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PT's numeric codes as typed exceptions, read from either likely body shape. */
class PtApiErrorsTest extends PtApiSandboxTestBase {

  private static LoadRequest load(String card, String amount, String reference) {
    return new LoadRequest().proxyKey(card).amount(new BigDecimal(amount)).referenceId(reference);
  }

  private static int code(Throwable e) {
    return ((PtApiFailure) e).ptCode();
  }

  @ParameterizedTest
  @ValueSource(strings = {"code", "errorCode"})
  void accountStateCodesAreTypedDeclines(String codeField) {
    sim.errorCodeField(codeField);

    assertThatThrownBy(() -> client.cards().load(load(PtApiSimulator.CARD_FRAUD, "1.00", "e-fraud")))
        .isInstanceOf(PtApiAccountFraudException.class).isInstanceOf(DeclinedException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(402002))
        .satisfies(e -> assertThat(((PtApiAccountFraudException) e).httpStatus()).isEqualTo(402));
    assertThatThrownBy(() -> client.cards().load(load(PtApiSimulator.CARD_CHARGED_OFF, "1.00", "e-charged")))
        .isInstanceOf(PtApiChargedOffException.class).satisfies(e -> assertThat(code(e)).isEqualTo(402003));
    assertThatThrownBy(() -> client.cards().load(load(PtApiSimulator.CARD_OF_INACTIVE_CARDHOLDER, "1.00", "e-inactive")))
        .isInstanceOf(PtApiCardholderNotActiveException.class).satisfies(e -> assertThat(code(e)).isEqualTo(402004));
    assertThat(sim.transactions()).isEmpty();
  }

  @Test
  void anUnloadAboveTheBalanceIsOutOfRange() {
    BigDecimal balance = sim.cardBalance(PtApiSimulator.CARD_JOE_SMITH);

    assertThatThrownBy(() -> client.cards().unload(load(PtApiSimulator.CARD_JOE_SMITH,
        balance.add(new BigDecimal("0.01")).toPlainString(), "e-unload")))
        .isInstanceOf(PtApiOutOfRangeException.class).isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(400005))
        .hasMessageContaining("out of range");
    assertThat(sim.cardBalance(PtApiSimulator.CARD_JOE_SMITH)).isEqualByComparingTo(balance);
  }

  @Test
  void aQueryThatDoesNotParseIsInvalidQuery() {
    assertThatThrownBy(() -> client.cardholders().search(BUSINESS_REWARDS,
        new CardholdersApi.SearchCardholdersQueryParams().q("firstName:(joe")))
        .isInstanceOf(PtApiInvalidQueryException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(400001));
  }

  @Test
  void anUnknownErrorShapeStillGivesTheStatusesException() {
    client.hierarchy().businesses();
    sim.failNext(1, 403);

    assertThatThrownBy(() -> client.hierarchy().businesses())
        .isInstanceOf(dev.paykit.core.PermissionException.class)
        .isNotInstanceOf(PtApiFailure.class);
  }
}
