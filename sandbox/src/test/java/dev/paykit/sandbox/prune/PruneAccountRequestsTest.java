package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account requests over real HTTP: multipart parsing, states, approval issuing an account, updates. */
class PruneAccountRequestsTest extends PruneSimulatorTestBase {

  private String file(PruneHttp.Form form) {
    return success(http.post("/v1/accounts/request-account", form), 201).at("/data/id").asText();
  }

  @Test
  void anIndividualRequestIsReceivedPartForPartWithItsExactBytes() {
    byte[] front = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, '\r', '\n', '-', '-', 't', 'e', 's', 't', 0, (byte) 0x80};
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Zoé").text("lastName", "Müller")
        .text("countryShort", "DE").text("idType", "identityCard")
        .file("idFile", "id front.jpeg", "image/jpeg", front)
        .png("idFileBack")
        .text("poaType", "bankStatement").file("poaFile", "statement.PDF", "application/pdf", PruneHttp.PDF)
        .text("currency", "GBP");

    JsonNode body = success(http.post("/v1/accounts/request-account", form), 201);

    JsonNode data = body.get("data");
    assertThat(body.get("message").asText()).isEqualTo("GBP account issuance request submitted successfully");
    assertThat(data.get("requestStatus").asText()).as("trusted by default").isEqualTo("INPROGRESS");
    assertThat(data.get("firstName").asText()).isEqualTo("Zoé");
    assertThat(data.get("lastName").asText()).isEqualTo("Müller");
    assertThat(data.get("currency").asText()).isEqualTo("GBP");
    assertThat(data.get("requestAccountType").asText()).isEqualTo("USER");
    String id = data.get("id").asText();
    List<PruneSimulator.Document> documents = prune.documents(id);
    assertThat(documents).extracting(PruneSimulator.Document::part).containsExactly("idFile", "idFileBack", "poaFile");
    assertThat(documents).extracting(PruneSimulator.Document::fileName)
        .containsExactly("id front.jpeg", "idFileBack.png", "statement.PDF");
    assertThat(documents).extracting(PruneSimulator.Document::contentType)
        .containsExactly("image/jpeg", "image/png", "application/pdf");
    assertThat(documents.get(0).bytes()).isEqualTo(front);
    assertThat(documents.get(1).bytes()).isEqualTo(PruneHttp.PNG);
    assertThat(documents.get(2).bytes()).isEqualTo(PruneHttp.PDF);
    assertThat(prune.requestText(id, "idType")).isEqualTo("identityCard");
    assertThat(prune.requestText(id, "idFile")).as("a file is not text").isNull();
  }

  @Test
  void anUntrustedBusinesssRequestIsPendingAndTheCurrencyDefaultsToEur() {
    prune.trustedBusiness(false);
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Anne").text("lastName", "Durand")
        .text("countryShort", "FR").text("idType", "passport").png("idFile").text("poaType", "utilityBill")
        .png("poaFile");

    JsonNode data = success(http.post("/v1/accounts/request-account", form), 201).get("data");

    assertThat(data.get("requestStatus").asText()).isEqualTo("PENDING");
    assertThat(data.get("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void approvalIssuesAnAccountWithAnIbanThatTheStatusAndTheListShow() {
    String id = file(PruneHttp.individual("Anne"));
    JsonNode before = success(http.get("/v1/accounts/requests/" + id + "/status"), 200).get("data");
    assertThat(before.get("requestStatus").asText()).isEqualTo("INPROGRESS");
    assertThat(before.get("issuedAccount").isNull()).isTrue();

    String accountId = prune.approveAccountRequest(id);

    JsonNode after = success(http.get("/v1/accounts/requests/" + id + "/status"), 200).get("data");
    assertThat(after.get("requestStatus").asText()).isEqualTo("APPROVED");
    assertThat(after.get("requestAccountName").asText()).isEqualTo("Anne Durand");
    assertThat(after.get("currency").asText()).isEqualTo("EUR");
    JsonNode issued = after.get("issuedAccount");
    assertThat(issued.get("id").asText()).isEqualTo(accountId);
    assertThat(issued.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(issued.get("accountBalance").decimalValue()).isEqualByComparingTo("0");
    assertThat(Iban.valid(issued.get("accountIban").asText())).isTrue();
    JsonNode account = success(http.get("/v1/accounts/" + accountId + "?currency=EUR"), 200).get("data");
    assertThat(account.get("accountIban").asText()).isEqualTo(issued.get("accountIban").asText());
    assertThat(account.get("type").asText()).isEqualTo("USER");
    assertThat(account.get("firstName").asText()).isEqualTo("Anne");
    assertThat(success(http.get("/v1/accounts?currency=EUR"), 200).at("/meta/total").asInt()).isEqualTo(4);
  }

  @Test
  void anApprovedGbpRequestGetsAnAccountNumberAndSortCode() {
    String id = file(new PruneHttp.Form().text("firstName", "Amy").text("lastName", "Pond").text("countryShort", "UK")
            .text("idType", "passport").png("idFile").text("poaType", "utilityBill").png("poaFile")
            .text("currency", "GBP"));

    String accountId = prune.approveAccountRequest(id);

    JsonNode account = success(http.get("/v1/accounts/" + accountId + "?currency=GBP"), 200).get("data");
    assertThat(account.get("accountNumber").asText()).matches("[0-9]{8}");
    assertThat(account.get("sortCode").asText()).isEqualTo(PruneSimulator.SORT_CODE);
    assertThat(account.get("accountIban").asText())
        .isEqualTo(Iban.of("GB", "PRUN" + PruneSimulator.SORT_CODE + account.get("accountNumber").asText()));
  }

  @Test
  void theRequestShowsItsDocumentsAsUrls() {
    String id = file(PruneHttp.individual("Anne"));

    JsonNode data = success(http.get("/v1/accounts/requests/" + id), 200).get("data");

    assertThat(data.get("status").asText()).isEqualTo("INPROGRESS");
    assertThat(data.get("accountType").asText()).isEqualTo("USER");
    assertThat(data.get("createdAt").asText()).isEqualTo("2026-11-21T10:00:00.000Z");
    assertThat(data.get("country").asText()).isEqualTo("FR");
    JsonNode documents = data.get("documentData");
    assertThat(documents.get("idType").asText()).isEqualTo("passport");
    assertThat(documents.get("poaType").asText()).isEqualTo("utilityBill");
    assertThat(documents.get("idFileURL").asText()).endsWith("/" + id + "/idFile/passport.jpg");
    assertThat(documents.get("poaFileURL").asText()).endsWith("/" + id + "/poaFile/bill.pdf");
    assertThat(documents.has("idFileBackURL")).as("a passport has no back side").isFalse();
  }

  @Test
  void aCorporateRequestKeepsEveryDirectorAndShareholder() {
    PruneHttp.Form form = PruneHttp.corporate().text("director_2_idType", "drivingLicense").png("director_2_idFile")
        .png("director_2_idFileBack").text("director_2_poaType", "utilityBill").png("director_2_poaFile");

    JsonNode receipt = success(http.post("/v1/accounts/request-corporate-account", form), 201).get("data");

    assertThat(receipt.get("companyName").asText()).isEqualTo("Muster GmbH");
    assertThat(receipt.get("requestAccountType").asText()).isEqualTo("CORPORATE");
    String id = receipt.get("id").asText();
    JsonNode documents = success(http.get("/v1/accounts/requests/" + id), 200).at("/data/documentData");
    assertThat(documents.get("mermat").asText()).endsWith("/mermat/mermat.pdf");
    assertThat(documents.get("certOfInc").asText()).endsWith("/certificateOfIncorporation/coi.pdf");
    assertThat(documents.get("directors").fieldNames()).toIterable().containsExactly("director_1", "director_2");
    assertThat(documents.at("/directors/director_2/idType").asText()).isEqualTo("drivingLicense");
    assertThat(documents.at("/directors/director_2/idFileBack").asText()).endsWith("/director_2_idFileBack/director_2_idFileBack.png");
    assertThat(documents.at("/shareholders/shareholder_1/poaType").asText()).isEqualTo("utilityBill");
    assertThat(prune.documents(id)).hasSize(2 + 2 + 2 + 3);
  }

  @Test
  void onlyAPendingRequestCanBeUpdatedAndTheUpdateReplacesItsParts() {
    prune.trustedBusiness(false);
    String id = file(PruneHttp.individual("Anne"));
    PruneHttp.Form update = new PruneHttp.Form().text("firstName", "Annie").text("idType", "residencePermit")
        .file("idFile", "permit.png", "image/png", PruneHttp.PNG).file("idFileBack", "back.png", "image/png", PruneHttp.PNG);

    JsonNode data = success(http.patch("/v1/accounts/requests/" + id, update), 200).get("data");

    assertThat(data.get("firstName").asText()).isEqualTo("Annie");
    assertThat(data.get("lastName").asText()).isEqualTo("Durand");
    assertThat(data.at("/documentData/idType").asText()).isEqualTo("residencePermit");
    assertThat(data.at("/documentData/idFileBackURL").asText()).endsWith("/idFileBack/back.png");
    assertThat(data.get("updatedAt").asText()).isEqualTo("2026-11-21T10:00:00.000Z");
    assertThat(prune.documents(id)).extracting(PruneSimulator.Document::fileName)
        .containsExactly("permit.png", "bill.pdf", "back.png");

    prune.approveAccountRequest(id);
    JsonNode refused = failure(http.patch("/v1/accounts/requests/" + id,
        new PruneHttp.Form().text("firstName", "Ann")), 400);
    assertThat(refused.get("message").asText()).contains("APPROVED").contains("only a PENDING request");
  }

  @Test
  void anUpdateMustLeaveTheRequestComplete() {
    prune.trustedBusiness(false);
    String id = file(PruneHttp.individual("Anne"));

    JsonNode body = failure(http.patch("/v1/accounts/requests/" + id,
        new PruneHttp.Form().text("idType", "identityCard")), 400);

    assertThat(body.get("message").asText()).contains("idFileBack is required for an ID of type identityCard");
    assertThat(prune.requestText(id, "idType")).as("unchanged").isEqualTo("passport");
    assertThat(message(http.patch("/v1/accounts/requests/" + id, new PruneHttp.Form().text("currency", "GBP"))))
        .contains("currency is not a part of an individual's account request update");
  }

  @Test
  void aRejectedRequestSaysWhy() {
    String id = file(PruneHttp.individual("Anne"));

    prune.rejectAccountRequest(id, "document unreadable");

    JsonNode data = success(http.get("/v1/accounts/requests/" + id), 200).get("data");
    assertThat(data.get("status").asText()).isEqualTo("REJECTED");
    assertThat(data.get("reason").asText()).isEqualTo("document unreadable");
    assertThatThrownBy(() -> prune.approveAccountRequest(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unknownRequestsAre404s() {
    failure(http.get("/v1/accounts/requests/00000000-0000-4000-8000-999999999999"), 404);
    failure(http.get("/v1/accounts/requests/nope/status"), 404);
    failure(http.patch("/v1/accounts/requests/nope", new PruneHttp.Form().text("firstName", "A")), 404);
    assertThatThrownBy(() -> prune.approveAccountRequest("nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
