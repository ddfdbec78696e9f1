package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.BIC_COMMERZBANK;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_COMMERZBANK;

import dev.paykit.prune.CompanyPerson;
import dev.paykit.prune.CorporateAccountRequest;
import dev.paykit.prune.Document;
import dev.paykit.prune.IndividualAccountRequest;
import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.DebtorType;
import dev.paykit.prune.model.DisburseRequest;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.IssuedCurrency;
import dev.paykit.prune.model.PoaType;
import dev.paykit.prune.model.SendMoneyRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Documents and requests the Prune tests share: small, valid, and with bytes that tell them apart. */
final class PruneFixtures {

  private PruneFixtures() {}

  static byte[] file(byte[] magic, int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  static byte[] png(int size, int seed) {
    return file(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, size, seed);
  }

  static byte[] jpeg(int size, int seed) {
    return file(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, size, seed);
  }

  static byte[] pdf(int size, int seed) {
    return file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size, seed);
  }

  static Document pngDoc(String name, int seed) {
    return Document.of(png(400, seed), name, "image/png");
  }

  static Document pdfDoc(String name, int seed) {
    return Document.of(pdf(300, seed), name, "application/pdf");
  }

  /** Amélie's request: an identity card with its back side, a utility bill, EUR. */
  static IndividualAccountRequest.Builder individual() {
    return IndividualAccountRequest.builder()
        .firstName("Amélie").lastName("Laurent").country(CountryShort.FR)
        .id(IdType.IDENTITY_CARD, pngDoc("id-front.png", 1), pngDoc("id-back.png", 2))
        .proofOfAddress(PoaType.UTILITY_BILL, pdfDoc("bill.pdf", 3))
        .currency(IssuedCurrency.EUR);
  }

  static CompanyPerson passportHolder(int seed) {
    return CompanyPerson.of(IdType.PASSPORT, pngDoc("passport-" + seed + ".png", seed), PoaType.BANK_STATEMENT,
        pdfDoc("statement-" + seed + ".pdf", seed + 1));
  }

  static CompanyPerson cardHolder(int seed) {
    return CompanyPerson.of(IdType.DRIVING_LICENSE, pngDoc("licence-" + seed + ".png", seed),
        pngDoc("licence-back-" + seed + ".png", seed + 1), PoaType.UTILITY_BILL, pdfDoc("bill-" + seed + ".pdf", seed + 2));
  }

  static CorporateAccountRequest.Builder corporate() {
    return CorporateAccountRequest.builder()
        .companyName("Laurent & Becker SARL").country(CountryShort.FR).currency(IssuedCurrency.EUR)
        .certificateOfIncorporation(pdfDoc("certificate.pdf", 10))
        .memorandumAndArticles(pdfDoc("articles.pdf", 11));
  }

  /** A transfer from an issued account to Commerzbank, an INDIVIDUAL debtor. */
  static SendMoneyRequest transfer(String fromIban, String reference, String amount) {
    return new SendMoneyRequest()
        .account(fromIban).amount(new BigDecimal(amount))
        .beneficiaryFullName("Max Mustermann").destinationIBAN(IBAN_COMMERZBANK).destinationBIC(BIC_COMMERZBANK)
        .destinationCountry("Germany").destinationBank("Commerzbank")
        .reference(reference).reason("Invoice " + reference)
        .debtorFullName("Amélie Laurent").debtorAddress("12 rue de la Paix").debtorCountryCode("FR")
        .debtorCity("Paris").debtorPostCode("75002").debtorType(DebtorType.INDIVIDUAL)
        .debtorIdType("passport").debtorIdNumber("19AB12345");
  }

  static DisburseRequest payout(String reference, String amount) {
    return new DisburseRequest()
        .amount(new BigDecimal(amount)).beneficiaryFullName("Max Mustermann")
        .destinationIBAN(IBAN_COMMERZBANK).destinationBIC(BIC_COMMERZBANK)
        .destinationCountry("Germany").destinationBank("Commerzbank")
        .reference(reference).reason("Refund " + reference);
  }
}
