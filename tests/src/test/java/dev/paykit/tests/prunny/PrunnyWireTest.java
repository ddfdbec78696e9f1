package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_CURRENT;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.BVN_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.CUSTOMER_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.CUSTOMER_CHIAMAKA;
import static dev.paykit.sandbox.prunny.Fixtures.CUSTOMER_OKAFOR_VENTURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paykit.prunny.model.Account;
import dev.paykit.prunny.model.AccountBalance;
import dev.paykit.prunny.model.AccountOpening;
import dev.paykit.prunny.model.AccountPage;
import dev.paykit.prunny.model.AccountType;
import dev.paykit.prunny.model.AccountTypePage;
import dev.paykit.prunny.model.Customer;
import dev.paykit.prunny.model.CustomerPage;
import dev.paykit.prunny.model.DebitOrCredit;
import dev.paykit.prunny.model.ExpansionField;
import dev.paykit.prunny.model.OpenAccountRequest;
import dev.paykit.prunny.model.PageLink;
import dev.paykit.prunny.model.ResponseCode;
import dev.paykit.prunny.model.StatementPage;
import dev.paykit.prunny.model.StatementTransaction;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.NottableString;

/**
 * Every Prunny account and customer operation: the exact request that reached the sandbox, and the typed
 * result. The static helpers are the wire checks shared with {@link PrunnyWireTransfersTest} and
 * {@link PrunnyWireFundsAndMandatesTest}.
 */
class PrunnyWireTest extends PrunnySandboxTestBase {

  static final String BEARER = "Bearer " + PrunnySimulator.API_KEY;
  static final String TIMESTAMP = "2026-11-21T10:00:00.123Z";

  /** The only request in {@code sent}: a GET of {@code path} with no query, no key and no body. */
  static HttpRequest read(HttpRequest[] sent, String path) {
    return read(sent, path, Map.of());
  }

  /** The only request in {@code sent}: a GET of {@code path} with exactly this query, no key, no body. */
  static HttpRequest read(HttpRequest[] sent, String path, Map<String, String> query) {
    HttpRequest r = only(sent, "GET", path);
    assertThat(query(r)).isEqualTo(new TreeMap<>(query));
    assertThat(r.containsHeader(PrunnySimulator.IDEMPOTENCY_HEADER)).isFalse();
    assertThat(body(r)).isEmpty();
    return r;
  }

  /** The only request in {@code sent}: a transaction under idempotency key {@code key} with this JSON body. */
  static HttpRequest write(HttpRequest[] sent, String method, String path, String key, String json) {
    HttpRequest r = only(sent, method, path);
    assertThat(query(r)).isEmpty();
    assertThat(r.getHeader(PrunnySimulator.IDEMPOTENCY_HEADER)).containsExactly(key);
    assertThat(r.getHeader("Content-Type")).containsExactly("application/json");
    assertThat(body(r)).isEqualTo(json);
    return r;
  }

  /** Exactly one request, with this method and path, one Bearer key and one pinned timestamp. */
  static HttpRequest only(HttpRequest[] sent, String method, String path) {
    assertThat(sent).hasSize(1);
    HttpRequest r = sent[0];
    assertThat(r.getMethod().getValue()).isEqualTo(method);
    assertThat(r.getPath().getValue()).isEqualTo(PrunnySimulator.PATH_PREFIX + path);
    assertThat(r.getHeader("Authorization")).containsExactly(BEARER);
    assertThat(r.getHeader(PrunnySimulator.TIMESTAMP_HEADER)).containsExactly(TIMESTAMP);
    return r;
  }

  static Map<String, String> query(HttpRequest r) {
    Map<String, String> q = new TreeMap<>();
    r.getQueryStringParameterList().forEach(p -> q.merge(p.getName().getValue(),
        String.join(",", p.getValues().stream().map(NottableString::getValue).toList()), (a, b) -> a + "," + b));
    return q;
  }

  /** id=value of each expansion field, in order. */
  static List<String> fields(List<ExpansionField> fields) {
    return fields.stream().map(f -> f.getId() + "=" + f.getValue()).toList();
  }

