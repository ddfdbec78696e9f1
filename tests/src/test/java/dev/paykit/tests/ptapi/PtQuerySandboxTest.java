package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.ptapi.PtQuery;
import dev.paykit.ptapi.api.CardholdersApi.SearchCardholdersQueryParams;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import org.junit.jupiter.api.Test;

/** {@link PtQuery} against the sandbox's search: values with special characters find what they name, nothing more. */
class PtQuerySandboxTest extends PtApiSandboxTestBase {

  private java.util.List<String> search(PtQuery q) {
    return client.cardholders().search(PtApiSimulator.BUSINESS_REWARDS,
        new SearchCardholdersQueryParams().q(q.expression()).sortBy("asc(lastName)"))
        .getCardholders().stream().map(Cardholder::getCardholderId).toList();
  }

  @Test
  void namesWithSpacesQuotesAndHyphensAreFound() {
    assertThat(search(PtQuery.field("firstName", "Mary Ann").and(PtQuery.field("lastName", "O'Brien-Smith"))))
        .containsExactly(PtApiSimulator.CARDHOLDER_MARY_ANN);
    assertThat(search(PtQuery.phrase("firstName", "Mary Ann"))).containsExactly(PtApiSimulator.CARDHOLDER_MARY_ANN);
  }

  @Test
  void anInjectedExpressionIsOneValueThatMatchesNobody() {
    assertThat(search(PtQuery.field("firstName", "Joe"))).isNotEmpty();

    assertThat(search(PtQuery.field("firstName", "Joe OR firstName:*"))).isEmpty();
    assertThat(search(PtQuery.field("firstName", "*"))).isEmpty();
  }

  @Test
  void rangesAndNegationsSelectAsBuilt() {
    assertThat(search(PtQuery.field("firstName", "Joe").and(PtQuery.not(PtQuery.range("age", "20", "30")))))
        .containsExactly(PtApiSimulator.CARDHOLDER_JOE_BROWN);
  }
}
