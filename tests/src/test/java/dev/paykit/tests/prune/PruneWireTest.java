package dev.paykit.tests.prune;

import static dev.paykit.tests.prune.PruneFixtures.jpeg;
import static dev.paykit.tests.prune.PruneFixtures.pdf;
import static dev.paykit.tests.prune.PruneFixtures.png;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MultipartParts;
import dev.paykit.core.testing.MultipartParts.Part;
import dev.paykit.prune.AccountRequestUpdate;
import dev.paykit.prune.CompanyPerson;
import dev.paykit.prune.Document;
import dev.paykit.prune.IndividualAccountRequest;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.PruneMode;
import dev.paykit.prune.PrunePage;
import dev.paykit.prune.model.AcceptableDocument;
import dev.paykit.prune.model.AccountRequest;
import dev.paykit.prune.model.AccountRequestReceipt;
import dev.paykit.prune.model.AccountRequestState;
import dev.paykit.prune.model.AccountRequestStatus;
import dev.paykit.prune.model.AccountType;
import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.DebitRequest;
import dev.paykit.prune.model.DebitRequestStatus;
import dev.paykit.prune.model.DocumentKind;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.IssuedAccount;
import dev.paykit.prune.model.IssuedCurrency;
import dev.paykit.prune.model.PoaType;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import dev.paykit.prune.model.ValidatedAccount;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact request of every one of the spec's 14 operations as it reached a byte-level server (method,
 * target, the one Authorization header, content type, exact body; for the multipart ones every part's
 * name, file name, content type and bytes, read by a parser written apart from the client's encoder),
 * and what the client made of Prune's answer: the envelope's {@code data}, typed.
 */
@ExtendWith(ScriptedServerExtension.class)
class PruneWireTest {

  static final String KEY = "sk_live_wire_0123456789abcdef";

  @TempDir
  Path dir;

  private RawServer server;
  private PruneClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PruneClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  private static String ok(int code, String message, String data) {
    return "{\"status\":true,\"message\":\"" + message + "\",\"data\":" + data + ",\"code\":" + code + "}";
  }

  private RawServer.Request only() {
    assertThat(server.requests()).hasSize(1);
    RawServer.Request r = server.requests().get(0);
    assertThat(r.headerValues("Authorization")).containsExactly("Bearer " + KEY);
    assertThat(r.headerValues("Accept")).containsExactly("application/json");
    assertThat(r.headerValues("Idempotency-Key")).isEmpty();
    return r;
  }

  private static List<Part> parts(RawServer.Request r) {
    return MultipartParts.parse(r.header("Content-Type"), r.body());
  }

  @Test
  void theModeIsTheKeysPrefixAndTheHostIsOne() {
    assertThat(client.mode()).isEqualTo(PruneMode.LIVE);
    assertThat(PruneClient.builder().apiKey("sk_test_abc").build().mode()).isEqualTo(PruneMode.TEST);
    PruneClient other = PruneClient.builder().apiKey("a-dashboard-key").build();
    assertThat(other.mode()).isEqualTo(PruneMode.UNKNOWN);
    assertThat(other.baseUrl()).isEqualTo("https://dps.prunepayments.net").isEqualTo(PruneClient.BASE_URL);
    assertThat(other.toString()).doesNotContain("a-dashboard-key");
    assertThat(PruneClient.builder().apiKey(KEY).toString()).doesNotContain(KEY);
  }