  @Test
  void listAccountsSendsTheCustomerIdHeaderAndPagingAndReturnsAPagedFirstPage() {
    AccountPage page = client.accounts().list(CUSTOMER_ADAEZE, 1, 1);

    HttpRequest r = read(sent("/v1/accounts"), "/v1/accounts", Map.of("page", "1", "limit", "1"));
    assertThat(r.getHeader("customerId")).containsExactly(CUSTOMER_ADAEZE);
    assertThat(page.getStatus()).isEqualTo(ResponseCode.APPROVED);
    assertThat(page.getData()).extracting(Account::getAccountNumber).containsExactly(ACCOUNT_ADAEZE);
    assertThat(page.getMeta().getTotalNumberOfRecords()).isEqualTo(2L);
    assertThat(page.getMeta().getTotalNumberOfPages()).isEqualTo(2);
    assertThat(page.getMeta().getPageNumber()).isEqualTo(1);
    assertThat(page.getMeta().getPageSize()).isEqualTo(1);
    assertThat(page.getLinks()).extracting(PageLink::getRel).containsExactly("self", "next");
    assertThat(page.getLinks().get(1).getHref()).startsWith(sim.baseUrl() + "/v1/accounts?page=2&limit=1&signature=");
    assertThat(fields(page.getData().get(0).getExpansionFields())).containsExactly("branch=Lekki Phase 1");
  }

  @Test
  void getAccountSendsTheNumberInThePathAndReturnsTheAccount() {
    Account a = client.accounts().get(ACCOUNT_BABATUNDE);

    read(sent("/v1/accounts/" + ACCOUNT_BABATUNDE), "/v1/accounts/" + ACCOUNT_BABATUNDE);
    assertThat(a.getAccountNumber()).isEqualTo(ACCOUNT_BABATUNDE);
    assertThat(a.getAccountName()).isEqualTo("Babatunde Adeyemi");
    assertThat(a.getCustomerId()).isEqualTo("PRC0002");
    assertThat(a.getCurrency()).isEqualTo("NGN");
    assertThat(a.getAccountType()).isEqualTo("current");
    assertThat(a.getStatus()).isEqualTo("Active");
    assertThat(a.getAccountOpeningDate()).isEqualTo("2017-07-18");
    assertThat(fields(a.getExpansionFields())).containsExactly("branch=Ibadan Dugbe");
  }

  @Test
  void getAccountBalanceReturnsTheBalancesAsDecimals() {
    AccountBalance b = client.accounts().balance(ACCOUNT_ADAEZE_CURRENT);

    read(sent("/v1/accounts/balance/" + ACCOUNT_ADAEZE_CURRENT), "/v1/accounts/balance/" + ACCOUNT_ADAEZE_CURRENT);
    assertThat(b.getAccountNumber()).isEqualTo(ACCOUNT_ADAEZE_CURRENT);
    assertThat(b.getCurrency()).isEqualTo("NGN");
    assertThat(b.getAvailableBalance()).isEqualByComparingTo("20000.00");
    assertThat(b.getClearedBalance()).isEqualByComparingTo("20000.00");
    assertThat(b.getHoldBalance()).isEqualByComparingTo("0");
    assertThat(b.getDecimal()).isEqualTo(2);
    assertThat(fields(b.getExpansionFields())).containsExactly("branch=Lekki Phase 1");
  }

  @Test
  void listAccountTypesWithoutPagingSendsNoQueryAndReturnsEveryType() {
    AccountTypePage page = client.accounts().listTypes(null, null);

    read(sent("/v1/accounts/types"), "/v1/accounts/types");
    assertThat(page.getData()).extracting(AccountType::getAccountTypeId)
        .containsExactly("savings", "current", "wallet");
    assertThat(page.getMeta().getTotalNumberOfRecords()).isEqualTo(3L);
    assertThat(page.getMeta().getPageSize()).isEqualTo(PrunnySimulator.DEFAULT_PAGE_SIZE);
    assertThat(page.getLinks()).extracting(PageLink::getRel).containsExactly("self");
  }

  @Test
  void getAccountTypeReturnsTheTypeWithItsLimits() {
    AccountType t = client.accounts().getType("wallet");

    read(sent("/v1/accounts/types/wallet"), "/v1/accounts/types/wallet");
    assertThat(t.getAccountTypeName()).isEqualTo("Prunny OFI Wallet");
    assertThat(t.getMaximumBalance()).isEqualByComparingTo("300000.00");
    assertThat(t.getMaximumOutflowLimit()).isEqualByComparingTo("50000.00");
    assertThat(t.getKycLevel()).isEqualTo(1);
    assertThat(fields(t.getExpansionFields())).containsExactly("interestRate=0.00");
  }

