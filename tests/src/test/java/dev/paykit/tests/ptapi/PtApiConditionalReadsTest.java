package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.ptapi.CardSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.Card;
import dev.paykit.ptapi.model.CardPage;
import dev.paykit.ptapi.model.CardStatus;
import dev.paykit.ptapi.model.CustomerList;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.ProgramList;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.LogEventRequestAndResponse;

/**
 * Conditional reads against the PT simulator, which answers its reads with an ETag of their bytes and a 304
 * without a body when {@code If-None-Match} names it: what reached the sandbox ({@code If-None-Match} and
 * its value), what it answered (200 or 304), and that the client handed back equal data, decoded afresh.
 */
class PtApiConditionalReadsTest extends PtApiSandboxTestBase {

  static final String PROGRAMS = "/_ah/api/customerendpoint/v1/getCustomerProgramList";
  static final String SEARCH_CARDS = "/_ah/api/cardendpoint/v1/searchCards";

  private LogEventRequestAndResponse[] exchanges(String path) {
    return sandbox.mockServer().retrieveRecordedRequestsAndResponses(
        request().withPath(PtApiSimulator.PATH_PREFIX + path));
  }

  private static List<Integer> statuses(LogEventRequestAndResponse[] exchanges) {
    return Arrays.stream(exchanges).map(e -> e.getHttpResponse().getStatusCode()).toList();
  }

  private static String ifNoneMatch(HttpRequest r) {
    return r.getFirstHeader("If-None-Match");
  }

  @Test
  void aRepeatedReadSendsTheETagAndThe304GivesEqualDataAsAFreshObject() {
    CustomerList first = client.hierarchy().businesses();
    CustomerList second = client.hierarchy().businesses();

    LogEventRequestAndResponse[] sent = exchanges(BUSINESSES);
    assertThat(sent).hasSize(2);
    String etag = sent[0].getHttpResponse().getFirstHeader("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(ifNoneMatch((HttpRequest) sent[0].getHttpRequest())).isEmpty();
    assertThat(ifNoneMatch((HttpRequest) sent[1].getHttpRequest())).isEqualTo(etag);
    assertThat(statuses(sent)).containsExactly(200, 304);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(second.getCustomers()).hasSize(2);

    second.getCustomers().clear(); // the cache holds bytes, never the object handed out
    assertThat(client.hierarchy().businesses()).isEqualTo(first);
  }

  @Test
  void aNewSessionStillFindsTheCachedAnswer() {
    ProgramList before = client.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS);
    assertThat(sim.expireSessions()).isEqualTo(1);

    ProgramList after = client.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS);