  @Test
  void requestIndividualAccountSendsEveryPartWithItsFileNameTypeAndExactBytes() throws IOException {
    byte[] front = png(900, 1);
    byte[] back = jpeg(800, 2);
    byte[] bill = pdf(700, 3);
    Path frontFile = Files.write(dir.resolve("carte-recto.png"), front);
    server.then(Reply.json(201, ok(201, "EUR account issuance request submitted successfully",
        "{\"id\":\"req-1\",\"requestStatus\":\"PENDING\",\"firstName\":\"Amélie\",\"lastName\":\"Laurent\","
            + "\"currency\":\"EUR\",\"requestAccountType\":\"USER\"}")));

    AccountRequestReceipt receipt = client.accountRequests().requestIndividual(IndividualAccountRequest.builder()
        .firstName("Amélie").lastName("Laurent").country(CountryShort.FR)
        .id(IdType.IDENTITY_CARD, Document.of(frontFile), Document.of(new ByteArrayInputStream(back), "verso.jpg", "image/jpeg"))
        .proofOfAddress(PoaType.UTILITY_BILL, Document.of(bill, "facture.pdf", null))
        .currency(IssuedCurrency.EUR).build());

    assertThat(receipt.getId()).isEqualTo("req-1");
    assertThat(receipt.getRequestStatus()).isEqualTo(AccountRequestStatus.PENDING);
    assertThat(receipt.getRequestAccountType()).isEqualTo(AccountType.USER);
    RawServer.Request r = only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/v1/accounts/request-account");
    assertThat(r.header("Content-Type")).matches("multipart/form-data; boundary=paykit-[0-9a-f]{32}");
    List<Part> parts = parts(r);
    assertThat(parts).extracting(Part::summary).containsExactly("firstName: Amélie", "lastName: Laurent",
        "countryShort: FR", "idType: identityCard", "idFile=carte-recto.png (image/png, 900 bytes)",
        "idFileBack=verso.jpg (image/jpeg, 800 bytes)", "poaType: utilityBill",
        "poaFile=facture.pdf (application/pdf, 700 bytes)", "currency: EUR");
    assertThat(parts.get(4).bytes()).isEqualTo(front);
    assertThat(parts.get(5).bytes()).isEqualTo(back);
    assertThat(parts.get(7).bytes()).isEqualTo(bill);
    assertThat(parts.get(0).contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void requestCorporateAccountNumbersEveryDirectorAndShareholderFromOne() {
    server.then(Reply.json(201, ok(201, "EUR account issuance request submitted successfully",
        "{\"id\":\"req-2\",\"requestStatus\":\"INPROGRESS\",\"companyName\":\"Laurent & Becker SARL\","
            + "\"requestAccountType\":\"CORPORATE\"}")));
    CompanyPerson ceo = CompanyPerson.of(IdType.PASSPORT, Document.of(png(310, 4), "ceo-passport.png", "image/png"),
        PoaType.BANK_STATEMENT, Document.of(pdf(320, 5), "ceo-statement.pdf", "application/pdf"));
    CompanyPerson cfo = CompanyPerson.of(IdType.RESIDENCE_PERMIT, Document.of(jpeg(330, 6), "cfo-front.jpeg", "image/jpeg"),
        Document.of(jpeg(340, 7), "cfo-back.jpeg", "image/jpeg"), PoaType.UTILITY_BILL,
        Document.of(pdf(350, 8), "cfo-bill.pdf", "application/pdf"));

    AccountRequestReceipt receipt = client.accountRequests().requestCorporate(PruneFixtures.corporate()
        .director(ceo).director(cfo).shareholder(cfo).build());

    assertThat(receipt.getRequestStatus()).isEqualTo(AccountRequestStatus.INPROGRESS);
    RawServer.Request r = only();
    assertThat(r.target()).isEqualTo("/v1/accounts/request-corporate-account");
    List<Part> parts = parts(r);
    assertThat(parts).extracting(Part::summary).containsExactly("countryShort: FR",
        "companyName: Laurent & Becker SARL", "certificateOfIncorporation=certificate.pdf (application/pdf, 300 bytes)",
        "mermat=articles.pdf (application/pdf, 300 bytes)", "currency: EUR",
        "director_1_idType: passport", "director_1_idFile=ceo-passport.png (image/png, 310 bytes)",
        "director_1_poaType: bankStatement", "director_1_poaFile=ceo-statement.pdf (application/pdf, 320 bytes)",
        "director_2_idType: residencePermit", "director_2_idFile=cfo-front.jpeg (image/jpeg, 330 bytes)",
        "director_2_idFileBack=cfo-back.jpeg (image/jpeg, 340 bytes)", "director_2_poaType: utilityBill",
        "director_2_poaFile=cfo-bill.pdf (application/pdf, 350 bytes)",
        "shareholder_1_idType: residencePermit", "shareholder_1_idFile=cfo-front.jpeg (image/jpeg, 330 bytes)",
        "shareholder_1_idFileBack=cfo-back.jpeg (image/jpeg, 340 bytes)", "shareholder_1_poaType: utilityBill",
        "shareholder_1_poaFile=cfo-bill.pdf (application/pdf, 350 bytes)");
    assertThat(parts.get(11).bytes()).isEqualTo(jpeg(340, 7));
    assertThat(parts.get(18).bytes()).isEqualTo(pdf(350, 8));
  }

  @Test
  void updateAccountRequestSendsOnlyThePartsSet() {
    server.then(Reply.json(200, ok(200, "Account request updated", "{\"id\":\"req-3\",\"status\":\"PENDING\","
        + "\"accountType\":\"CORPORATE\",\"companyName\":\"Laurent & Becker SA\",\"documentData\":{\"directors\":"
        + "{\"director_2\":{\"idType\":\"passport\",\"idFile\":\"https://files/d2.png\"}}}}")));

    AccountRequest updated = client.accountRequests().update("req-3", AccountRequestUpdate.builder()
        .companyName("Laurent & Becker SA")
        .director(2, CompanyPerson.of(IdType.PASSPORT, Document.of(png(360, 9), "d2.png", "image/png"), null, null))
        .build());

    assertThat(updated.getCompanyName()).isEqualTo("Laurent & Becker SA");
    assertThat(updated.getDocumentData().getDirectors().get("director_2").getIdFile()).isEqualTo("https://files/d2.png");
    RawServer.Request r = only();
    assertThat(r.method()).isEqualTo("PATCH");
    assertThat(r.target()).isEqualTo("/v1/accounts/requests/req-3");
    assertThat(parts(r)).extracting(Part::summary).containsExactly("companyName: Laurent & Becker SA",
        "director_2_idType: passport", "director_2_idFile=d2.png (image/png, 360 bytes)");
  }

  @Test
  void getAccountRequestAndItsStatus() {
    server.then(Reply.json(200, ok(200, "Account request fetched", "{\"id\":\"req-4\",\"status\":\"APPROVED\","
            + "\"firstName\":\"Amélie\",\"accountType\":\"USER\",\"documentData\":{\"idType\":\"identityCard\","
            + "\"idFileURL\":\"https://files/id.png\",\"idFileBackURL\":\"https://files/back.png\"},"
            + "\"createdAt\":\"2026-11-20T09:00:00.000Z\"}")),
        Reply.json(200, ok(200, "Account request status fetched", "{\"id\":\"req-4\",\"requestStatus\":\"APPROVED\","
            + "\"issuedAccount\":{\"id\":\"acc-9\",\"accountIban\":\"LT213999010000000009\",\"accountBalance\":0.00,"
            + "\"status\":\"ACTIVE\"}}")));

    AccountRequest request = client.accountRequests().get("req-4");
    AccountRequestState state = client.accountRequests().status("req-4");

    assertThat(request.getDocumentData().getIdFileBackURL()).isEqualTo("https://files/back.png");
    assertThat(request.getCreatedAt().toString()).isEqualTo("2026-11-20T09:00Z");
    assertThat(state.getIssuedAccount().getAccountIban()).isEqualTo("LT213999010000000009");
    assertThat(server.requests()).extracting(r -> r.method() + " " + r.target()).containsExactly(
        "GET /v1/accounts/requests/req-4", "GET /v1/accounts/requests/req-4/status");
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.body()).isEmpty());
  }