  @Test
  void openAccountSendsTheApplicationUnderAKeyAndOpensAnEmptyAccount() {
    AccountOpening o = client.accounts().open(new OpenAccountRequest().requestId("open-1").accountTypeId("savings")
        .firstName("Emeka").otherName("").surname("Obi").salutation("Mr").gender("Male").dateOfBirth("1992-06-15")
        .bvn("12345678901").street("3 Marina").city("Lagos Island").country("NG").nationality("Nigerian")
        .customerId("PRC0100").phone("+2348030000100").email("emeka.obi@example.com")).data();

    write(sent("/v1/accounts/open"), "POST", "/v1/accounts/open", key(1), "{\"requestId\":\"open-1\","
        + "\"accountTypeId\":\"savings\",\"firstName\":\"Emeka\",\"otherName\":\"\",\"surname\":\"Obi\","
        + "\"salutation\":\"Mr\",\"gender\":\"Male\",\"dateOfBirth\":\"1992-06-15\",\"bvn\":\"12345678901\","
        + "\"street\":\"3 Marina\",\"city\":\"Lagos Island\",\"country\":\"NG\",\"nationality\":\"Nigerian\","
        + "\"customerId\":\"PRC0100\",\"phone\":\"+2348030000100\",\"email\":\"emeka.obi@example.com\"}");
    assertThat(o.getRequestId()).isEqualTo("open-1");
    assertThat(o.getCustomerId()).isEqualTo("PRC0100");
    assertThat(o.getProcessCode()).isEqualTo("00");
    assertThat(o.getAccountOpeningDate()).isEqualTo("2026-11-21");
    assertThat(o.getAccountNumber()).hasSize(10);
    assertThat(fields(o.getExpansionFields())).containsExactly("branch=Head Office");
    assertThat(sim.availableBalance(o.getAccountNumber())).isEqualByComparingTo("0");
  }

  @Test
  void getStatementSendsTheDatesAsDdmmyyyyAndReturnsTheFirstPageWithTotals() {
    StatementPage page = client.accounts().statement(ACCOUNT_ADAEZE, LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 11, 21), 1, 10);

    String path = "/v1/transactions/" + ACCOUNT_ADAEZE + "/statement";
    read(sent(path), path, Map.of("from", "01092026", "to", "21112026", "page", "1", "limit", "10"));
    assertThat(page.getMeta().getTotalNumberOfRecords()).isEqualTo(25L);
    assertThat(page.getMeta().getTotalNumberOfPages()).isEqualTo(3);
    assertThat(page.getMeta().getPageNumber()).isEqualTo(1);
    assertThat(page.getMeta().getPageSize()).isEqualTo(10);
    assertThat(page.getData()).hasSize(10);
    assertThat(page.getLinks()).extracting(PageLink::getRel).containsExactly("self", "next");
    StatementTransaction first = page.getData().get(0);
    assertThat(first.getAmount()).isEqualByComparingTo("60000.00");
    assertThat(first.getDebitOrCredit()).isEqualTo(DebitOrCredit.CR);
    assertThat(first.getReferenceId()).isEqualTo("PRN-HIST-0001");
    assertThat(first.getTransactionTime()).isEqualTo(OffsetDateTime.parse("2026-09-01T09:15:00Z"));
    assertThat(first.getNarration()).isEqualTo("Salary - Lagoon Tech Ltd");
  }

  @Test
  void getCustomerReturnsTheCustomer() {
    Customer c = client.customers().get(CUSTOMER_CHIAMAKA);

    read(sent("/v1/customers/" + CUSTOMER_CHIAMAKA), "/v1/customers/" + CUSTOMER_CHIAMAKA);
    assertThat(c.getCustomerName().getFirstName()).isEqualTo("Chiamaka");
    assertThat(c.getCustomerName().getLastName()).isEqualTo("Eze");
    assertThat(c.getBvn()).isEqualTo("22298765432");
    assertThat(c.getNumberOfAccounts()).isEqualTo(1);
    assertThat(c.getCustomerAddress().getCity()).isEqualTo("Enugu");
    assertThat(c.getIdentity().getIdType()).isEqualTo("International passport");
    assertThat(fields(c.getExpansionFields())).containsExactly("segment=Retail");
  }

  @Test
  void listCustomersByBvnReturnsEveryProfileWithTheBvn() {
    CustomerPage page = client.customers().listByBvn(BVN_ADAEZE, 1, 10);

    read(sent("/v1/customers/bvn/" + BVN_ADAEZE), "/v1/customers/bvn/" + BVN_ADAEZE,
        Map.of("page", "1", "limit", "10"));
    assertThat(page.getData()).extracting(Customer::getCustomerId, Customer::getType).containsExactly(
        tuple(CUSTOMER_ADAEZE, "Individual"), tuple(CUSTOMER_OKAFOR_VENTURES, "Sole proprietor"));
    assertThat(page.getMeta().getTotalNumberOfRecords()).isEqualTo(2L);
    assertThat(page.getMeta().getTotalNumberOfPages()).isEqualTo(1);
  }
}
