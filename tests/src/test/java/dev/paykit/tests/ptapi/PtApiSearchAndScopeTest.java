package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.ptapi.CardSearch;
import dev.paykit.ptapi.CardholderSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiScope;
import dev.paykit.ptapi.PtQuery;
import dev.paykit.ptapi.PtSort;
import dev.paykit.ptapi.api.HierarchyApi;
import dev.paykit.ptapi.model.Card;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.ptapi.model.CardholderProfile;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.ptapi.model.Order;
import dev.paykit.ptapi.model.OrderCardRequest;
import dev.paykit.ptapi.model.OrderDetails;
import dev.paykit.ptapi.model.ProgramList;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/**
 * Typed searches (a {@link PtQuery}, filters and a {@link PtSort}) and auto-paging over the PT simulator's
 * real {@code q} parser, and the scoped views: ids from the scope unless the call gives one, a missing one
 * refused before anything is sent; the raw generated interface renews the session; login is validated.
 */
class PtApiSearchAndScopeTest extends PtApiSandboxTestBase {

  static final String CARDHOLDERS = "/_ah/api/cardholderendpoint/v1/searchCardholders";
  static final String HISTORY = "/_ah/api/cardendpoint/v1/getLoadHistory";
  static final String ORDER = "/_ah/api/cardendpoint/v1/orderCard";
  static final String PROGRAMS = "/_ah/api/customerendpoint/v1/getCustomerProgramList";

  private PtApiScope rewards() {
    return client.forBusiness(PtApiSimulator.BUSINESS_REWARDS);
  }

  private static List<String> ids(List<Cardholder> holders) {
    return holders.stream().map(Cardholder::getCardholderId).toList();
  }

  @Test
  void cardholdersByNameAndAgeRangeInTheScopesBusiness() {
    List<Cardholder> found = rewards().cardholders().search(CardholderSearch.builder()
        .query(PtQuery.field("firstName", "Joe").and(PtQuery.range("age", "20", "30"))).build()).getCardholders();

    assertThat(ids(found)).containsExactly(PtApiSimulator.CARDHOLDER_JOE_SMITH);
    HttpRequest sent = sent(CARDHOLDERS)[0];
    assertThat(sent.getFirstQueryStringParameter("q")).isEqualTo("firstName:Joe AND age:[20 TO 30]");
    assertThat(body(sent).path("customerId").asText()).isEqualTo(PtApiSimulator.BUSINESS_REWARDS);
  }

  @Test
  void userInputThatLooksLikeAQueryStaysOneValue() {
    String input = "Joe AND age:[0 TO 99]";
    assertThat(rewards().cardholders().search(CardholderSearch.builder()
        .query(PtQuery.field("firstName", input)).build()).getCardholders()).isEmpty();
    assertThat(sent(CARDHOLDERS)[0].getFirstQueryStringParameter("q"))
        .isEqualTo("firstName:Joe\\ AND\\ age\\:\\[0\\ TO\\ 99\\]");
  }

  @Test
  void sortByIsRenderedAsWrittenAndOrdersTheResults() {
    List<Cardholder> byAgeDesc = rewards().cardholders().search(CardholderSearch.builder()
        .sort(PtSort.desc("age").thenAsc("lastName")).limit(100).build()).getCardholders();

    assertThat(sent(CARDHOLDERS)[0].getFirstQueryStringParameter("sort_by")).isEqualTo("desc(age),asc(lastName)");
    assertThat(byAgeDesc).extracting(Cardholder::getAge).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(byAgeDesc).hasSizeGreaterThan(3);
  }

