package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.ptapi.CardSearch;
import dev.paykit.ptapi.CardholderSearch;
import dev.paykit.ptapi.PtSort;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import org.junit.jupiter.api.Test;

/**
 * {@link PtSort} renders {@code sort_by} as the wiki writes it and refuses anything but a field name; a
 * search's out-of-range paging is refused by the spec's checks before anything is sent, naming the field.
 */
class PtSortAndSearchTest extends PtApiSandboxTestBase {

  @Test
  void sortKeysAreRenderedInOrder() {
    assertThat(PtSort.asc("lastName").expression()).isEqualTo("asc(lastName)");
    assertThat(PtSort.desc("last_modified").thenAsc("email").thenDesc("age").expression())
        .isEqualTo("desc(last_modified),asc(email),desc(age)");
    assertThat(PtSort.asc("a").thenDesc("b")).isEqualTo(PtSort.asc("a").thenDesc("b"))
        .isNotEqualTo(PtSort.asc("a").thenAsc("b"));
  }

  @Test
  void anythingButAFieldNameIsRefused() {
    for (String bad : new String[] {"", "last name", "age),desc(x", "1st", "a-b", "email,asc"}) {
      assertThatThrownBy(() -> PtSort.asc(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sort field");
      assertThatThrownBy(() -> PtSort.asc("ok").thenDesc(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PtSort.desc(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outOfRangePagingIsRefusedBeforeSendingNamingEachField() {
    assertThatThrownBy(() -> client.cards().search(CardSearch.builder().customerId(PtApiSimulator.BUSINESS_REWARDS)
        .limit(0).offset(-1).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit").hasMessageContaining("offset");
    assertThatThrownBy(() -> client.forBusiness(PtApiSimulator.BUSINESS_REWARDS).cardholders()
        .search(CardholderSearch.builder().limit(101).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
    assertThat(sent(LOGIN)).isEmpty();
  }
}
