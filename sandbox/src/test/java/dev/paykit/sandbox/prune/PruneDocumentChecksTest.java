package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator refuses what specs/prune/openapi.yaml refuses (so a test can show the client catches it
 * first), with Prune's 400 envelope naming every problem, and files nothing.
 */
class PruneDocumentChecksTest extends PruneSimulatorTestBase {
  private static final String INDIVIDUAL = "/v1/accounts/request-account";
  private static final String CORPORATE = "/v1/accounts/request-corporate-account";

  /** A complete individual request with a passport, but with this ID file. */
  private static PruneHttp.Form withIdFile(String fileName, String contentType, byte[] bytes) {
    return new PruneHttp.Form().text("firstName", "Anne").text("lastName", "Durand").text("countryShort", "FR")
        .text("idType", "passport").file("idFile", fileName, contentType, bytes).text("poaType", "utilityBill")
        .png("poaFile");
  }

  private String refused(String path, PruneHttp.Form form) {
    HttpResponse<String> response = http.post(path, form);
    String message = failure(response, 400).get("message").asText();
    assertThat(message).startsWith("One or more fields are missing or invalid: ");
    assertThat(prune.transfers()).isEmpty();
    return message;
  }

  @Test
  void aFileOfExactly500KiBIsTakenOneByteMoreIsNot() {
    success(http.post(INDIVIDUAL, withIdFile("id.pdf", "application/pdf", PruneHttp.pdfOfSize(512_000))), 201);

    assertThat(refused(INDIVIDUAL, withIdFile("id.pdf", "application/pdf", PruneHttp.pdfOfSize(512_001))))
        .contains("idFile is larger than 500 KB (512000 bytes)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id.gif", "id.pdf.exe", "id", "id.tiff"})
  void onlyJpegJpgPngAndPdfFileNamesAreTaken(String fileName) {
    assertThat(refused(INDIVIDUAL, withIdFile(fileName, "image/png", PruneHttp.PNG)))
        .contains("idFile must be a .jpeg, .jpg, .png or .pdf file");
  }

  @Test
  void theExtensionIsReadInAnyCase() {
    success(http.post(INDIVIDUAL, withIdFile("ID.JPG", "image/jpeg", PruneHttp.JPEG)), 201);
  }