  @Test
  void searchAllWalksEveryPageByOffsetAndEndsOnTheEmptyOne() {
    CardholderSearch byName = CardholderSearch.builder().sort(PtSort.asc("lastName").thenAsc("firstName")).limit(2).build();
    List<Cardholder> all = rewards().cardholders().searchAll(byName).stream().toList();
    List<Cardholder> onePage = rewards().cardholders().search(CardholderSearch.builder()
        .sort(PtSort.asc("lastName").thenAsc("firstName")).limit(100).build()).getCardholders();

    assertThat(all).isEqualTo(onePage);
    assertThat(all.size()).isGreaterThan(4);
    List<String> expected = new java.util.ArrayList<>();
    for (int at = 0; at < all.size(); at += 2) {
      expected.add(Integer.toString(at));
    }
    expected.add(Integer.toString(all.size())); // after the last items: the empty page that ends the walk
    HttpRequest[] sent = sent(CARDHOLDERS);
    List<HttpRequest> walk = List.of(sent).subList(0, sent.length - 1); // the last request is the single page
    assertThat(walk).extracting(r -> r.getFirstQueryStringParameter("offset")).containsExactlyElementsOf(expected);
    assertThat(walk).extracting(r -> r.getFirstQueryStringParameter("limit")).containsOnly("2");
  }

