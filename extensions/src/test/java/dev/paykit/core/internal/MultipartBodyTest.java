package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.MultipartkitApi.IdType;
import dev.paykit.core.internal.MultipartkitApi.PoaType;
import dev.paykit.core.testing.LoopbackServer;
import dev.paykit.core.testing.LoopbackServer.Reply;
import dev.paykit.core.testing.MultipartParts;
import dev.paykit.core.testing.MultipartParts.Part;
import feign.form.FormData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart bodies read from the spec ({@code multipartkit}, shaped like Prune's account requests),
 * validated before anything is sent, and sent over real HTTP on loopback: the parts that reached the
 * server are read back by a parser written apart from the client's encoder.
 */
class MultipartBodyTest {

  @TempDir
  Path dir;

  private LoopbackServer server;
  private LoopbackRuntime rt;
  private MultipartkitApi api;

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    rt = new LoopbackRuntime("multipartkit", server.baseUrl());
    api = rt.api(MultipartkitApi.class);
  }

  @AfterEach
  void stop() {
    rt.runtime.close();
    server.close();
  }

  private static byte[] file(byte[] magic, int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  private static byte[] png(int size, int seed) {
    return file(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, size, seed);
  }

  private static byte[] jpeg(int size, int seed) {
    return file(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, size, seed);
  }

  private static byte[] pdf(int size, int seed) {
    return file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size, seed);
  }

  private static byte[] gif(int size, int seed) {
    return file("GIF89a".getBytes(StandardCharsets.US_ASCII), size, seed);
  }

  private Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Part> parts(LoopbackServer.Request r) {
    return MultipartParts.parse(r.header("Content-Type"), r.body());
  }

  private static List<String> rules(ValidationException e) {
    return e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
  }

  @Test
  void theGeneratedShapeSendsEveryPartByItsWireNameWithItsFileNameTypeAndExactBytes() throws IOException {
    Path id = write("passport.png", png(300, 1));
    Path poa = write("bill.PDF", pdf(200, 2));
    server.then(Reply.json(200, "{\"id\":\"req_1\",\"requestStatus\":\"PENDING\"}"));

    Object answer = api.requestAccount("Zoë", "O'Brien", "UK", IdType.PASSPORT, id.toFile(), null,
        PoaType.UTILITY_BILL, poa.toFile(), "GBP");

    assertThat(answer).isEqualTo(Map.of("id", "req_1", "requestStatus", "PENDING"));
    assertThat(server.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/accounts/request-account");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + LoopbackRuntime.API_KEY);
      assertThat(r.header("Content-Type")).matches("multipart/form-data; boundary=paykit-[0-9a-f]{32}");
      List<Part> parts = parts(r);
      assertThat(parts).extracting(Part::summary).containsExactly(
          "firstName: Zoë", "lastName: O'Brien", "countryShort: UK", "idType: passport",
          "idFile=passport.png (image/png, 300 bytes)", "poaType: utilityBill",
          "poaFile=bill.PDF (application/pdf, 200 bytes)", "currency: GBP");
      assertThat(parts.get(4).bytes()).isEqualTo(Files.readAllBytes(id));
      assertThat(parts.get(6).bytes()).isEqualTo(Files.readAllBytes(poa));
      assertThat(parts.get(0).contentType()).isEqualTo("text/plain; charset=UTF-8");
      assertThat(parts.get(0).bytes()).isEqualTo("Zoë".getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void everyViolatedPartIsNamedNoMessageRepeatsAValueAndNothingIsSent() {
    Path id = write("id-scan.gif", gif(100, 1));
    Path back = write("back.png", pdf(100, 2));        // a PDF called .png
    Path poa = write("big-bill.pdf", pdf(512_001, 3));  // one byte over 500 KB

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () ->
        api.requestAccount("x".repeat(51), null, "XX", IdType.UNKNOWN_DEFAULT_OPEN_API, id.toFile(),
            back.toFile(), PoaType.BANK_STATEMENT, poa.toFile(), "USD"));

    assertThat(rules(e)).containsExactly("firstName maxLength", "lastName required", "countryShort enum",
        "idType enum", "idFile contentType", "idFile extension", "idFileBack signature",
        "poaFile x-paykit-max-bytes", "currency enum");
    assertThat(e.violations()).extracting(Violation::message).contains(
        "must be one of image/jpeg, image/png, application/pdf",
        "file name must end in .jpeg, .jpg, .png or .pdf",
        "its bytes are not those of the content type it declares",
        "must be at most 512000 bytes");
    assertThat(e.getMessage()).doesNotContain("xxxxxxxxxx", "XX", "unknown_default_open_api", "id-scan", "back.png",
        "big-bill", "USD", "512001");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aRetrySendsTheWholeBodyAgainFromMemoryEvenWhenTheFilesChangedOrVanishedOnDisk() throws IOException {
    byte[] idBytes = png(2_000, 5);
    byte[] poaBytes = jpeg(1_000, 6);
    Path id = write("passport.png", idBytes);
    Path poa = write("statement.jpg", poaBytes);
    server.then(request -> {
      try { // while the first attempt is on the wire, the documents change and go away
        Files.write(id, png(10, 9));
        Files.delete(poa);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return Reply.json(503, "{\"code\":\"busy\",\"message\":\"try again\"}");
    }).then(Reply.json(200, "{\"id\":\"req_2\"}"));

    api.requestAccount("Ada", "Lovelace", "UK", IdType.PASSPORT, id.toFile(), null,
        PoaType.BANK_STATEMENT, poa.toFile(), null);

    List<LoopbackServer.Request> sent = server.requests();
    assertThat(sent).hasSize(2);
    assertThat(rt.sleeper.waits()).hasSize(1);
    List<Part> first = parts(sent.get(0));
    List<Part> second = parts(sent.get(1));
    assertThat(second).extracting(Part::summary).containsExactly("firstName: Ada", "lastName: Lovelace",
        "countryShort: UK", "idType: passport", "idFile=passport.png (image/png, 2000 bytes)",
        "poaType: bankStatement", "poaFile=statement.jpg (image/jpeg, 1000 bytes)");
    assertThat(second).extracting(Part::summary).isEqualTo(first.stream().map(Part::summary).toList());
    assertThat(second.get(4).bytes()).isEqualTo(idBytes).isEqualTo(first.get(4).bytes());
    assertThat(second.get(6).bytes()).isEqualTo(poaBytes).isEqualTo(first.get(6).bytes());
  }

  private Map<String, Object> corporate() {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("countryShort", "FR");
    parts.put("companyName", "Acme SAS");
    parts.put("certificateOfIncorporation", new FormData("application/pdf", "certificate.pdf", pdf(400, 1)));
    parts.put("mermat", write("mermat.pdf", pdf(500, 2)));
    parts.put("director_1_idType", "passport");
    parts.put("director_1_idFile", new FormData("image/jpeg", "d1-passport.jpg", jpeg(300, 3)));
    parts.put("director_1_poaType", PoaType.BANK_STATEMENT);
    parts.put("director_1_poaFile", write("d1-statement.png", png(200, 4)).toFile());
    parts.put("director_2_idType", "identityCard");
    parts.put("director_2_idFile", new MultipartBody.FilePart("d2-front.jpeg", null, jpeg(310, 5)));
    parts.put("director_2_idFileBack", new MultipartBody.FilePart("d2-back.jpeg", "image/jpeg", jpeg(320, 6)));
    parts.put("director_2_poaType", "utilityBill");
    parts.put("director_2_poaFile", write("d2-bill.pdf", pdf(330, 7)));
    parts.put("shareholder_1_idType", "residencePermit");
    parts.put("shareholder_1_idFile", new FormData(null, "s1.png", png(340, 8)));
    parts.put("shareholder_1_poaType", "utilityBill");
    parts.put("shareholder_1_poaFile", new FormData("application/pdf", "s1-bill.pdf", pdf(350, 9)));
    return parts;
  }

  @Test
  void repeatablePartsGoThroughAMapBodyInItsOrderWithTheirFileNamesAndTypes() {
    server.then(Reply.json(200, "{\"id\":\"req_3\"}"));
    Map<String, Object> parts = corporate();

    api.requestCorporateAccountParts(parts);

    LoopbackServer.Request r = server.requests().get(0);
    assertThat(r.path()).isEqualTo("/v1/accounts/request-corporate-account");
    List<Part> sent = parts(r);
    assertThat(sent).extracting(Part::summary).containsExactly(
        "countryShort: FR", "companyName: Acme SAS",
        "certificateOfIncorporation=certificate.pdf (application/pdf, 400 bytes)",
        "mermat=mermat.pdf (application/pdf, 500 bytes)",
        "director_1_idType: passport", "director_1_idFile=d1-passport.jpg (image/jpeg, 300 bytes)",
        "director_1_poaType: bankStatement", "director_1_poaFile=d1-statement.png (image/png, 200 bytes)",
        "director_2_idType: identityCard", "director_2_idFile=d2-front.jpeg (image/jpeg, 310 bytes)",
        "director_2_idFileBack=d2-back.jpeg (image/jpeg, 320 bytes)", "director_2_poaType: utilityBill",
        "director_2_poaFile=d2-bill.pdf (application/pdf, 330 bytes)",
        "shareholder_1_idType: residencePermit", "shareholder_1_idFile=s1.png (image/png, 340 bytes)",
        "shareholder_1_poaType: utilityBill", "shareholder_1_poaFile=s1-bill.pdf (application/pdf, 350 bytes)");
    assertThat(sent.get(9).bytes()).isEqualTo(jpeg(310, 5));
    assertThat(sent.get(16).bytes()).isEqualTo(pdf(350, 9));
    // the caller's map is left as it was: its files were read into a copy
    assertThat(parts.get("mermat")).isInstanceOf(Path.class);
    assertThat(parts.get("certificateOfIncorporation")).isInstanceOf(FormData.class);
  }

  @Test
  void repeatablePartsAreCheckedByTheirPatternTyposAreRefusedAndRequiredOnesNamed() {
    Map<String, Object> parts = corporate();
    parts.put("mermat", new FormData("image/png", "mermat.png", png(100, 1)));   // a PDF-only part
    parts.remove("director_1_idFile");
    parts.put("director_1_idfile", new FormData("image/png", "typo.png", png(100, 2)));
    parts.put("director_1_poaType", "gasBill");
    parts.remove("director_1_poaFile");
    parts.put("director_2_idFile", jpeg(100, 3));                                     // bytes without a name
    parts.put("shareholder_1_idFile", new FormData("image/png", "a\"b\r\nX-Evil: 1.png", png(100, 4)));
    parts.put("director_0_idType", "passport");                                       // directors count from 1
    parts.put("director_2_poaFile", new FormData("application/pdf", "scan.png", pdf(100, 5)));

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> api.requestCorporateAccountParts(parts));

    assertThat(rules(e)).containsExactly("mermat contentType", "mermat extension",
        "director_1_poaType enum", "director_2_idFile filename", "director_2_poaFile extension",
        "shareholder_1_idFile filename", "director_1_idfile additionalProperties",
        "director_0_idType additionalProperties", "director_1_idFile required", "director_1_poaFile required");
    assertThat(e.getMessage()).doesNotContain("gasBill", "X-Evil", "typo.png", "scan.png", "mermat.png");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void textWhereAFileBelongsAFileWhereTextBelongsAnUnreadableFileAndAnEmptyOneAreNamed() {
    Map<String, Object> parts = corporate();
    parts.put("companyName", write("company.txt", "Acme".getBytes(StandardCharsets.UTF_8)));
    parts.put("certificateOfIncorporation", "certificate.pdf");
    parts.put("mermat", dir.resolve("nowhere/mermat.pdf").toFile());
    parts.put("director_1_idFile", new FormData("image/jpeg", "empty.jpg", new byte[0]));
    parts.put("director_1_poaFile", List.of(write("one.png", png(10, 1)), write("two.png", png(10, 2))));

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> api.requestCorporateAccountParts(parts));

    assertThat(rules(e)).containsExactly("companyName type", "certificateOfIncorporation type", "mermat readable",
        "director_1_idFile empty", "director_1_poaFile type");
    assertThat(e.getMessage()).doesNotContain("nowhere", dir.toString());
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aOneShotStreamIsReadOnceAndItsBytesAreSentOnEveryAttempt() {
    byte[] pdf = pdf(700, 4);
    ByteArrayInputStream once = new ByteArrayInputStream(pdf);
    // what a facade does with a caller's stream: read it once, with its name and type, before the call
    MultipartBody.FilePart document = (MultipartBody.FilePart) MultipartBody.inMemory(once, 512_000);
    Map<String, Object> parts = corporate();
    parts.put("mermat", new MultipartBody.FilePart("mermat.pdf", "application/pdf", document.bytes()));
    server.then(Reply.json(503, "{\"code\":\"busy\"}"), Reply.json(503, "{\"code\":\"busy\"}"),
        Reply.json(200, "{\"id\":\"req_4\"}"));

    api.requestCorporateAccountParts(parts);

    assertThat(once.available()).isZero();
    assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(parts(r).get(3).bytes()).isEqualTo(pdf));
  }

  @Test
  void aLargeFileIsNotReadWholeToBeRefused() throws IOException {
    Path huge = dir.resolve("huge.pdf");
    try (var out = Files.newOutputStream(huge)) {
      out.write(pdf(1024, 1));
      out.write(new byte[8 * 1024 * 1024]);
    }
    Object held = MultipartBody.inMemory(huge, 512_000);

    assertThat(held).isInstanceOfSatisfying(MultipartBody.FilePart.class, f -> {
      assertThat(f.size()).isEqualTo(512_001);
      assertThat(f.fileName()).isEqualTo("huge.pdf");
      assertThat(f.contentType()).isEqualTo("application/pdf");
      assertThat(f.toString()).isEqualTo("FilePart[512001 bytes]");
    });
    assertThat(Arrays.copyOf(((MultipartBody.FilePart) held).bytes(), 9)).isEqualTo(Arrays.copyOf(pdf(1024, 1), 9));
  }

  @Test
  void aRuleAcrossPartsIsCheckedOverThePartsPresentAndNamesWhatIsMissing() {
    Path id = write("card-front.png", png(300, 1));
    Path poa = write("bill.pdf", pdf(200, 2));

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () ->
        api.requestAccount("Ada", "Lovelace", "UK", IdType.IDENTITY_CARD, id.toFile(), null,
            PoaType.UTILITY_BILL, poa.toFile(), null));

    assertThat(rules(e)).containsExactly("body anyOf");
    assertThat(e.violations().get(0).message()).isEqualTo("matches none of the 2 allowed shapes (anyOf): "
        + "[0] a passport, which has no back side must not match the excluded schema; "
        + "[1] an ID with its back side idFileBack is required");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aRuleAcrossPartsIsKeptByAPassportWithoutBackAndByAnyIdWithIt() {
    Path id = write("front.png", png(300, 1));
    Path back = write("back.png", png(300, 3));
    Path poa = write("bill.pdf", pdf(200, 2));
    server.then(Reply.json(200, "{\"id\":\"req_p\"}"), Reply.json(200, "{\"id\":\"req_c\"}"));

    api.requestAccount("Ada", "Lovelace", "UK", IdType.PASSPORT, id.toFile(), null, PoaType.UTILITY_BILL,
        poa.toFile(), null);
    api.requestAccount("Ada", "Lovelace", "UK", IdType.RESIDENCE_PERMIT, id.toFile(), back.toFile(),
        PoaType.UTILITY_BILL, poa.toFile(), null);

    assertThat(server.requests()).hasSize(2);
    assertThat(parts(server.requests().get(1))).extracting(Part::name).contains("idFileBack");
  }

  @Test
  void aProvidersRequestCheckSeesThePartsAsSentAndItsViolationsJoinTheSpecsBeforeAnythingIsSent() {
    List<RequestCheck.Request> seen = new java.util.ArrayList<>();
    LoopbackRuntime checked = new LoopbackRuntime("multipartkit", server.baseUrl(), b -> b.requestCheck(
        "requestCorporateAccount", (request, out) -> {
          seen.add(request);
          if (request.has("director_2_idFile") && !request.has("director_2_poaFile")) {
            out.add(new Violation("director_2_poaFile", "required", "is required with director_2_idFile"));
          }
        }));
    Map<String, Object> parts = corporate();
    parts.remove("director_2_poaFile");
    parts.put("companyName", "");                                   // the spec's own violation

    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> checked.api(MultipartkitApi.class).requestCorporateAccountParts(parts));

    assertThat(rules(e)).containsExactly("companyName minLength", "director_2_poaFile required");
    assertThat(server.requests()).isEmpty();
    RequestCheck.Request request = seen.get(0);
    assertThat(request.operation().operationId()).isEqualTo("requestCorporateAccount");
    assertThat(request.text("director_1_poaType")).isEqualTo("bankStatement");       // an enum, as sent
    assertThat(request.parts().get("mermat")).isInstanceOfSatisfying(MultipartBody.FilePart.class,
        f -> assertThat(f.fileName()).isEqualTo("mermat.pdf"));                        // a Path, read once
    assertThat(request.text("mermat")).isNull();
    assertThat(request.jsonBody()).isNull();
    assertThat(request.parts().keySet()).startsWith("countryShort", "companyName", "certificateOfIncorporation");
    checked.runtime.close();
  }

  @Test
  void aRequestCheckForAnOperationTheSpecLacksIsRefusedWhenTheClientIsBuilt() {
    assertThatThrownBy(() -> new LoopbackRuntime("multipartkit", server.baseUrl(),
        b -> b.requestCheck("requestPonyAccount", (r, out) -> { })))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestPonyAccount");
  }

  @Test
  void nullArgumentsAreNamedNotThrownAsNullPointerExceptions() {
    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> api.requestAccount(null, null, null, null, null, null, null, null, null));
    assertThat(rules(e)).containsExactly("firstName required", "lastName required", "countryShort required",
        "idType required", "idFile required", "poaType required", "poaFile required");

    assertThatThrownBy(() -> api.requestCorporateAccountParts(null)).isInstanceOfSatisfying(ValidationException.class,
        v -> assertThat(rules(v)).startsWith("body required", "countryShort required"));
    Map<String, Object> withNullKey = corporate();
    withNullKey.put(null, "x");
    assertThatThrownBy(() -> api.requestCorporateAccountParts(withNullKey))
        .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(rules(v)).containsExactly("body propertyNames"));
    assertThat(server.requests()).isEmpty();
  }
}