  @Test
  void theContentTypeMustBeAllowedAndAgreeWithTheExtension() {
    assertThat(refused(INDIVIDUAL, withIdFile("id.png", "application/octet-stream", PruneHttp.PNG)))
        .contains("idFile must have content type image/jpeg, image/png or application/pdf (was 'application/octet-stream')");
    assertThat(refused(INDIVIDUAL, withIdFile("id.png", null, PruneHttp.PNG))).contains("(was 'none')");
    assertThat(refused(INDIVIDUAL, withIdFile("id.png", "image/jpeg", PruneHttp.PNG)))
        .contains("idFile's content type image/jpeg does not match its .png file name");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(refused(INDIVIDUAL, withIdFile("id.png", "image/png", new byte[0]))).contains("idFile is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"identityCard", "drivingLicense", "residencePermit"})
  void everyIdButAPassportNeedsItsBackSide(String idType) {
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Anne").text("lastName", "Durand")
        .text("countryShort", "FR").text("idType", idType).png("idFile").text("poaType", "utilityBill").png("poaFile");

    assertThat(refused(INDIVIDUAL, form))
        .contains("idFileBack is required for an ID of type " + idType + " (the back side of every ID but a passport)");
    success(http.post(INDIVIDUAL, form.png("idFileBack")), 201);
  }

  @Test
  void documentTypesCountriesAndCurrenciesAreCaseSensitive() {
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Anne").text("lastName", "Durand")
        .text("countryShort", "fr").text("idType", "Passport").png("idFile").text("poaType", "UtilityBill")
        .png("poaFile").text("currency", "eur");

    String message = refused(INDIVIDUAL, form);

    assertThat(message).contains("countryShort must be one of UK, FR, DE, IT, ES, NG, BJ, ML, TG, CI, US (case-sensitive)")
        .contains("idType must be one of passport, identityCard, drivingLicense, residencePermit (case-sensitive)")
        .contains("poaType must be one of utilityBill, bankStatement (case-sensitive)")
        .contains("currency must be one of EUR, GBP (case-sensitive)");
  }

  @Test
  void everyMissingPartIsNamedInOneAnswer() {
    String message = refused(INDIVIDUAL, new PruneHttp.Form().text("firstName", "Anne"));

    assertThat(message).contains("lastName is required", "countryShort is required", "idType is required",
        "idFile is required", "poaType is required", "poaFile is required");
  }

  @Test
  void partsOfTheWrongKindOrNotOfTheFormAreRefused() {
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Anne")
        .file("lastName", "name.png", "image/png", PruneHttp.PNG).text("countryShort", "FR")
        .text("idType", "passport").png("idFile").text("poaType", "utilityBill").png("poaFile")
        .text("companyName", "Muster GmbH");

    String message = refused(INDIVIDUAL, form);

    assertThat(message).contains("lastName must be text, not a file")
        .contains("companyName is not a part of an individual's account request");
  }

  @Test
  void aPartSentTwiceIsRefused() {
    assertThat(refused(INDIVIDUAL, PruneHttp.individual("Anne").png("poaFile")))
        .contains("poaFile is sent more than once");
  }

  @Test
  void aTextPartWhereAFileBelongsIsRefused() {
    PruneHttp.Form form = new PruneHttp.Form().text("firstName", "Anne").text("lastName", "Durand")
        .text("countryShort", "FR").text("idType", "passport").text("idFile", "passport.jpg")
        .text("poaType", "utilityBill").png("poaFile");

    assertThat(refused(INDIVIDUAL, form)).contains("idFile must be a file (a part with a filename)");
  }

  @Test
  void aCompanyNeedsItsFirstDirectorAndShareholder() {
    PruneHttp.Form form = new PruneHttp.Form().text("countryShort", "DE").text("companyName", "Muster GmbH")
        .file("certificateOfIncorporation", "coi.pdf", "application/pdf", PruneHttp.PDF)
        .file("mermat", "mermat.pdf", "application/pdf", PruneHttp.PDF)
        .text("director_1_idType", "passport").png("director_1_idFile")
        .text("director_1_poaType", "bankStatement").png("director_1_poaFile");

    assertThat(refused(CORPORATE, form)).contains("shareholder_1_idType is required", "shareholder_1_idFile is required",
        "shareholder_1_poaType is required", "shareholder_1_poaFile is required");
  }

  @Test
  void everyFurtherDirectorMustBeCompleteWithTheBackOfItsId() {
    PruneHttp.Form form = PruneHttp.corporate().text("director_3_idType", "identityCard").png("director_3_idFile");

    assertThat(refused(CORPORATE, form)).contains("director_3_poaType is required", "director_3_poaFile is required",
        "director_3_idFileBack is required for an ID of type identityCard");
  }

  @Test
  void personPartsAreOnlyTheFourDocumentedOnes() {
    assertThat(refused(CORPORATE, PruneHttp.corporate().text("director_1_name", "Max")))
        .contains("director_1_name is not a part of a corporate account request");
    assertThat(refused(CORPORATE, PruneHttp.corporate().png("director_0_idFile")))
        .contains("director_0_idFile is not a part of a corporate account request");
    assertThat(refused(INDIVIDUAL, PruneHttp.individual("Anne").png("director_1_idFile")))
        .contains("director_1_idFile is not a part of an individual's account request");
  }

  @Test
  void aBodyThatIsNotMultipartIsRefused() {
    HttpResponse<String> json = http.postJson(INDIVIDUAL, "{\"firstName\": \"Anne\"}");
    assertThat(failure(json, 400).get("message").asText()).contains("must be multipart/form-data with a boundary");

    HttpResponse<String> truncated = SandboxHttp.send(http.request(INDIVIDUAL, PruneHttp.TEST)
        .header("Content-Type", "multipart/form-data; boundary=abc")
        .POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-data; name=\"firstName\"\r\n\r\nAnne"))
        .build());
    assertThat(failure(truncated, 400).get("message").asText()).contains("ends without its close delimiter");
  }

  @Test
  void aQuotedBoundaryIsRead() {
    PruneHttp.Form form = PruneHttp.individual("Anne");
    HttpResponse<String> response = SandboxHttp.send(http.request(INDIVIDUAL, PruneHttp.TEST)
        .header("Content-Type", "multipart/form-data; boundary=\"test-boundary-7c1f9a\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());

    success(response, 201);
  }
}
