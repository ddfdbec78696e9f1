package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.AutoPager;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.internal.PagingkitApi.Account;
import dev.paykit.core.internal.PagingkitApi.Refund;
import dev.paykit.core.testing.LoopbackServer;
import dev.paykit.core.testing.LoopbackServer.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code cursor} and {@code page} paging styles over real HTTP on loopback: every page is decoded
 * from JSON by the client's own decoder, and the exact query of every page is read back from the server.
 */
class PagingStylesTest {

  private LoopbackServer server;
  private LoopbackRuntime rt;
  private PagingkitApi api;

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    rt = new LoopbackRuntime("pagingkit", server.baseUrl());
    api = rt.api(PagingkitApi.class);
  }

  @AfterEach
  void stop() {
    rt.runtime.close();
    server.close();
  }

  private <R, T> AutoPager<T> pager(String operationId, Map<String, Object> query, Class<R> pageType,
      Function<Map<String, Object>, R> fetch) {
    return Paging.pager(rt.spec(), rt.mapper, operationId, query, pageType, fetch);
  }

  private AutoPager<Refund> refunds(Map<String, Object> query) {
    return pager("listRefunds", query, PagingkitApi.RefundPage.class, api::listRefunds);
  }

  private AutoPager<Refund> looseRefunds() {
    return pager("listRefunds", Map.of(), PagingkitApi.LooseRefundPage.class, api::listRefundsLoose);
  }

  private AutoPager<Account> accounts(Map<String, Object> query) {
    return pager("listAccounts", query, PagingkitApi.AccountPage.class, api::listAccounts);
  }

  private AutoPager<Account> looseAccounts() {
    return pager("listAccounts", Map.of("currency", "EUR"), PagingkitApi.LooseAccountPage.class,
        api::listAccountsLoose);
  }

  private static String refundsJson(String lastKey, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"amount\":100}");
    }
    return "{\"items\":[" + items + "]" + (lastKey == null ? "" : ",\"last_key\":" + lastKey) + "}";
  }

  private static String accountsJson(String meta, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
    }
    return "{\"data\":[" + items + "]" + (meta == null ? "" : ",\"meta\":" + meta) + "}";
  }

  private static Map<String, List<String>> query(String... pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return out;
  }

  private List<Map<String, List<String>>> queriesSent() {
    return server.requests().stream().map(LoopbackServer.Request::query).toList();
  }

  /** The items an iteration yields before it fails, and its failure. */
  private static <T> List<T> until(AutoPager<T> pager, List<Throwable> failure) {
    List<T> seen = new ArrayList<>();
    Iterator<T> it = pager.iterator();
    try {
      while (it.hasNext()) {
        seen.add(it.next());
      }
    } catch (RuntimeException e) {
      failure.add(e);
    }
    return seen;
  }

  // ---- cursor (Paypercut: limit + last_key, answer {items, last_key}) ----

  @Test
  void cursorWalksByTheReturnedKeyWithTheFiltersAndTheDefaultLimitOnEveryPage() {
    server.then(Reply.json(200, refundsJson("\"k1+/=\"", "r1", "r2")),
        Reply.json(200, refundsJson("\"k2\"", "r3", "r4")),
        Reply.json(200, refundsJson("null", "r5")));

    List<String> ids = refunds(Map.of("status", "succeeded", "currency", "EUR")).stream().map(Refund::id).toList();

    assertThat(ids).containsExactly("r1", "r2", "r3", "r4", "r5");
    assertThat(queriesSent()).containsExactly(
        query("currency", "EUR", "limit", "2", "status", "succeeded"),
        query("currency", "EUR", "last_key", "k1+/=", "limit", "2", "status", "succeeded"),
        query("currency", "EUR", "last_key", "k2", "limit", "2", "status", "succeeded"));
    // the opaque key's '+' is escaped: a provider reading the query as a form would take a bare '+' for a space
    assertThat(server.requests().get(1).rawQuery()).doesNotContain("+").contains("last_key=k1%2B");
    assertThat(server.requests()).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/v1/refunds");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + LoopbackRuntime.API_KEY);
    });
  }

  @Test
  void cursorKeepsTheCallersLimitAndStartsFromTheCallersKey() {
    server.then(Reply.json(200, refundsJson("\"k9\"", "r7")), Reply.json(200, refundsJson(null, "r8")));

    assertThat(refunds(Map.of("limit", 5, "last_key", "k6")).stream().map(Refund::id)).containsExactly("r7", "r8");

    assertThat(queriesSent()).containsExactly(query("last_key", "k6", "limit", "5"), query("last_key", "k9", "limit", "5"));
  }

  @Test
  void cursorEndsOnAMissingOrEmptyKeyWithoutAnotherRequest() {
    server.then(Reply.json(200, refundsJson(null, "r1")));
    assertThat(refunds(Map.of()).stream().map(Refund::id)).containsExactly("r1");
    server.then(Reply.json(200, refundsJson("\"\"", "r2")));
    assertThat(refunds(Map.of()).stream().map(Refund::id)).containsExactly("r2");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void cursorEndsWhenTheProviderHandsBackAKeyAlreadySent() {
    server.then(Reply.json(200, refundsJson("\"k1\"", "r1")), Reply.json(200, refundsJson("\"k1\"", "r2")),
        Reply.json(200, refundsJson(null, "never")));

    assertThat(refunds(Map.of()).stream().map(Refund::id)).containsExactly("r1", "r2");

    assertThat(server.requests()).hasSize(2);
    assertThat(server.unusedReplies()).isEqualTo(1);
  }

  @Test
  void aProviderThatIgnoresTheCursorIsAnUnusableAnswerNotAnEndlessWalk() {
    // a fresh key on every page, but always the same items: without the guard this never ends
    server.then(Reply.json(200, refundsJson("\"k1\"", "r1", "r2")), Reply.json(200, refundsJson("\"k2\"", "r1", "r2")),
        Reply.json(200, refundsJson("\"k3\"", "r1", "r2")));

    List<Throwable> failure = new ArrayList<>();
    List<Refund> seen = until(refunds(Map.of()), failure);

    assertThat(seen).extracting(Refund::id).containsExactly("r1", "r2");
    assertThat(failure).singleElement().isInstanceOf(UnexpectedResponseException.class)
        .satisfies(e -> assertThat(((UnexpectedResponseException) e).providerMessage().orElseThrow())
            .contains("repeats the items of a page already read"));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aCursorThatIsNotAStringIsATypedUnusableAnswerWhosePageIsNotHandedOutAndRepeatsNoValue() {
    for (String bad : List.of("{\"lastId\":\"SECRETISH\"}", "[\"SECRETISH\"]", "true", "4242")) {
      server.then(Reply.json(200, refundsJson("\"k1\"", "r1")), Reply.json(200, refundsJson(bad, "r2")));
      List<Throwable> failure = new ArrayList<>();

      assertThat(until(looseRefunds(), failure)).extracting(Refund::id).as(bad).containsExactly("r1");

      assertThat(failure).as(bad).singleElement().isInstanceOf(UnexpectedResponseException.class);
      UnexpectedResponseException e = (UnexpectedResponseException) failure.get(0);
      assertThat(e.getMessage()).contains("last_key is not a string").doesNotContain("SECRETISH", "4242");
      assertThat(e.operationId()).contains("listRefunds");
    }
    assertThat(server.requests()).hasSize(8);
  }

  @Test
  void hasMoreFalseEndsEvenWithAKeyAndHasMoreWithoutAKeyOrNotABooleanIsUnusable() {
    Function<Map<String, Object>, PagingkitApi.IntentPage> fetch = api::listIntents;
    server.then(Reply.json(200, "{\"data\":[\"a\"],\"has_more\":true,\"cursor\":{\"next\":\"c1\"}}"),
        Reply.json(200, "{\"data\":[\"b\"],\"has_more\":false,\"cursor\":{\"next\":\"c2\"}}"));
    assertThat(pager("listIntents", Map.of(), PagingkitApi.IntentPage.class, fetch).stream())
        .containsExactly("a", "b");
    // no default limit documented: its maximum is asked for
    assertThat(queriesSent()).containsExactly(query("limit", "10"), query("limit", "10", "starting_after", "c1"));

    for (String answer : List.of("{\"data\":[\"b\"],\"has_more\":true}",
        "{\"data\":[\"b\"],\"has_more\":\"yes\",\"cursor\":{\"next\":\"c2\"}}")) {
      server.then(Reply.json(200, "{\"data\":[\"a\"],\"has_more\":true,\"cursor\":{\"next\":\"c1\"}}"),
          Reply.json(200, answer));
      List<Throwable> failure = new ArrayList<>();
      assertThat(until(pager("listIntents", Map.of(), PagingkitApi.IntentPage.class, fetch), failure))
          .as(answer).containsExactly("a");
      assertThat(failure).as(answer).singleElement().isInstanceOf(UnexpectedResponseException.class);
    }
    assertThat(server.requests()).hasSize(6);
  }

  // ---- page (Prune: page, answer {data, meta: {total}}) ----

  @Test
  void pageNumbersRunUntilTheItemsSeenReachTheTotalWithTheFiltersOnEveryPageAndEachIterationStartsAfresh() {
    for (int walk = 0; walk < 2; walk++) {
      server.then(Reply.json(200, accountsJson("{\"total\":5}", "a1", "a2")),
          Reply.json(200, accountsJson("{\"total\":5}", "a3", "a4")),
          Reply.json(200, accountsJson("{\"total\":5}", "a5")));
    }
    AutoPager<Account> pager = accounts(Map.of("currency", "EUR"));

    assertThat(pager.stream().map(Account::id)).containsExactly("a1", "a2", "a3", "a4", "a5");
    assertThat(pager.stream().map(Account::id)).containsExactly("a1", "a2", "a3", "a4", "a5");

    Map<String, List<String>> p1 = query("currency", "EUR", "page", "1");
    Map<String, List<String>> p2 = query("currency", "EUR", "page", "2");
    Map<String, List<String>> p3 = query("currency", "EUR", "page", "3");
    assertThat(queriesSent()).containsExactly(p1, p2, p3, p1, p2, p3); // no empty page asked for after the total
  }

  @Test
  void aTotalThatGrowsMidWalkIsReadToItsNewEndAndOneThatShrinksEndsEarlier() {
    server.then(Reply.json(200, accountsJson("{\"total\":4}", "a1", "a2")),
        Reply.json(200, accountsJson("{\"total\":6}", "a3", "a4")),
        Reply.json(200, accountsJson("{\"total\":6}", "a5", "a6")));
    assertThat(accounts(Map.of("currency", "EUR")).stream().map(Account::id))
        .containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
    assertThat(server.requests()).hasSize(3);

    server.then(Reply.json(200, accountsJson("{\"total\":6}", "b1", "b2")),
        Reply.json(200, accountsJson("{\"total\":4}", "b3", "b4")),
        Reply.json(200, accountsJson("{\"total\":4}", "never")));
    assertThat(accounts(Map.of("currency", "GBP")).stream().map(Account::id)).containsExactly("b1", "b2", "b3", "b4");
    assertThat(server.requests()).hasSize(5);
    assertThat(server.unusedReplies()).isEqualTo(1);
  }

  @Test
  void anEmptyPageEndsTheWalkEvenWhenTheTotalPromisedMore() {
    server.then(Reply.json(200, accountsJson("{\"total\":9}", "a1", "a2")), Reply.json(200, accountsJson("{\"total\":9}")));

    assertThat(accounts(Map.of("currency", "EUR")).stream().map(Account::id)).containsExactly("a1", "a2");

    assertThat(queriesSent()).containsExactly(query("currency", "EUR", "page", "1"), query("currency", "EUR", "page", "2"));
  }

  @Test
  void withoutATotalOnlyAnEmptyPageEndsAndAPageWithoutOneKeepsTheLastKnown() {
    server.then(Reply.json(200, accountsJson(null, "a1", "a2")), Reply.json(200, accountsJson(null, "a3")),
        Reply.json(200, accountsJson(null)));
    assertThat(accounts(Map.of("currency", "EUR")).stream().map(Account::id)).containsExactly("a1", "a2", "a3");
    assertThat(server.requests()).hasSize(3);

    server.then(Reply.json(200, accountsJson("{\"total\":3}", "b1", "b2")), Reply.json(200, accountsJson("{}", "b3")),
        Reply.json(200, accountsJson(null, "never")));
    assertThat(accounts(Map.of("currency", "EUR")).stream().map(Account::id)).containsExactly("b1", "b2", "b3");
    assertThat(server.requests()).hasSize(5);
  }

  @Test
  void aProviderThatKeepsAnsweringTheSamePageIsAnUnusableAnswerNotDuplicatesOrAnEndlessWalk() {
    server.then(Reply.json(200, accountsJson("{\"total\":1000000}", "a1", "a2")),
        Reply.json(200, accountsJson("{\"total\":1000000}", "a1", "a2")),
        Reply.json(200, accountsJson("{\"total\":1000000}", "a1", "a2")));

    List<Throwable> failure = new ArrayList<>();
    List<Account> seen = until(accounts(Map.of("currency", "EUR")), failure);

    assertThat(seen).extracting(Account::id).containsExactly("a1", "a2");
    assertThat(failure).singleElement().isInstanceOf(UnexpectedResponseException.class);
    assertThat(((UnexpectedResponseException) failure.get(0)).providerMessage().orElseThrow())
        .isEqualTo("page 2 repeats the items of a page already read (the provider ignores the paging parameter),"
            + " so the rest of the list cannot be read");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aTotalThatIsNotACountIsATypedUnusableAnswerWhosePageIsNotHandedOutAndRepeatsNoValue() {
    for (String meta : List.of("{\"total\":\"77777\"}", "{\"total\":-3}", "{\"total\":2.5}",
        "{\"total\":{\"n\":77777}}", "{\"total\":123456789012345678901234567890}")) {
      server.then(Reply.json(200, accountsJson("{\"total\":5}", "a1")), Reply.json(200, accountsJson(meta, "a2")));
      List<Throwable> failure = new ArrayList<>();

      assertThat(until(looseAccounts(), failure)).as(meta).extracting(Account::id).containsExactly("a1");

      assertThat(failure).as(meta).singleElement().isInstanceOf(UnexpectedResponseException.class);
      assertThat(failure.get(0).getMessage()).contains("meta.total is not a count of items")
          .doesNotContain("77777", "-3", "2.5", "1234567890");
    }
  }

  @Test
  void aWalkFromTheCallersPageCountsTheEarlierPagesAsFull() {
    server.then(Reply.json(200, accountsJson("{\"total\":6}", "a5", "a6")), Reply.json(200, accountsJson("{\"total\":6}", "never")));

    assertThat(accounts(Map.of("currency", "GBP", "page", 3)).stream().map(Account::id)).containsExactly("a5", "a6");

    assertThat(queriesSent()).containsExactly(query("currency", "GBP", "page", "3"));
  }

  @Test
  void aCallersPageThatIsNotANumberIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> accounts(Map.of("currency", "EUR", "page", "two")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("page type"))
        .hasMessageNotContaining("two");
    assertThat(server.requests()).isEmpty();
  }
}
