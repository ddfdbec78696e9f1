package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.BVN_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.CUSTOMER_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.STATEMENT_ENTRIES_ADAEZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prunny.model.Account;
import dev.paykit.prunny.model.Customer;
import dev.paykit.prunny.model.StatementPage;
import dev.paykit.prunny.model.StatementTransaction;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.ScriptedServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Paging follows _links.next with its signature across several pages; _meta totals are readable. */
class PrunnyPagingTest extends PrunnySandboxTestBase {

  private static final String STATEMENT = "/v1/transactions/" + ACCOUNT_ADAEZE + "/statement";

  @Test
  void aStatementIsReadAcrossPagesByFollowingNextLinks() {
    List<StatementTransaction> lines = client.accounts()
        .statementAutoPaging(ACCOUNT_ADAEZE, null, null, 10).stream().toList();

    assertThat(lines).hasSize(STATEMENT_ENTRIES_ADAEZE);
    assertThat(lines).extracting(StatementTransaction::getReferenceId).doesNotHaveDuplicates();
    HttpRequest[] pages = sent(STATEMENT);
    assertThat(pages).hasSize(3);
    assertThat(pages[0].getFirstQueryStringParameter("page")).isEmpty();
    assertThat(pages[0].getFirstQueryStringParameter("limit")).isEqualTo("10");
    assertThat(pages[1].getFirstQueryStringParameter("page")).isEqualTo("2");
    assertThat(pages[2].getFirstQueryStringParameter("page")).isEqualTo("3");
    assertThat(pages[1].getFirstQueryStringParameter("signature")).matches("[0-9a-f]{64}");
    assertThat(pages[2].getFirstQueryStringParameter("signature"))
        .isEqualTo(pages[1].getFirstQueryStringParameter("signature"));
  }

  @Test
  void aFirstPageShowsTheTotals() {
    StatementPage first = client.accounts().statement(ACCOUNT_ADAEZE, null, null, 1, 10);

    assertThat(first.getMeta().getTotalNumberOfRecords()).isEqualTo(STATEMENT_ENTRIES_ADAEZE);
    assertThat(first.getMeta().getTotalNumberOfPages()).isEqualTo(3);
    assertThat(first.getMeta().getPageNumber()).isEqualTo(1);
    assertThat(first.getLinks()).extracting(l -> l.getRel()).contains("next").doesNotContain("prev");
  }

  @Test
  void aDateRangeIsKeptOnEveryPage() {
    LocalDate from = LocalDate.of(2026, 9, 1);
    LocalDate to = LocalDate.of(2026, 9, 15);
    List<StatementTransaction> lines = client.accounts().statementAutoPaging(ACCOUNT_ADAEZE, from, to, 5).stream().toList();

    assertThat(lines).isNotEmpty().hasSizeLessThan(STATEMENT_ENTRIES_ADAEZE);
    assertThat(sent(STATEMENT)).hasSizeGreaterThan(1);
    for (HttpRequest page : sent(STATEMENT)) {
      assertThat(page.getFirstQueryStringParameter("from")).isEqualTo("01092026");
      assertThat(page.getFirstQueryStringParameter("to")).isEqualTo("15092026");
    }
  }

  @Test
  void accountsAndCustomersPageToo() {
    List<Account> accounts = client.accounts().listAutoPaging(CUSTOMER_ADAEZE).stream().toList();
    List<Customer> sameBvn = client.customers().listByBvnAutoPaging(BVN_ADAEZE).stream().toList();

    assertThat(accounts).extracting(Account::getCustomerId).containsOnly(CUSTOMER_ADAEZE).hasSize(2);
    assertThat(sameBvn).hasSize(2);
    assertThat(sent("/v1/accounts")[0].getFirstHeader("customerId")).isEqualTo(CUSTOMER_ADAEZE);
  }

  /**
   * A next link that is not a URI (or has a broken percent-escape) is an answer the client cannot use: a
   * typed {@link dev.paykit.core.UnexpectedResponseException}, not a raw {@code IllegalArgumentException}
   * from {@code URI.create} in the middle of the caller's loop.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"http://x/ y?page=2", "/v1/accounts?page=%zz"})
  void aNextLinkThatIsNotAUriIsATypedUnusableAnswer(String href, ScriptedServer scripted) {
    RawServer raw = scripted.raw();
    raw.then(RawServer.Reply.json(200, "{\"status\":\"00\",\"responseData\":"
        + "[{\"accountNumber\":\"0123456789\"}],\"_links\":[{\"rel\":\"next\",\"href\":\"" + href + "\"}]}"));
    var pager = clientBuilder().baseUrl(raw.baseUrl()).build().accounts().listAutoPaging(CUSTOMER_ADAEZE);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> pager.stream().toList())
        .isInstanceOfSatisfying(dev.paykit.core.UnexpectedResponseException.class, e -> {
          assertThat(e.getMessage()).contains("next link is not a valid URI").doesNotContain(href);
          assertThat(e.operationId()).contains("listAccounts");
        });
    assertThat(raw.requests()).hasSize(1);
  }

  /**
   * The page signature may be up to 255 characters (the spec's maxLength) and, being opaque, may hold
   * {@code +} or {@code /}. Validation checks the value the provider gets, not its percent-encoded form:
   * a 250-character signature with a few {@code +} used to be rejected mid-walk as longer than 255.
   */
  @Test
  void aLongPageSignatureWithReservedCharactersIsFollowedAsSent(ScriptedServer scripted) {
    String signature = "a+b/".repeat(62) + "cd";
    RawServer raw = scripted.raw();
    raw.then(RawServer.Reply.json(200, "{\"status\":\"00\",\"responseData\":"
            + "[{\"accountNumber\":\"0123456789\"}],\"_links\":[{\"rel\":\"next\",\"href\":"
            + "\"/v1/accounts?page=2&signature=" + java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8)
            + "\"}]}"),
        RawServer.Reply.json(200, "{\"status\":\"00\",\"responseData\":"
            + "[{\"accountNumber\":\"0987654321\"}]}"));

    List<Account> accounts = clientBuilder().baseUrl(raw.baseUrl()).build().accounts()
        .listAutoPaging(CUSTOMER_ADAEZE).stream().toList();

    assertThat(accounts).extracting(Account::getAccountNumber).containsExactly("0123456789", "0987654321");
    String query = raw.requests().get(1).target().substring(raw.requests().get(1).target().indexOf('?') + 1);
    assertThat(java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("signature="))
        .map(p -> java.net.URLDecoder.decode(p.substring(10).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)))
        .containsExactly(signature);
  }
}