  @Test
  void searchAllOfCardsWithAFilter() {
    List<Card> active = rewards().cards().searchAll(CardSearch.builder()
        .status(dev.paykit.ptapi.model.CardStatus.ACTIVE).sort(PtSort.asc("proxyKey")).limit(2).build())
        .stream().toList();

    assertThat(active).isNotEmpty().allSatisfy(c -> assertThat(c.getStatus())
        .isEqualTo(dev.paykit.ptapi.model.CardStatus.ACTIVE));
    assertThat(active).extracting(Card::getProxyKey).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void loadHistoryAllIsEveryLoadNewestFirst() {
    for (int i = 1; i <= 3; i++) {
      client.cards().load(new LoadRequest().proxyKey(PtApiSimulator.CARD_JOE_SMITH)
          .amount(new BigDecimal(i + ".00")).referenceId("hist-" + i));
    }

    List<LoadTransaction> history = client.cards().loadHistoryAll(PtApiSimulator.CARD_JOE_SMITH).stream().toList();

    assertThat(history).extracting(LoadTransaction::getReferenceId).startsWith("hist-3", "hist-2", "hist-1");
    assertThat(history.get(0).getAmount()).isEqualTo(new BigDecimal("3.00"));
    HttpRequest[] pages = sent(HISTORY);
    assertThat(pages).hasSize(2); // the page, then the empty one after it
    assertThat(pages[0].getFirstQueryStringParameter("limit")).isEqualTo("100");
    assertThat(pages[0].getFirstQueryStringParameter("offset")).isEqualTo("0");
    assertThat(pages[1].getFirstQueryStringParameter("offset")).isEqualTo(Integer.toString(history.size()));
  }

  @Test
  void anIdTheScopeLacksIsRefusedBeforeAnythingIsSentNamingTheField() {
    assertThatThrownBy(() -> client.cardholders().search(CardholderSearch.all()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("customerId").hasMessageContaining("forBusiness");
    assertThatThrownBy(() -> client.forProgram(PtApiSimulator.PROGRAM_GIFT).hierarchy().programs())
        .isInstanceOf(ValidationException.class).hasMessageContaining("customerId");
    assertThatThrownBy(() -> rewards().cards().order(new OrderCardRequest().orderDetails(details())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("customerProgramId");

    assertThat(sent(LOGIN)).isEmpty();
    assertThat(sandbox.mockServer().retrieveRecordedRequests(
        org.mockserver.model.HttpRequest.request().withPath(PtApiSimulator.PATH_PREFIX + "/.*"))).isEmpty();
  }

  private static OrderDetails details() {
    return new OrderDetails().cardType(OrderDetails.CardTypeEnum.DIGITAL)
        .cardholders(List.of(new CardholderProfile().firstName("Ada").lastName("Byron")));
  }

  @Test
  void anOrderTakesTheScopesBusinessAndProgramAndLeavesTheRequestAsItWas() {
    OrderCardRequest request = new OrderCardRequest().orderDetails(details());

    Order order = rewards().forProgram(PtApiSimulator.PROGRAM_GIFT).cards().order(request);

    assertThat(order.getOrderId()).isNotBlank();
    assertThat(request.getCustomerId()).isNull();
    assertThat(request.getCustomerProgramId()).isNull();
    HttpRequest sent = sent(ORDER)[0];
    assertThat(body(sent).path("customerId").asText()).isEqualTo(PtApiSimulator.BUSINESS_REWARDS);
    assertThat(body(sent).path("customerProgramId").asText()).isEqualTo(PtApiSimulator.PROGRAM_GIFT);
  }

  @Test
  void theScopesProgramNeverGoesWithAnotherBusinessTheCallNames() {
    PtApiScope gift = rewards().forProgram(PtApiSimulator.PROGRAM_GIFT);

    assertThatThrownBy(() -> gift.cards().order(new OrderCardRequest().customerId(PtApiSimulator.BUSINESS_PAYROLL)
        .orderDetails(details())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("customerProgramId");
    assertThat(sent(ORDER)).isEmpty();

    gift.cards().order(new OrderCardRequest().customerId(PtApiSimulator.BUSINESS_PAYROLL)
        .customerProgramId(PtApiSimulator.PROGRAM_PAYROLL).orderDetails(details()));
    gift.cards().order(new OrderCardRequest().customerId(PtApiSimulator.BUSINESS_REWARDS).orderDetails(details()));
    HttpRequest[] orders = sent(ORDER);
    assertThat(orders).hasSize(2);
    assertThat(body(orders[0]).path("customerId").asText()).isEqualTo(PtApiSimulator.BUSINESS_PAYROLL);
    assertThat(body(orders[0]).path("customerProgramId").asText()).isEqualTo(PtApiSimulator.PROGRAM_PAYROLL);
    assertThat(body(orders[1]).path("customerId").asText()).isEqualTo(PtApiSimulator.BUSINESS_REWARDS);
    assertThat(body(orders[1]).path("customerProgramId").asText()).isEqualTo(PtApiSimulator.PROGRAM_GIFT);
  }

  @Test
  void anIdGivenToTheCallWinsOverTheScopes() {
    ProgramList programs = client.forBusiness(PtApiSimulator.BUSINESS_PAYROLL).hierarchy()
        .programs(PtApiSimulator.BUSINESS_REWARDS);

    assertThat(programs.getPrograms()).extracting("customerProgramId")
        .contains(PtApiSimulator.PROGRAM_GIFT, PtApiSimulator.PROGRAM_REWARDS);
    assertThat(body(sent(PROGRAMS)[0]).path("customerId").asText()).isEqualTo(PtApiSimulator.BUSINESS_REWARDS);
  }

  @Test
  void aParentScopeListsThatGroupsBusinesses() {
    client.forParent(PtApiSimulator.PARENT_ID).hierarchy().businesses();
    client.hierarchy().businesses();

    HttpRequest[] sent = sent(BUSINESSES);
    assertThat(body(sent[0]).path("parentId").asText()).isEqualTo(PtApiSimulator.PARENT_ID);
    assertThat(body(sent[1]).path("parentId").asText()).isEqualTo(PtApiSimulator.PARENT_ID); // the login's
    assertThat(client.forParent("100002").forBusiness("200003").forProgram("300004"))
        .hasToString("PtApiScope[parentId=100002, customerId=200003, customerProgramId=300004]");
  }

  @Test
  void theRawGeneratedInterfaceRenewsAnExpiredSessionToo() {
    HierarchyApi raw = client.api(HierarchyApi.class);
    raw.getCustomerProgramList(new CustomerRequest().customerId(PtApiSimulator.BUSINESS_REWARDS));
    assertThat(sim.expireSessions()).isEqualTo(1);

    ProgramList again = raw.getCustomerProgramList(new CustomerRequest().customerId(PtApiSimulator.BUSINESS_REWARDS));

    assertThat(again.getPrograms()).isNotEmpty();
    assertThat(sim.loginCount()).isEqualTo(2);
  }

  @Test
  void theLoginItselfIsValidatedAndNothingIsSentForABadOne() {
    try (PtApiClient bad = clientBuilder().loginId("x".repeat(255)).build()) {
      assertThatThrownBy(() -> bad.hierarchy().businesses())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("loginID")
          .hasMessageNotContaining(PtApiSimulator.PASSWORD);
    }
    assertThat(sent(LOGIN)).isEmpty();
    assertThat(sent(BUSINESSES)).isEmpty();
  }
}