  @Test
  void listIssuedAccountsAndOneAccountTakeTheCurrency() {
    String account = "{\"id\":\"acc-1\",\"accountName\":\"Amélie Laurent\",\"accountIban\":\"LT213999010000000001\","
        + "\"accountBalance\":5000.00,\"currency\":\"EUR\",\"status\":\"ACTIVE\",\"type\":\"USER\",\"isTrusted\":true}";
    server.then(Reply.json(200, "{\"status\":true,\"message\":\"Accounts fetched\",\"data\":[" + account
            + "],\"meta\":{\"total\":11},\"code\":200}"),
        Reply.json(200, ok(200, "Account fetched", account)));

    PrunePage<IssuedAccount> page = client.accounts().list(IssuedCurrency.EUR, 2);
    IssuedAccount one = client.accounts().get("acc-1", IssuedCurrency.GBP);

    assertThat(page.items()).extracting(IssuedAccount::getId).containsExactly("acc-1");
    assertThat(page.total()).isEqualTo(11L);
    assertThat(page.page()).isEqualTo(2);
    assertThat(one.getAccountBalance()).isEqualByComparingTo("5000.00");
    assertThat(one.getAccountBalance().scale()).isEqualTo(2);
    assertThat(server.requests()).extracting(RawServer.Request::target).containsExactly(
        "/v1/accounts?currency=EUR&page=2", "/v1/accounts/acc-1?currency=GBP");
  }

  @Test
  void getAccountBalanceReadsTheBareNumberWithItsScale() {
    server.then(Reply.json(200, ok(200, "Account balance fetched", "1250.50")));

    BigDecimal balance = client.accounts().balance("acc-1");

    assertThat(balance).isEqualTo(new BigDecimal("1250.50"));
    assertThat(only().target()).isEqualTo("/v1/accounts/acc-1/balance");
  }

