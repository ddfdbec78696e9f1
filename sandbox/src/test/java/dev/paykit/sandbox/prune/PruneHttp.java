package dev.paykit.sandbox.prune;

import dev.paykit.sandbox.SandboxHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Real HTTP against the Prune simulator with the JDK client: every request carries the test key unless
 * another is given. Multipart bodies are written here, independently of paykit's own encoder.
 */
final class PruneHttp {
  static final String TEST = "Bearer " + PruneSimulator.TEST_KEY;
  static final String LIVE = "Bearer " + PruneSimulator.LIVE_KEY;

  private final String baseUrl;

  PruneHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpRequest.Builder request(String pathAndQuery, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  HttpResponse<String> get(String pathAndQuery) {
    return get(pathAndQuery, TEST);
  }

  HttpResponse<String> get(String pathAndQuery, String authorization) {
    return SandboxHttp.send(request(pathAndQuery, authorization).GET().build());
  }

  HttpRequest postJsonRequest(String path, String json, String authorization) {
    return request(path, authorization).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  HttpResponse<String> postJson(String path, String json) {
    return SandboxHttp.send(postJsonRequest(path, json, TEST));
  }

  HttpResponse<String> postJson(String path, String json, String authorization) {
    return SandboxHttp.send(postJsonRequest(path, json, authorization));
  }

  HttpResponse<String> post(String path, Form form) {
    return post(path, form, TEST);
  }

  HttpResponse<String> post(String path, Form form, String authorization) {
    return SandboxHttp.send(request(path, authorization).header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
  }

  HttpResponse<String> patch(String path, Form form) {
    return SandboxHttp.send(request(path, TEST).header("Content-Type", form.contentType())
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
  }

  // ---- multipart bodies ----

  /** A multipart/form-data body, parts in the order added. */
  static final class Form {
    private static final String BOUNDARY = "test-boundary-7c1f9a";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Form text(String name, String value) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      write("\r\n");
      return this;
    }

    Form file(String name, String fileName, String contentType, byte[] bytes) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
          + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
      out.writeBytes(bytes);
      write("\r\n");
      return this;
    }

    Form png(String name) {
      return file(name, name + ".png", "image/png", PNG);
    }

    String contentType() {
      return "multipart/form-data; boundary=" + BOUNDARY;
    }

    byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(out.toByteArray());
      copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return copy.toByteArray();
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A PNG's signature and a few bytes, including CR, LF and bytes over 0x7f, which must arrive unchanged. */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe,
      '\r', '\n', '-', '-'};
  static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
  static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

  /** A file of exactly {@code size} bytes, starting like a PDF. */
  static byte[] pdfOfSize(int size) {
    byte[] b = Arrays.copyOf(PDF, size);
    Arrays.fill(b, PDF.length, size, (byte) 'x');
    return b;
  }

  /** An individual's complete request with a passport (no back side needed). */
  static Form individual(String firstName) {
    return new Form().text("firstName", firstName).text("lastName", "Durand").text("countryShort", "FR")
        .text("idType", "passport").file("idFile", "passport.jpg", "image/jpeg", JPEG)
        .text("poaType", "utilityBill").file("poaFile", "bill.pdf", "application/pdf", PDF)
        .text("currency", "EUR");
  }

  /** A company's complete request: director 1 and shareholder 1 with passports. */
  static Form corporate() {
    return new Form().text("countryShort", "DE").text("companyName", "Muster GmbH")
        .file("certificateOfIncorporation", "coi.pdf", "application/pdf", PDF)
        .file("mermat", "mermat.pdf", "application/pdf", PDF).text("currency", "EUR")
        .text("director_1_idType", "passport").png("director_1_idFile")
        .text("director_1_poaType", "bankStatement").png("director_1_poaFile")
        .text("shareholder_1_idType", "passport").png("shareholder_1_idFile")
        .text("shareholder_1_poaType", "utilityBill").png("shareholder_1_poaFile");
  }

  // ---- JSON bodies ----

  /** A send-money body from {@code account} by a COMPANY debtor with a website. */
  static String send(String account, String amount, String reference) {
    return """
        {"account": "%s", "amount": %s, "beneficiaryFullName": "Erika Mustermann",
         "destinationIBAN": "%s", "destinationBIC": "%s", "destinationCountry": "Germany",
         "destinationBank": "Commerzbank", "reference": "%s", "reason": "Invoice 42",
         "debtorFullName": "Laurent & Becker SARL", "debtorAddress": "1 rue de la Paix", "debtorCountryCode": "FR",
         "debtorPostCode": "75002", "debtorCity": "Paris", "debtorType": "COMPANY", "debtorWebsite": "https://lb.example"}"""
        .formatted(account, amount, PruneSimulator.IBAN_COMMERZBANK, PruneSimulator.BIC_COMMERZBANK, reference);
  }

  static String disburse(String amount, String reference) {
    return """
        {"amount": %s, "beneficiaryFullName": "Erika Mustermann", "destinationIBAN": "%s",
         "destinationBIC": "%s", "destinationCountry": "Germany", "destinationBank": "Commerzbank",
         "reference": "%s", "reason": "Refund"}"""
        .formatted(amount, PruneSimulator.IBAN_COMMERZBANK, PruneSimulator.BIC_COMMERZBANK, reference);
  }
}
