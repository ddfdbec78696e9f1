package dev.paykit.tests.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prune.PrunePage;
import dev.paykit.prune.model.IssuedAccount;
import dev.paykit.prune.model.IssuedCurrency;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-paging over issued accounts by {@code page} and {@code meta.total} (the core's page-number style),
 * against the sandbox with a small page size and accounts it issued on approval: every account once, in
 * order, pages asked for from 1 and no page past the total.
 */
class PrunePagingTest extends PruneSandboxTestBase {

  private void issue(int n) {
    for (int i = 0; i < n; i++) {
      String id = client.accountRequests().requestIndividual(PruneFixtures.individual().firstName("Person " + i)
          .build()).getId();
      sim.approveAccountRequest(id);
    }
  }

  @Test
  void everyIssuedAccountIsReadOncePageByPageUntilTheTotal() {
    issue(4); // 3 EUR fixtures + 4 = 7
    sim.pageSize(3);

    List<IssuedAccount> all = client.accounts().listAutoPaging(IssuedCurrency.EUR).stream().toList();

    assertThat(all).hasSize(7);
    assertThat(all).extracting(IssuedAccount::getId).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(a -> assertThat(a.getCurrency()).isEqualTo("EUR"));
    assertThat(Arrays.stream(sent("/v1/accounts")).map(r -> r.getFirstQueryStringParameter("page") + "/"
        + r.getFirstQueryStringParameter("currency"))).containsExactly("1/EUR", "2/EUR", "3/EUR");
  }

  @Test
  void aFullLastPageEndsAtTheTotalWithoutAnEmptyRequest() {
    sim.pageSize(3); // the 3 EUR fixtures: one full page

    assertThat(client.accounts().listAutoPaging(IssuedCurrency.EUR).stream().count()).isEqualTo(3);
    assertThat(sent("/v1/accounts")).hasSize(1);
  }

  @Test
  void onePageCarriesTheTotalOfTheWholeList() {
    issue(2);
    sim.pageSize(2);

    PrunePage<IssuedAccount> second = client.accounts().list(IssuedCurrency.EUR, 2);
    PrunePage<IssuedAccount> past = client.accounts().list(IssuedCurrency.EUR, 9);

    assertThat(second.items()).hasSize(2);
    assertThat(second.total()).isEqualTo(5L);
    assertThat(past.items()).isEmpty();
    assertThat(past.total()).isEqualTo(5L);
  }

  @Test
  void theGbpListIsItsOwn() {
    assertThat(client.accounts().listAutoPaging(IssuedCurrency.GBP).stream().map(IssuedAccount::getCurrency).toList())
        .containsExactly("GBP");
  }
}