    assertThat(after).isEqualTo(before);
    assertThat(sim.loginCount()).isEqualTo(2);
    LogEventRequestAndResponse[] sent = exchanges(PROGRAMS);
    assertThat(statuses(sent)).containsExactly(200, 401, 304); // the expired session, then the repeat
    HttpRequest repeat = (HttpRequest) sent[2].getHttpRequest();
    assertThat(ifNoneMatch(repeat)).isEqualTo(sent[0].getHttpResponse().getFirstHeader("ETag"));
    assertThat(body(repeat).path("sessionId")).isNotEqualTo(body((HttpRequest) sent[0].getHttpRequest()).path("sessionId"));
  }

  @Test
  void anotherBusinessNeverGetsTheCachedAnswerOfTheFirst() {
    ProgramList rewards = client.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS);
    ProgramList payroll = client.forBusiness(PtApiSimulator.BUSINESS_PAYROLL).hierarchy().programs();
    ProgramList rewardsScoped = client.forBusiness(PtApiSimulator.BUSINESS_REWARDS).hierarchy().programs();

    assertThat(payroll).isNotEqualTo(rewards);
    assertThat(payroll.getPrograms()).extracting("customerProgramId").containsExactly(PtApiSimulator.PROGRAM_PAYROLL);
    assertThat(rewardsScoped).isEqualTo(rewards);
    LogEventRequestAndResponse[] sent = exchanges(PROGRAMS);
    assertThat(ifNoneMatch((HttpRequest) sent[1].getHttpRequest())).isEmpty();
    assertThat(statuses(sent)).containsExactly(200, 200, 304); // the same business through a scope: the same request
  }

  @Test
  void changedDataIsAFullAnswerThatReplacesTheEntry() {
    CardSearch search = CardSearch.builder().customerId(PtApiSimulator.BUSINESS_REWARDS)
        .proxyKey(PtApiSimulator.CARD_JOE_BROWN).build();
    CardPage before = client.cards().search(search);
    client.cards().changeStatus(PtApiSimulator.CARD_JOE_BROWN, CardStatus.SUSPENDED, "test");
    CardPage after = client.cards().search(search);
    CardPage again = client.cards().search(search);

    assertThat(before.getCards()).extracting(Card::getStatus).containsExactly(CardStatus.ACTIVE);
    assertThat(after.getCards()).extracting(Card::getStatus).containsExactly(CardStatus.SUSPENDED);
    assertThat(again).isEqualTo(after);
    LogEventRequestAndResponse[] sent = exchanges(SEARCH_CARDS);
    assertThat(statuses(sent)).containsExactly(200, 200, 304);
    assertThat(ifNoneMatch((HttpRequest) sent[1].getHttpRequest())).isEqualTo(sent[0].getHttpResponse().getFirstHeader("ETag"));
    assertThat(ifNoneMatch((HttpRequest) sent[2].getHttpRequest())).isEqualTo(sent[1].getHttpResponse().getFirstHeader("ETag"));
  }

  @Test
  void writesAreNeverConditional() {
    client.cards().changeStatus(PtApiSimulator.CARD_JOE_SMITH, CardStatus.ACTIVE, null);
    client.cards().changeStatus(PtApiSimulator.CARD_JOE_SMITH, CardStatus.ACTIVE, null);
    client.cards().load(new LoadRequest().proxyKey(PtApiSimulator.CARD_JOE_SMITH).amount(new BigDecimal("1.00"))
        .referenceId("etag-w-1"));
    client.cards().load(new LoadRequest().proxyKey(PtApiSimulator.CARD_JOE_SMITH).amount(new BigDecimal("1.00"))
        .referenceId("etag-w-2"));

    assertThat(sent("/_ah/api/cardendpoint/v1/changeCardStatus")).hasSize(2).allSatisfy(r ->
        assertThat(ifNoneMatch(r)).isEmpty());
    assertThat(sent(LOAD)).hasSize(2).allSatisfy(r -> assertThat(ifNoneMatch(r)).isEmpty());
    assertThat(sent(LOGIN)).hasSize(1).allSatisfy(r -> assertThat(ifNoneMatch(r)).isEmpty());
  }

  @Test
  void aCacheOfSizeZeroSendsNoIfNoneMatch() {
    try (PtApiClient uncached = clientBuilder().etagCacheSize(0).build()) {
      uncached.hierarchy().businesses();
      uncached.hierarchy().businesses();
    }

    assertThat(statuses(exchanges(BUSINESSES))).containsExactly(200, 200);
    assertThat(sent(BUSINESSES)).allSatisfy(r -> assertThat(ifNoneMatch(r)).isEmpty());
  }

  @Test
  void theLeastRecentlyUsedAnswerIsDroppedFirst() {
    try (PtApiClient small = clientBuilder().etagCacheSize(1).build()) {
      small.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS);
      small.hierarchy().programs(PtApiSimulator.BUSINESS_PAYROLL); // evicts rewards
      small.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS); // full answer again, evicts payroll
      small.hierarchy().programs(PtApiSimulator.BUSINESS_REWARDS); // now cached
    }

    assertThat(statuses(exchanges(PROGRAMS))).containsExactly(200, 200, 200, 304);
  }

  @Test
  void everyPageOfAnAutoPagedSearchIsItsOwnEntry() {
    CardSearch search = CardSearch.builder().customerId(PtApiSimulator.BUSINESS_REWARDS).limit(3).build();
    List<Card> first = client.cards().searchAll(search).stream().toList();
    List<Card> second = client.cards().searchAll(search).stream().toList();

    assertThat(second).isEqualTo(first);
    assertThat(first).hasSizeGreaterThan(3);
    List<Integer> statuses = statuses(exchanges(SEARCH_CARDS));
    int pages = statuses.size() / 2;
    assertThat(statuses.subList(0, pages)).containsOnly(200);
    assertThat(statuses.subList(pages, statuses.size())).containsOnly(304);
  }
}