  @Test
  void validateAccountDetailsSendsTheEurOrTheGbpShape() {
    server.then(Reply.json(200, ok(200, "Iban details validated", "{\"bankName\":\"Commerzbank\",\"city\":\"Frankfurt\","
            + "\"swiftCodes\":[\"COBADEFFXXX\"]}")),
        Reply.json(200, ok(200, "GBP account validated", "{\"bankBic\":\"NWBKGB2L\",\"bankName\":\"NatWest\"}")));

    ValidatedAccount eur = client.accounts().validateIban("DE89370400440532013000", "COBADEFFXXX");
    ValidatedAccount gbp = client.accounts().validateUkAccount("31926819", "60-16-13");

    assertThat(eur.getBankName()).isEqualTo("Commerzbank");
    assertThat(gbp.getBankBic()).isEqualTo("NWBKGB2L");
    assertThat(server.requests()).extracting(r -> r.method() + " " + r.target() + " " + r.header("Content-Type")
        + " " + r.bodyText()).containsExactly(
        "POST /v1/accounts/validate application/json {\"iban\":\"DE89370400440532013000\",\"bic\":\"COBADEFFXXX\"}",
        "POST /v1/accounts/validate application/json {\"accountNumber\":\"31926819\",\"sortCode\":\"60-16-13\","
            + "\"currency\":\"GBP\"}");
  }

  @Test
  void sendMoneySendsTheExactBodyOnceAndTheStatusFollowsIt() {
    server.then(Reply.json(202, PruneOutcomeSafetyTest.TRANSACTION),
        Reply.json(200, ok(200, "Transaction status fetched", "\"CONFIRMED\"")));

    Transaction t = client.transfers().send(PruneFixtures.transfer(PruneOutcomeSafetyTest.IBAN, "inv-1", "250.50"));
    TransactionStatus status = client.transfers().status(t.getId());

    assertThat(t.getId()).isEqualTo("1001");
    assertThat(status).isEqualTo(TransactionStatus.CONFIRMED);
    RawServer.Request send = server.requests().get(0);
    assertThat(send.method() + " " + send.target()).isEqualTo("POST /v1/accounts/send");
    assertThat(send.header("Content-Type")).isEqualTo("application/json");
    assertThat(send.bodyText()).isEqualTo(PruneOutcomeSafetyTest.BODY);
    assertThat(server.requests().get(1).target()).isEqualTo("/v1/accounts/transactions/1001/status");
  }

  @Test
  void listAcceptableDocumentsFiltersByCountryAndKindOrNeither() {
    server.then(2, Reply.json(200, ok(200, "Documents fetched", "[{\"id\":\"doc-1\",\"country\":\"United Kingdom\","
        + "\"countryShort\":\"UK\",\"createdAt\":\"2026-01-01T00:00:00.000Z\"}]")));

    List<AcceptableDocument> docs = client.accountRequests().acceptableDocuments(CountryShort.UK, DocumentKind.ID);
    client.accountRequests().acceptableDocuments(null, null);

    assertThat(docs).extracting(AcceptableDocument::getCountryShort).containsExactly("UK");
    assertThat(server.requests()).extracting(RawServer.Request::target).containsExactly(
        "/v1/accounts/documents?countryShort=UK&type=id", "/v1/accounts/documents");
  }

  @Test
  void disburseSendsTheExactBodyAndTheRequestStatusReadsItsTrxRequest() {
    server.then(Reply.json(202, ok(202, "Transfer initiated successfully", "{\"id\":\"po-1\",\"reference\":\"refund-1\","
            + "\"amount\":42.00,\"status\":\"PENDING\",\"type\":\"DEBIT\",\"payoutAccountId\":\"pa-1\"}")),
        Reply.json(200, ok(200, "Disbursement request fetched", "{\"trxRequest\":{\"id\":\"po-1\",\"reference\":"
            + "\"refund-1\",\"amount\":42.00,\"status\":\"APPROVED\"}}")));

    Transaction payout = client.payouts().disburse(PruneFixtures.payout("refund-1", "42.00"));
    DebitRequest request = client.payouts().request(payout.getId());

    assertThat(payout.getPayoutAccountId()).isEqualTo("pa-1");
    assertThat(request.getStatus()).isEqualTo(DebitRequestStatus.APPROVED);
    assertThat(request.getAmount()).isEqualTo(new BigDecimal("42.00"));
    RawServer.Request sent = server.requests().get(0);
    assertThat(sent.method() + " " + sent.target()).isEqualTo("POST /v1/payout/disburse");
    assertThat(sent.bodyText()).isEqualTo("{\"amount\":42.00,\"beneficiaryFullName\":\"Max Mustermann\","
        + "\"destinationIBAN\":\"DE89370400440532013000\",\"destinationBIC\":\"COBADEFFXXX\","
        + "\"destinationCountry\":\"Germany\",\"destinationBank\":\"Commerzbank\",\"reference\":\"refund-1\","
        + "\"reason\":\"Refund refund-1\"}");
    assertThat(server.requests().get(1).target()).isEqualTo("/v1/payout/disburse/requests/po-1/status");
  }
}
